import json
import logging
from datetime import datetime, timezone
from typing import Any

# Attributes every LogRecord has; anything else on a record came from `extra=`.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    """Formats each record as one line of JSON:

        {"time": "2024-05-01T12:00:00.123Z", "level": "INFO", "logger": "app.orders",
         "message": "order placed", "order_id": 42, ...}

    Use with `log.info("order placed", extra={"order_id": 42})`. Fields given at construction
    (`static_fields`, e.g. service name, version) are added to every line. Exceptions logged with
    log.exception(...) appear as "exception" (the formatted traceback) and "error_type".
    """

    def __init__(self, static_fields: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.static_fields = dict(static_fields or {})

    def format(self, record: logging.LogRecord) -> str:
        timestamp = datetime.fromtimestamp(record.created, tz=timezone.utc)
        entry: dict[str, Any] = {
            "time": timestamp.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),  # applies %-style args
            **self.static_fields,
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info and record.exc_info[0] is not None:
            entry["error_type"] = record.exc_info[0].__name__
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        # default=str: datetimes, UUIDs, Decimals, sets... become strings instead of raising TypeError
        return json.dumps(entry, default=str, ensure_ascii=False)


def json_handler(stream: Any = None, **static_fields: Any) -> logging.Handler:
    """A StreamHandler (stderr by default) with JsonFormatter, ready for logging.getLogger().addHandler()."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter(static_fields))
    return handler
