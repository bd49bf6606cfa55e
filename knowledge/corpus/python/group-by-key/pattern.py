from collections import Counter, defaultdict
from typing import Callable, Hashable, Iterable, TypeVar

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
A = TypeVar("A")


def group_by(items: Iterable[T], key: Callable[[T], K]) -> dict[K, list[T]]:
    """Returns {key(item): [items with that key]}; keys in first-seen order, items in input order.

    Unlike itertools.groupby, items need not be sorted or adjacent. Keys must be hashable
    (turn lists into tuples first).
    """
    groups: defaultdict[K, list[T]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return dict(groups)  # a plain dict, so a missing key raises instead of silently creating a group


def count_by(items: Iterable[T], key: Callable[[T], K]) -> Counter[K]:
    """Counts items per key. `.most_common(n)` gives the top n."""
    return Counter(key(item) for item in items)


def aggregate_by(
    items: Iterable[T],
    key: Callable[[T], K],
    value: Callable[[T], V],
    reduce: Callable[[A, V], A],
    initial: Callable[[], A],
) -> dict[K, A]:
    """Folds each group without keeping its items, e.g. total per customer:

        aggregate_by(orders, key=lambda o: o["customer"], value=lambda o: o["amount"],
                     reduce=lambda total, amount: total + amount, initial=int)
    `initial` is a factory (int, list, ...) so groups never share a mutable starting value.
    """
    result: dict[K, A] = {}
    for item in items:
        k = key(item)
        result[k] = reduce(result[k] if k in result else initial(), value(item))
    return result
