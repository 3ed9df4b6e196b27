"""CPU seconds spent by the server's processes and by MariaDB, read from /proc (Linux).

Throughput on a shared host swings with what else runs on it; CPU time per flow swings much
less, and with the core count it gives the ceiling: flows/s ≤ cores / CPU seconds per flow.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

_PROC = Path("/proc")
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat_fields(pid: int) -> list[str] | None:
    try:
        raw = (_PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces: the fields after it follow its last ")".
    return raw.rsplit(")", 1)[1].split()


def _children(pid: int) -> list[int]:
    found = []
    for entry in _PROC.iterdir():
        if entry.name.isdigit():
            fields = _stat_fields(int(entry.name))
            if fields is not None and int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def process_tree(root: int) -> list[int]:
    """`root` and every process below it (the server's workers are its children)."""
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending.extend(_children(pid))
    return tree


def named(name: str) -> list[int]:
    pids = []
    for entry in _PROC.iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == name:
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        fields = _stat_fields(pid)
        if fields is not None:
            total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    return total / _TICKS


@dataclass
class CpuMeter:
    """Snapshots of the server's and MariaDB's CPU seconds; `spent` gives the difference."""

    server: list[int]
    database: list[int]

    @classmethod
    def for_server(cls, server_pid: int) -> CpuMeter:
        return cls(process_tree(server_pid), named("mariadbd") or named("mysqld"))

    def read(self) -> tuple[float, float]:
        return cpu_seconds(self.server), cpu_seconds(self.database)

    @staticmethod
    def spent(before: tuple[float, float], after: tuple[float, float]) -> tuple[float, float]:
        return after[0] - before[0], after[1] - before[1]
