import types
import typing
from dataclasses import dataclass, field, fields
from typing import Any, Callable


class ValidationError(ValueError):
    """Raised with every problem found, as a list of "field: message" strings in `.errors`."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


def check(rule: Callable[[Any], bool], message: str, **kwargs: Any) -> Any:
    """A dataclass field with a value rule: `age: int = check(lambda v: v >= 0, "must be >= 0")`."""
    return field(metadata={"rule": rule, "message": message}, **kwargs)


def _type_ok(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):  # Optional[X], X | None
        return any(_type_ok(value, arg) for arg in typing.get_args(hint))
    if hint is Any:
        return True
    if hint is type(None):
        return value is None
    expected = origin or hint  # list[str] is checked as list; contents are not inspected
    if expected is float:
        expected = (int, float)  # an int is acceptable where a float is expected
    if isinstance(value, bool) and expected in (int, (int, float)):
        return False  # True is an int in Python, but almost never a valid int field
    return isinstance(value, expected)


def validate(instance: Any) -> None:
    """Checks every field's type hint and `check` rule; raises ValidationError listing all failures.

    Call it from __post_init__. Rules only run when the type is right, so they can assume it.
    """
    hints = typing.get_type_hints(type(instance))
    errors: list[str] = []
    for f in fields(instance):
        value = getattr(instance, f.name)
        if not _type_ok(value, hints[f.name]):
            errors.append(f"{f.name}: expected {hints[f.name]}, got {type(value).__name__}")
        elif "rule" in f.metadata and not f.metadata["rule"](value):
            errors.append(f"{f.name}: {f.metadata['message']}")
    if errors:
        raise ValidationError(errors)


@dataclass(frozen=True)
class User:
    """Example: a user that is valid by construction (frozen, so it stays valid)."""

    name: str = check(lambda v: v.strip() != "", "must not be blank")
    age: int = check(lambda v: 0 <= v <= 150, "must be between 0 and 150")
    email: str | None = check(lambda v: v is None or "@" in v, "must contain @", default=None)
    tags: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        validate(self)
