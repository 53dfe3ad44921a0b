"""The ledger file: SQLite through sqlite-utils, its migrations and its record bookkeeping."""

from desktop_app.storage.ledger import Ledger, open_ledger

__all__ = ["Ledger", "open_ledger"]
