"""Logging set-up for an application. Libraries and modules never configure logging; they only do

    log = logging.getLogger(__name__)
    log.info("loaded %d rows", count)   # %-style args: formatted only if the record is emitted
"""
import logging
import os
import sys
from typing import Mapping, TextIO

DEFAULT_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
_HANDLER_NAME = "app-console"


def parse_level(level: str | int) -> int:
    """Turns "debug", "INFO", "30" or 30 into a logging level number; raises ValueError otherwise."""
    if isinstance(level, int):
        return level
    text = level.strip().upper()
    if text.isdigit():
        return int(text)
    number = logging.getLevelName(text)  # returns a str like "Level X" for unknown names
    if not isinstance(number, int):
        raise ValueError(f"unknown log level {level!r}")
    return number


def configure_logging(
    level: str | int | None = None,
    *,
    stream: TextIO | None = None,
    fmt: str = DEFAULT_FORMAT,
    quiet: Mapping[str, str | int] | None = None,
) -> logging.Handler:
    """Configures the root logger: one stream handler (stderr by default) with `fmt`, at `level`.

    level defaults to $LOG_LEVEL, then INFO. Safe to call more than once: the handler it added
    before is removed first, and handlers installed by others are left alone.
    `quiet` sets levels for chatty loggers, e.g. {"urllib3": "WARNING"}. Returns the handler.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(fmt))
    root.addHandler(handler)
    root.setLevel(parse_level(level if level is not None else os.environ.get("LOG_LEVEL", "INFO")))
    for name, quiet_level in (quiet or {}).items():
        logging.getLogger(name).setLevel(parse_level(quiet_level))
    logging.captureWarnings(True)  # warnings.warn(...) goes through logging too
    return handler
