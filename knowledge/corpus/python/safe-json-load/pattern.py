import json
from pathlib import Path
from typing import Any


class JsonLoadError(ValueError):
    """The input is not acceptable JSON; the message says why and where."""


def _reject_constant(name: str) -> Any:
    raise JsonLoadError(f"{name} is not valid JSON")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JsonLoadError(f"duplicate key {key!r}")
        result[key] = value
    return result


def safe_json_loads(text: str | bytes, *, expect: type = dict, max_chars: int = 1_000_000) -> Any:
    """Parses JSON text and returns it, or raises JsonLoadError (never JSONDecodeError or TypeError).

    Checks, in order: size (before parsing, so huge input is not parsed), syntax (the error gives line
    and column), no NaN/Infinity (Python accepts them but other parsers do not), no duplicate keys
    (json.loads keeps the last silently), and that the top level is an instance of `expect`
    (use `object` to accept anything).
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise JsonLoadError(f"not UTF-8: {error}") from error
    if len(text) > max_chars:
        raise JsonLoadError(f"input is {len(text)} characters, over the {max_chars} limit")
    try:
        value = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as error:
        raise JsonLoadError(f"invalid JSON at line {error.lineno} column {error.colno}: {error.msg}") from error
    if not isinstance(value, expect) or (expect is int and isinstance(value, bool)):
        raise JsonLoadError(f"expected a JSON {expect.__name__}, got {type(value).__name__}")
    return value


_NO_DEFAULT = object()


def load_json_file(path: str | Path, *, default: Any = _NO_DEFAULT, expect: type = dict) -> Any:
    """Reads and parses a JSON file with safe_json_loads.

    If the file does not exist and a default is given, returns the default; a file that exists but
    is corrupt always raises JsonLoadError naming the file, so bad data is not mistaken for "no data".
    """
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        if default is _NO_DEFAULT:
            raise
        return default
    try:
        return safe_json_loads(raw, expect=expect)
    except JsonLoadError as error:
        raise JsonLoadError(f"{path}: {error}") from error
