import contextlib
import logging
import time
from typing import Callable

log = logging.getLogger(__name__)


class Timer(contextlib.ContextDecorator):
    """Measures wall-clock duration of a `with` block, or of each call when used as a decorator.

        with Timer("parse") as t:
            parse(data)
        print(t.elapsed)          # seconds, float

    - Uses time.perf_counter (monotonic, high resolution) by default; pass `clock` to inject one.
    - On exit, calls `report(name, seconds)` (default: log at INFO) even if the block raised;
      the exception still propagates.
    - `elapsed` reads the running time while inside the block and the final time after it.
    A single instance is not reentrant: do not nest the same Timer inside itself, or use it as a
    decorator on a function called from several threads at once.
    """

    def __init__(
        self,
        name: str = "block",
        *,
        report: Callable[[str, float], None] | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.name = name
        self.report = report if report is not None else self._log
        self.clock = clock
        self._start: float | None = None
        self._end: float | None = None

    @staticmethod
    def _log(name: str, seconds: float) -> None:
        log.info("%s took %.3f ms", name, seconds * 1000)

    def __enter__(self) -> "Timer":
        self._end = None
        self._start = self.clock()
        return self

    def __exit__(self, *exc_info: object) -> bool:
        self._end = self.clock()
        self.report(self.name, self.elapsed)
        return False  # never swallow the exception

    @property
    def elapsed(self) -> float:
        """Seconds since entering (or between entering and leaving). 0.0 if never started."""
        if self._start is None:
            return 0.0
        end = self._end if self._end is not None else self.clock()
        return end - self._start
