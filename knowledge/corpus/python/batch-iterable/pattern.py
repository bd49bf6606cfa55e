from itertools import islice
from typing import Iterable, Iterator, Sequence, TypeVar

T = TypeVar("T")


def batched(iterable: Iterable[T], n: int) -> Iterator[tuple[T, ...]]:
    """Yields tuples of n consecutive items; the last one holds whatever is left (never empty).

    Lazy: pulls only n items at a time, so it works on generators and infinite streams.
    Equivalent to itertools.batched (Python 3.12+). Raises ValueError if n < 1.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    iterator = iter(iterable)  # one shared iterator, so each islice continues where the last stopped
    while batch := tuple(islice(iterator, n)):
        yield batch


def chunk_sequence(items: Sequence[T], n: int) -> list[Sequence[T]]:
    """Slices a list, str or bytes into pieces of length n, each the same type as the input; the last may be shorter."""
    if n < 1:
        raise ValueError("n must be at least 1")
    return [items[start : start + n] for start in range(0, len(items), n)]
