import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator


@contextlib.contextmanager
def scratch_dir(prefix: str = "app-") -> Iterator[Path]:
    """A fresh private directory (mode 0o700), deleted with everything in it when the block ends,
    whether it succeeds or raises."""
    with tempfile.TemporaryDirectory(prefix=prefix) as name:
        yield Path(name)


@contextlib.contextmanager
def temp_file_with(content: str | bytes, *, suffix: str = "") -> Iterator[Path]:
    """Writes content to a new temp file, closes it, yields its path, and deletes it afterwards.

    The file is closed before the block runs, so other code (or a subprocess) can open it by name;
    NamedTemporaryFile kept open cannot be reopened on Windows.
    """
    fd, name = tempfile.mkstemp(suffix=suffix)  # created atomically with a unique name, mode 0o600
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(content.encode("utf-8") if isinstance(content, str) else content)
        yield Path(name)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


def atomic_write(path: str | Path, content: str | bytes) -> None:
    """Replaces the file at path with content so readers see the old file or the new one, never a mix.

    Writes a temp file in the *same directory* (os.replace is only atomic within one filesystem),
    flushes it to disk, then renames it over the target. On any error the temp file is removed
    and the original is untouched. The new file gets mkstemp's 0o600 permissions.
    """
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())  # the data is on disk before the rename makes it visible
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
