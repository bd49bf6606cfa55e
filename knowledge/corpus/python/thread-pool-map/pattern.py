from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Callable, Generic, Iterable, TypeVar

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Outcome(Generic[T, R]):
    """The result of fn(item): either `value` or the `error` it raised."""

    item: T
    value: R | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def map_in_threads(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    max_workers: int = 8,
    on_done: Callable[[Outcome[T, R]], None] | None = None,
) -> list[Outcome[T, R]]:
    """Runs fn on every item with at most max_workers threads; returns Outcomes in input order.

    - An exception in one call is captured in its Outcome; the others still run.
    - on_done (optional) is called in the caller's thread as each call finishes, in completion
      order: good for progress bars.
    - All items are submitted up front; for millions of items, feed batches instead.
    - KeyboardInterrupt cancels the calls that have not started; running ones finish first.
    fn must be thread-safe. For CPU-bound work use ProcessPoolExecutor (same interface).
    """
    if max_workers < 1:
        raise ValueError("max_workers must be at least 1")
    items = list(items)
    outcomes: list[Outcome[T, R] | None] = [None] * len(items)
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        futures = {pool.submit(fn, item): index for index, item in enumerate(items)}
        try:
            for future in as_completed(futures):
                index = futures[future]
                error = future.exception()
                outcome = Outcome(items[index], None if error else future.result(), error)
                outcomes[index] = outcome
                if on_done is not None:
                    on_done(outcome)
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return outcomes  # type: ignore[return-value]  # every slot is filled by now
