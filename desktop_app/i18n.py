"""Translations: ``_``, ``N_``, ``ngettext`` and ``pgettext`` on gettext with Babel catalogs.

Source strings are English; 简体中文 (``zh_CN``) is the default language. A catalog is read
from a compiled ``messages.mo`` when one ships, else compiled in memory from ``messages.po``
with Babel; with no catalog at all the English source strings are shown.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import io
import os
import threading
from collections.abc import Iterable, Iterator

from desktop_app.paths import catalogs_dir

DOMAIN = "messages"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "zh_TW": "繁體中文", "en": "English"}
LANG_ENV = "PARTY_LEDGER_LANG"
PSEUDO = "x_pseudo"
"""A pseudo-language for testing layouts: every message 40 % longer, in brackets. Never
offered to users; ``--lang x_pseudo`` or ``PARTY_LEDGER_LANG=x_pseudo`` turn it on."""

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_local = threading.local()  # a language chosen for one piece of work in one thread


def normalize_language(code: str | None) -> str | None:
    """Map spellings such as ``zh-cn``, ``zh_Hans``, ``en_US`` onto a supported code."""
    if not code:
        return None
    text = code.strip().replace("-", "_").lower()
    if text == PSEUDO:
        return PSEUDO
    if text in ("zh", "zh_cn", "zh_hans", "zh_sg", "zh_hans_cn"):
        return "zh_CN"
    if text in ("zh_tw", "zh_hant", "zh_hk", "zh_mo", "zh_hant_tw"):
        return "zh_TW"
    if text.startswith("en"):
        return "en"
    return None


class _PseudoTranslations(gettext.NullTranslations):
    """Each message lengthened by 40 % and bracketed, placeholders kept, so a test can find a
    layout that clips a longer translation."""

    @staticmethod
    def stretch(message: str) -> str:
        if not message.strip():
            return message
        return f"[{message}{'~' * max(2, len(message) * 2 // 5)}]"

    def gettext(self, message: str) -> str:
        return self.stretch(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.stretch(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self.stretch(message)


def _load(code: str) -> gettext.NullTranslations:
    if code == PSEUDO:
        return _PseudoTranslations()
    folder = catalogs_dir() / code / "LC_MESSAGES"
    mo = folder / f"{DOMAIN}.mo"
    po = folder / f"{DOMAIN}.po"
    # An installed package has the .mo only; a source checkout has the .po, and a .mo only if
    # one was compiled there (it is not committed), used while it is not older than the .po.
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fp:
            return gettext.GNUTranslations(fp)
    if po.is_file():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as fp:
            catalog = read_po(fp, locale=code)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


@functools.cache
def translations_for(code: str) -> gettext.NullTranslations:
    """The catalog of ``code`` (read once), whatever the interface language: for accepting
    what a user typed in any of the languages."""
    return _load(code)


def available_languages() -> list[str]:
    """The languages this installation can show: English and those with a catalog."""
    root = catalogs_dir()
    return sorted(
        code
        for code in LANGUAGES
        if code == "en" or any((root / code / "LC_MESSAGES").glob(f"{DOMAIN}.[mp]o"))
    )


def set_language(code: str | None = None) -> str:
    """Switch every later ``_()`` to ``code`` (or ``$PARTY_LEDGER_LANG``, or the default)."""
    global _translations, _language
    chosen = (
        normalize_language(code) or normalize_language(os.environ.get(LANG_ENV)) or DEFAULT_LANGUAGE
    )
    _translations = translations_for(chosen)
    _language = chosen
    return chosen


def current_language() -> str:
    return getattr(_local, "language", None) or _language


@contextlib.contextmanager
def language(code: str | None) -> Iterator[str]:
    """Translate into ``code`` in this thread while the block runs (a PDF in another language
    than the window's, made in a background thread, say); None keeps the current language.
    Other threads, the window's among them, go on in their own language."""
    chosen = normalize_language(code) if code else None
    if chosen is None:
        yield current_language()
        return
    saved = getattr(_local, "translations", None), getattr(_local, "language", None)
    _local.translations = translations_for(chosen)
    _local.language = chosen
    try:
        yield chosen
    finally:
        _local.translations, _local.language = saved


def _active() -> gettext.NullTranslations:
    return getattr(_local, "translations", None) or _translations


def _(message: str) -> str:
    return _active().gettext(message)


def N_(message: str) -> str:
    """Mark a module-level constant for extraction; translate it with ``_()`` where shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _active().pgettext(context, message)


def join_list(items: Iterable[object]) -> str:
    """A list as the language writes it: “a, b, c” in English, “甲、乙、丙” in Chinese."""
    return pgettext("list separator", ", ").join(str(item) for item in items)
