"""Build step: compile the Babel catalogs (``i18n/<lang>/LC_MESSAGES/messages.po``) into
``messages.mo`` files inside the wheel, so an installed Party Ledger reads compiled catalogs and
no ``.mo`` file is ever committed. (From a source checkout the application compiles the
``.po`` files in memory instead.)"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        self._folder = tempfile.TemporaryDirectory(prefix="party-ledger-mo-")
        out = Path(self._folder.name)
        for po in sorted(Path(self.root, "i18n").glob("*/LC_MESSAGES/messages.po")):
            language = po.parent.parent.name
            with po.open("rb") as source:
                catalog = read_po(source, locale=language)
            mo = out / language / "messages.mo"
            mo.parent.mkdir(parents=True)
            with mo.open("wb") as target:
                write_mo(target, catalog)
            build_data["force_include"][str(mo)] = (
                f"desktop_app/_data/i18n/{language}/LC_MESSAGES/messages.mo"
            )

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()
