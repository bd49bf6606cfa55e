import asyncio
import functools
import inspect
import logging
import random
import time
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger(__name__)


def retry(
    *,
    attempts: int = 3,
    on: tuple[type[BaseException], ...] = (ConnectionError, TimeoutError),
    base_delay: float = 0.1,
    max_delay: float = 5.0,
    jitter: bool = True,
    sleep: Callable[[float], Any] | None = None,
) -> Callable[[F], F]:
    """Decorator: re-calls the function when it raises one of `on`, up to `attempts` calls in total.

    Waits base_delay * 2**n between calls (capped at max_delay; with jitter a random fraction of
    it, so many clients do not retry in lockstep). Other exceptions propagate at once; after the
    last attempt the last error is re-raised unchanged. Works on async functions too, sleeping
    with asyncio.sleep so the event loop is not blocked. `sleep` can be injected for tests
    (a plain function for sync code, an async one for async code).
    """
    if attempts < 1:
        raise ValueError("attempts must be at least 1")

    def delay_for(attempt: int) -> float:
        delay = min(max_delay, base_delay * 2**attempt)
        return random.uniform(0, delay) if jitter else delay

    def decorate(fn: F) -> F:
        if inspect.iscoroutinefunction(fn):
            pause = sleep or asyncio.sleep

            @functools.wraps(fn)
            async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                for attempt in range(attempts):
                    try:
                        return await fn(*args, **kwargs)
                    except on as error:
                        if attempt == attempts - 1:
                            raise
                        log.warning("%s failed (%r), retry %d/%d", fn.__name__, error, attempt + 1, attempts - 1)
                        await pause(delay_for(attempt))

            return async_wrapper  # type: ignore[return-value]

        pause_sync = sleep or time.sleep

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for attempt in range(attempts):
                try:
                    return fn(*args, **kwargs)
                except on as error:
                    if attempt == attempts - 1:
                        raise
                    log.warning("%s failed (%r), retry %d/%d", fn.__name__, error, attempt + 1, attempts - 1)
                    pause_sync(delay_for(attempt))

        return wrapper  # type: ignore[return-value]

    return decorate
