"""Exchange packages: one organization's subtree carried between ledgers as one file.

A college writes its records into a ``.ledgerpkg`` (``package.py``); the school merges it into
its own ledger by ``uid`` (``merge.py``). Creation targets and tasks are school-wide and stay
out of packages: each ledger keeps its own.
"""

from desktop_app.exchange.merge import Conflict, MergeResult, import_package, plan_import
from desktop_app.exchange.package import Package, read_package, write_package

__all__ = [
    "Conflict",
    "MergeResult",
    "Package",
    "import_package",
    "plan_import",
    "read_package",
    "write_package",
]
