import random
import time
from typing import Callable, Tuple, Type, TypeVar

T = TypeVar("T")


def retry_with_backoff(
    fn: Callable[[], T],
    *,
    attempts: int = 5,
    base_delay: float = 0.2,
    max_delay: float = 10.0,
    retry_on: Tuple[Type[BaseException], ...] = (ConnectionError, TimeoutError),
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Calls fn until it succeeds, sleeping base_delay * 2**n (full jitter, capped) between tries.

    Only exceptions in retry_on are retried; anything else propagates at once.
    After the last attempt the last exception is re-raised.
    """
    for attempt in range(attempts):
        try:
            return fn()
        except retry_on:
            if attempt == attempts - 1:
                raise
            delay = min(max_delay, base_delay * 2**attempt)
            sleep(random.uniform(0, delay))
    raise AssertionError("unreachable")
