"""A language for one piece of work in one thread (a report in English while the window is in
Chinese) leaves every other thread in its own language."""

from __future__ import annotations

import threading

from desktop_app.i18n import _, current_language, language, set_language


def test_language_block_applies_to_this_thread_only() -> None:
    set_language("zh_CN")
    seen: dict[str, str] = {}
    inside = threading.Event()
    release = threading.Event()

    def work() -> None:
        with language("en"):
            seen["worker"] = _("Recycle bin")
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=work)
    thread.start()
    inside.wait(5)
    seen["main"] = _("Recycle bin")
    release.set()
    thread.join(5)
    assert seen == {"worker": "Recycle bin", "main": "回收站"}


def test_language_block_restores_the_language() -> None:
    set_language("en")
    with language("zh_CN") as chosen:
        assert chosen == "zh_CN"
        assert current_language() == "zh_CN"
        assert _("Recycle bin") == "回收站"
        with language("en"):
            assert _("Recycle bin") == "Recycle bin"
        assert _("Recycle bin") == "回收站"
    assert current_language() == "en"
    assert _("Recycle bin") == "Recycle bin"


def test_no_language_keeps_the_current_one() -> None:
    set_language("zh_CN")
    with language(None) as chosen:
        assert chosen == "zh_CN"
        assert _("Recycle bin") == "回收站"
