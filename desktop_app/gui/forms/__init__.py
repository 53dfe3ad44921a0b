"""Python modules generated from the Qt Designer forms in ``ui/``. Do not edit them: change the
``.ui`` file and run ``python ui/compile_forms.py`` (a test fails when they are stale).

``pyside6-uic --tr _`` writes ``_("text", None)`` calls and expects ``_`` in the module; it is
supplied here, so a form's texts go through the application's catalogs like every other string.
"""

from __future__ import annotations

import importlib
import pkgutil

from desktop_app.i18n import _ as _translate


def _(text: str, disambiguation: str | None = None) -> str:
    return _translate(text)


for _info in pkgutil.iter_modules(__path__):
    if _info.name.startswith("ui_"):
        _module = importlib.import_module(f"{__name__}.{_info.name}")
        _module._ = _  # type: ignore[attr-defined]
