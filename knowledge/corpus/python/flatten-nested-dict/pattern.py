from typing import Any, Mapping


def flatten(data: Mapping[str, Any], *, sep: str = ".", expand_lists: bool = True) -> dict[str, Any]:
    """Returns {"a.b.c": leaf} for every leaf of a nested mapping.

    - Lists (and tuples) become index keys ("tags.0", "tags.1") when expand_lists, else are leaves.
    - Empty dicts and lists are kept as leaves ({} / []), so unflatten can restore them.
    - Keys are converted with str(). Raises ValueError if two paths produce the same flat key,
      e.g. {"a.b": 1, "a": {"b": 2}}, rather than losing one of the values.
    """
    flat: dict[str, Any] = {}

    def walk(value: Any, prefix: str) -> None:
        if isinstance(value, Mapping) and value:
            children = ((str(k), v) for k, v in value.items())
        elif expand_lists and isinstance(value, (list, tuple)) and value:
            children = ((str(i), v) for i, v in enumerate(value))
        else:
            if prefix in flat:
                raise ValueError(f"flattened key collision: {prefix!r}")
            flat[prefix] = value
            return
        for key, child in children:
            walk(child, f"{prefix}{sep}{key}" if prefix else key)

    if not data:
        return {}
    walk(data, "")
    return flat


def unflatten(flat: Mapping[str, Any], *, sep: str = ".") -> dict[str, Any]:
    """Inverse of flatten: splits keys on sep and rebuilds nested dicts.

    A level whose keys are exactly "0".."n-1" becomes a list. Raises ValueError when a key is
    both a leaf and a parent ({"a": 1, "a.b": 2}).
    """
    root: dict[str, Any] = {}
    for flat_key, value in flat.items():
        *parents, leaf = flat_key.split(sep)
        node = root
        for part in parents:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise ValueError(f"{flat_key!r}: {part!r} is already a value")
            node = child
        if leaf in node:
            raise ValueError(f"{flat_key!r} is already a parent")
        node[leaf] = dict(value) if isinstance(value, dict) else value  # copy: never mutate the input
    return _lists(root)


def _lists(node: Any) -> Any:
    if not isinstance(node, dict) or not node:
        return node
    converted = {key: _lists(value) for key, value in node.items()}
    if sorted(converted) == [str(i) for i in range(len(converted))]:
        return [converted[str(i)] for i in range(len(converted))]
    return converted
