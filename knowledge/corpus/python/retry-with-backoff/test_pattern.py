import unittest

from pattern import retry_with_backoff


class RetryWithBackoffTest(unittest.TestCase):
    def test_succeeds_after_transient_failures(self):
        calls = []
        sleeps = []

        def flaky():
            calls.append(1)
            if len(calls) < 3:
                raise ConnectionError("reset")
            return "ok"

        self.assertEqual(retry_with_backoff(flaky, sleep=sleeps.append), "ok")
        self.assertEqual(len(calls), 3)
        self.assertEqual(len(sleeps), 2)
        self.assertTrue(all(0 <= s <= 0.4 for s in sleeps))

    def test_gives_up_and_reraises(self):
        def always_down():
            raise TimeoutError("down")

        with self.assertRaises(TimeoutError):
            retry_with_backoff(always_down, attempts=3, sleep=lambda s: None)

    def test_does_not_retry_other_errors(self):
        calls = []

        def broken():
            calls.append(1)
            raise ValueError("bad input")

        with self.assertRaises(ValueError):
            retry_with_backoff(broken, sleep=lambda s: None)
        self.assertEqual(len(calls), 1)


if __name__ == "__main__":
    unittest.main()
