import fnmatch
from pathlib import Path
from typing import Iterable, Iterator

DEFAULT_EXCLUDES = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})


def find_files(
    root: str | Path,
    patterns: Iterable[str] = ("*",),
    *,
    exclude_dirs: Iterable[str] = DEFAULT_EXCLUDES,
    include_hidden: bool = False,
) -> Iterator[Path]:
    """Yields files under root whose name matches any of `patterns` (fnmatch globs like "*.py").

    - Directories named in `exclude_dirs` (or glob-matching one) are pruned: never listed or entered.
    - Hidden entries (name starts with ".") are skipped unless include_hidden.
    - Symlinks to files are yielded; symlinks to directories are not followed (no loops).
    - Order is deterministic: a directory's files (sorted by name), then its subdirectories in turn.
    - Unreadable directories are skipped instead of aborting the walk.
    Paths are yielded as root / relative parts (absolute only if root is).
    """
    patterns = tuple(patterns)
    excludes = tuple(exclude_dirs)
    stack = [Path(root)]
    while stack:
        directory = stack.pop()
        try:
            entries = sorted(directory.iterdir(), key=lambda p: p.name)
        except OSError:  # unreadable, vanished, or not a directory
            continue
        subdirectories = []
        for entry in entries:
            if entry.name.startswith(".") and not include_hidden:
                continue
            if entry.is_dir() and not entry.is_symlink():
                if not any(fnmatch.fnmatch(entry.name, pattern) for pattern in excludes):
                    subdirectories.append(entry)
            elif entry.is_file() and any(fnmatch.fnmatch(entry.name, pattern) for pattern in patterns):
                yield entry
        stack.extend(reversed(subdirectories))  # so the first subdirectory is walked first
