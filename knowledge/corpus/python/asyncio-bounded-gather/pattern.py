import asyncio
from typing import Any, Awaitable, Callable, Iterable, TypeVar

T = TypeVar("T")
R = TypeVar("R")


async def gather_bounded(
    aws: Iterable[Awaitable[T]],
    limit: int,
    *,
    return_exceptions: bool = False,
) -> list[Any]:
    """Like asyncio.gather, but at most `limit` of the awaitables run at the same time.

    Results come back in input order. Coroutines do not start until awaited, so passing
    coroutine objects is fine: each waits for a semaphore slot before it runs.
    - return_exceptions=False: the first exception propagates and every other task is cancelled
      (so nothing keeps running in the background, and no "never awaited" warnings).
    - return_exceptions=True: exceptions are returned in place of results.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    semaphore = asyncio.Semaphore(limit)

    async def run(aw: Awaitable[T]) -> T:
        try:
            await semaphore.acquire()
        except BaseException:  # cancelled while waiting: close the coroutine we will never await
            if asyncio.iscoroutine(aw):
                aw.close()
            raise
        try:
            return await aw
        finally:
            semaphore.release()

    tasks = [asyncio.ensure_future(run(aw)) for aw in aws]
    try:
        return await asyncio.gather(*tasks, return_exceptions=return_exceptions)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)  # let cancellations finish
        raise


async def map_bounded(fn: Callable[[T], Awaitable[R]], items: Iterable[T], limit: int) -> list[R]:
    """Calls the async fn on each item with bounded concurrency; results in input order."""
    return await gather_bounded((fn(item) for item in items), limit)
