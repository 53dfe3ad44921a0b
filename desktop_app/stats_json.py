"""The annual statistics as JSON text: what ``party-ledger stats --json`` prints and what the
Reports page exports, character for character."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def stats_json(stats: dict[str, Any]) -> str:
    """``stats`` (a ``compute_stats`` dict) as the JSON of the statistics contract: Chinese
    names kept as they are, indented by two spaces, ending with a newline."""
    return json.dumps(stats, ensure_ascii=False, indent=2) + "\n"


def write_stats_json(path: str | Path, stats: dict[str, Any]) -> Path:
    """Write ``stats_json(stats)`` to ``path`` in UTF-8 with ``\\n`` line ends."""
    target = Path(path)
    target.write_text(stats_json(stats), encoding="utf-8", newline="\n")
    return target
