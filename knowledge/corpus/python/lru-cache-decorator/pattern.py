"""A bounded least-recently-used cache (an OrderedDict kept in recency order, guarded by a lock) and a
decorator built on it. For plain memoization `functools.lru_cache(maxsize=...)` does the same job."""
import functools
import threading
from collections import OrderedDict
from typing import Any, Callable, Hashable, TypeVar

T = TypeVar("T")
_MISSING = object()


class LRUCache:
    """Maps keys to values, holding at most `maxsize` entries; adding one more evicts the least recently used."""

    def __init__(self, maxsize: int = 128) -> None:
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, default: Any = None) -> Any:
        """Returns the value for key (marking it most recently used), or default."""
        with self._lock:
            if key not in self._data:
                self.misses += 1
                return default
            self._data.move_to_end(key)
            self.hits += 1
            return self._data[key]

    def put(self, key: Hashable, value: Any) -> None:
        """Stores value under key, evicting the least recently used entry if full."""
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            if len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._data


def lru_cached(maxsize: int = 128) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Decorator: caches fn(*args, **kwargs) by its arguments, which must be hashable (else TypeError).

    The wrapper exposes `.cache` (the LRUCache) and `.cache_clear()`. Keyword order does not matter.
    Two threads missing the same key at once may both compute it; the result is still correct.
    """

    def decorate(fn: Callable[..., T]) -> Callable[..., T]:
        cache = LRUCache(maxsize)

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> T:
            key = (args, tuple(sorted(kwargs.items())))
            hash(key)  # fail fast with TypeError on unhashable arguments
            value = cache.get(key, _MISSING)
            if value is _MISSING:
                value = fn(*args, **kwargs)
                cache.put(key, value)
            return value

        wrapper.cache = cache  # type: ignore[attr-defined]
        wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
