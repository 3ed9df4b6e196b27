"""The server's app factory leaves start-up's objects out of the garbage collector's walks."""

from __future__ import annotations

import gc

from chezflora.entrypoints.http import asgi


def test_the_app_factory_freezes_what_start_up_built(tmp_path, monkeypatch):
    monkeypatch.setenv("CHEZFLORA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CHEZFLORA_DATABASE_URL", f"sqlite:///{tmp_path / 'entry.sqlite3'}")
    monkeypatch.setenv("CHEZFLORA_REDIS_URL", "")
    gc.unfreeze()
    try:
        app = asgi.create()
        assert app.route_handler_method_map  # a working app
        # Every object alive after start-up is frozen: a full collection skips them.
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
