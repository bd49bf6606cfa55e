import copy
from typing import Any, Mapping

DELETE = object()
"""Sentinel: an override value of DELETE removes the key from the result."""


def deep_merge(base: Mapping[str, Any], *overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Returns base merged with each override in turn (later wins), recursing into nested mappings.

    - When both sides hold a mapping under a key, they are merged key by key.
    - Otherwise the override's value replaces the base's: lists are replaced, not concatenated,
      and a mapping can replace a scalar (and vice versa).
    - An override value of None is kept as None; use DELETE to remove a key.
    - Inputs are never modified and the result shares no mutable objects with them (deep copies),
      so changing the merged config cannot corrupt the defaults.
    """
    result: dict[str, Any] = copy.deepcopy(dict(base))
    for override in overrides:
        _merge_into(result, override)
    return result


def _merge_into(target: dict[str, Any], override: Mapping[str, Any]) -> None:
    for key, value in override.items():
        if value is DELETE:
            target.pop(key, None)
        elif isinstance(value, Mapping) and isinstance(target.get(key), dict):
            _merge_into(target[key], value)
        elif isinstance(value, Mapping):
            target[key] = deep_merge({}, value)  # copies, and drops any nested DELETE markers
        else:
            target[key] = copy.deepcopy(value)
