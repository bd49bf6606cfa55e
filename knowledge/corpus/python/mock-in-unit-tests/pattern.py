"""Code under test for the mocking example: it reads the network and the clock, which tests replace.

How test_pattern.py mocks it:
- Patch where the name is *looked up*. This module does `from urllib.request import urlopen`, so the
  test patches "pattern.urlopen"; patching "urllib.request.urlopen" would leave this module's copy real.
- urlopen is used as a context manager, so the fake response goes on `mock.return_value.__enter__`.
- `side_effect` makes a mock raise (an exception) or return successive values (a list).
- `create_autospec` / `autospec=True` give mocks the real signature, so a wrong call fails the test.
- Better still, accept dependencies as parameters (`clock` below): no patching needed at all.
"""
import json
import time
from typing import Callable
from urllib.error import URLError
from urllib.request import urlopen


class RateUnavailable(Exception):
    """The exchange rate could not be fetched."""


class RateService:
    """Fetches exchange rates from an HTTP API and caches each for `ttl` seconds."""

    def __init__(self, base_url: str, *, ttl: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.base_url = base_url.rstrip("/")
        self.ttl = ttl
        self.clock = clock
        self._cache: dict[str, tuple[float, float]] = {}

    def get_rate(self, currency: str) -> float:
        """Rate from USD to currency; raises RateUnavailable on network or format errors."""
        cached = self._cache.get(currency)
        if cached and self.clock() - cached[1] < self.ttl:
            return cached[0]
        try:
            with urlopen(f"{self.base_url}/rates/{currency}", timeout=5) as response:
                rate = float(json.load(response)["rate"])
        except (URLError, TimeoutError, KeyError, ValueError) as error:
            raise RateUnavailable(f"{currency}: {error}") from error
        self._cache[currency] = (rate, self.clock())
        return rate


def convert(amount: float, currency: str, service: RateService) -> float:
    """Converts USD to currency, rounded to cents."""
    return round(amount * service.get_rate(currency), 2)
