"""Rule: inside the program every instant is an aware datetime in UTC; local zones are for display only."""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo


def utc_now() -> datetime:
    """The current instant, aware, in UTC. (datetime.utcnow() returns a *naive* value: avoid it.)"""
    return datetime.now(timezone.utc)


def ensure_utc(value: datetime) -> datetime:
    """Converts an aware datetime to UTC; raises ValueError for a naive one rather than guessing its zone."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime {value.isoformat()}: attach a timezone first")
    return value.astimezone(timezone.utc)


def parse_iso(text: str) -> datetime:
    """Parses ISO 8601 with an explicit offset ("2024-03-10T12:00:00+01:00" or "...Z") into UTC.

    Strings without an offset raise ValueError: their meaning depends on whoever wrote them.
    """
    text = text.strip()
    if text.endswith("Z"):  # fromisoformat only understands "Z" from Python 3.11 on
        text = text[:-1] + "+00:00"
    return ensure_utc(datetime.fromisoformat(text))


def to_iso(value: datetime) -> str:
    """Formats as ISO 8601 in UTC with a "Z" suffix, e.g. 2024-03-10T11:00:00Z (sortable as text)."""
    return ensure_utc(value).isoformat().replace("+00:00", "Z")


def from_unix(seconds: float) -> datetime:
    """A Unix timestamp as an aware UTC datetime (datetime.fromtimestamp without tz gives local time)."""
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def to_zone(value: datetime, zone: str) -> datetime:
    """The same instant as wall-clock time in an IANA zone such as "Europe/Berlin", for display."""
    return ensure_utc(value).astimezone(ZoneInfo(zone))


def local_to_utc(naive_wall_time: datetime, zone: str) -> datetime:
    """Interprets a wall-clock time a user typed (naive) in `zone`, returning UTC.

    Around daylight-saving changes a wall time can be skipped or repeated; fold=0 picks the earlier
    meaning, as ZoneInfo does. Check round-tripping if you must reject nonexistent times.
    """
    if naive_wall_time.tzinfo is not None:
        raise ValueError("expected a naive wall-clock time")
    return naive_wall_time.replace(tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)


def add_calendar_days(value: datetime, days: int, zone: str) -> datetime:
    """Adds days as the calendar does in `zone` (same wall-clock time), not as multiples of 24 hours."""
    local = to_zone(value, zone).replace(tzinfo=None) + timedelta(days=days)
    return local_to_utc(local, zone)
