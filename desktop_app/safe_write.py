"""Saving a file so that a failed save never leaves half a file behind: write a temporary
file in the same folder, then put it in place. A locked file, a read-only folder, a folder
given as the file name or a full disk becomes a ``StorageError`` naming what to do."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop_app.errors import StorageError
from desktop_app.i18n import _


def write_atomically(path: str | Path, write: Callable[[Path], None], *, suffix: str = "") -> Path:
    """Call ``write(temporary)`` to write the file's content, then replace ``path`` with it.
    The temporary file is made first, so a folder that cannot be written is found before any
    work is done; whatever fails, it is removed. ``suffix`` (".pdf") names the kind of file
    in messages when ``path`` has none."""
    suffix = Path(path).suffix or suffix
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise StorageError(
            _("The folder {folder} does not exist; choose another place to save {name}.").format(
                folder=folder, name=path.name
            )
        )
    if path.is_dir():
        raise is_a_folder(path, suffix)
    temporary: Path | None = None
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{path.stem}-", suffix=f"{path.suffix}.part", dir=folder
        )
        os.close(handle)
        temporary = Path(name)
        write(temporary)
        # mkstemp makes the file readable by its owner only; give it the mode of a file made
        # the usual way, before it takes its place.
        with contextlib.suppress(OSError):
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
        temporary = None
    except PermissionError as exc:
        if path.is_dir():
            raise is_a_folder(path, suffix) from exc
        raise StorageError(
            _(
                "The file {path} cannot be written: it is open in another program (Excel or a "
                "PDF viewer, say), or the folder is read-only. Close the file there (or choose "
                "another folder) and try again."
            ).format(path=path)
        ) from exc
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise is_a_folder(path, suffix) from exc
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            message = _(
                "The disk is full: {path} could not be written. Free some space and try again."
            ).format(path=path)
        else:
            message = _("The file {path} could not be written: {reason}.").format(
                path=path, reason=exc.strerror or exc
            )
        raise StorageError(message) from exc
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
    return path


def is_a_folder(path: Path, suffix: str) -> StorageError:
    return StorageError(
        _(
            "{path} is a folder, not a file. Choose a file name to save under (ending in {suffix})."
        ).format(path=path, suffix=suffix)
    )


def _umask() -> int:
    """The process's umask (it can only be read by setting it, so it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
