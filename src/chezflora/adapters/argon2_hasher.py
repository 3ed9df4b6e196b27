"""Passwords hashed with argon2id, with parameters chosen for the machine (settings).

argon2-cffi's default (p = 4 lanes, 64 MiB) runs four threads per hash: on a 2-core box,
16 concurrent logins starved every other request. OWASP's argon2id floor (m = 19 MiB, t = 2,
p = 1) is the default here; a hash made with other parameters is upgraded at the next login.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MEMORY_KIB = 19 * 1024
TIME_COST = 2
PARALLELISM = 1


def argon2id(
    memory_kib: int = MEMORY_KIB, time_cost: int = TIME_COST, parallelism: int = PARALLELISM
) -> PasswordHasher:
    return PasswordHasher(
        time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=Type.ID
    )


class Argon2PasswordHasher:
    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or argon2id()

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, password_hash: str) -> bool:
        try:
            return self._hasher.check_needs_rehash(password_hash)
        except (InvalidHashError, ValueError):
            return True
