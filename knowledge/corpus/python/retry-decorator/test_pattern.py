import asyncio
import logging
import unittest

from pattern import retry

logging.getLogger("pattern").setLevel(logging.CRITICAL)  # keep test output quiet


def flaky(failures, error=ConnectionError):
    """A function that raises `error` for its first `failures` calls."""
    calls = []

    def fn(x):
        calls.append(x)
        if len(calls) <= failures:
            raise error("transient")
        return x * 2

    return fn, calls


class RetryDecoratorTest(unittest.TestCase):
    def test_retries_then_succeeds_with_exponential_delays(self):
        sleeps = []
        fn, calls = flaky(2)
        wrapped = retry(attempts=3, base_delay=0.5, jitter=False, sleep=sleeps.append)(fn)
        self.assertEqual(wrapped(21), 42)
        self.assertEqual(len(calls), 3)
        self.assertEqual(sleeps, [0.5, 1.0])

    def test_delay_is_capped_and_jittered(self):
        sleeps = []
        fn, _ = flaky(5)
        retry(attempts=6, base_delay=1, max_delay=3, sleep=sleeps.append)(fn)(1)
        self.assertEqual(len(sleeps), 5)
        self.assertTrue(all(0 <= s <= 3 for s in sleeps))

    def test_gives_up_and_reraises_last_error(self):
        fn, calls = flaky(10, TimeoutError)
        with self.assertRaises(TimeoutError):
            retry(attempts=4, sleep=lambda s: None)(fn)(1)
        self.assertEqual(len(calls), 4)

    def test_other_errors_are_not_retried(self):
        fn, calls = flaky(1, ValueError)
        with self.assertRaises(ValueError):
            retry(sleep=lambda s: None)(fn)(1)
        self.assertEqual(len(calls), 1)

    def test_custom_exception_types_and_metadata(self):
        @retry(on=(KeyError,), sleep=lambda s: None)
        def lookup():
            """Docs."""
            raise KeyError("k")

        with self.assertRaises(KeyError):
            lookup()
        self.assertEqual((lookup.__name__, lookup.__doc__), ("lookup", "Docs."))

    def test_invalid_attempts(self):
        with self.assertRaises(ValueError):
            retry(attempts=0)

    def test_async_functions(self):
        sleeps = []

        async def fake_sleep(seconds):
            sleeps.append(seconds)

        calls = []

        @retry(attempts=3, jitter=False, base_delay=0.01, sleep=fake_sleep)
        async def fetch():
            calls.append(1)
            await asyncio.sleep(0)
            if len(calls) < 3:
                raise ConnectionError("reset")
            return "body"

        self.assertTrue(asyncio.iscoroutinefunction(fetch))
        self.assertEqual(asyncio.run(fetch()), "body")
        self.assertEqual(sleeps, [0.01, 0.02])


if __name__ == "__main__":
    unittest.main()
