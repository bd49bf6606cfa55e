import asyncio
import gc
import unittest
import warnings

from pattern import gather_bounded, map_bounded


class Tracker:
    def __init__(self):
        self.running = 0
        self.peak = 0
        self.finished = []

    async def job(self, value, delay=0.001, fail=False):
        self.running += 1
        self.peak = max(self.peak, self.running)
        try:
            await asyncio.sleep(delay)
            if fail:
                raise RuntimeError(f"job {value} failed")
            self.finished.append(value)
            return value * 10
        finally:
            self.running -= 1


class GatherBoundedTest(unittest.IsolatedAsyncioTestCase):
    async def test_limits_concurrency_and_keeps_order(self):
        tracker = Tracker()
        delays = [0.004, 0.001, 0.003, 0.001, 0.002, 0.001, 0.001]
        results = await gather_bounded([tracker.job(i, d) for i, d in enumerate(delays)], limit=3)
        self.assertEqual(results, [i * 10 for i in range(7)])
        self.assertEqual(tracker.peak, 3)

    async def test_limit_one_runs_sequentially(self):
        tracker = Tracker()
        await gather_bounded([tracker.job(i) for i in range(4)], limit=1)
        self.assertEqual(tracker.peak, 1)
        self.assertEqual(tracker.finished, [0, 1, 2, 3])

    async def test_first_error_propagates_and_cancels_the_rest(self):
        tracker = Tracker()
        jobs = [tracker.job(0, 0.001, fail=True)] + [tracker.job(i, 0.05) for i in range(1, 6)]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with self.assertRaisesRegex(RuntimeError, "job 0 failed"):
                await gather_bounded(jobs, limit=2)
            del jobs
            for _ in range(3):
                await asyncio.sleep(0)
                gc.collect()
        never_awaited = [w for w in caught if "never awaited" in str(w.message)]
        self.assertEqual(len(never_awaited), 0, "cancelled coroutines must be closed, not leaked")
        self.assertEqual(tracker.running, 0)  # nothing left running in the background
        self.assertEqual(tracker.finished, [])

    async def test_return_exceptions(self):
        tracker = Tracker()
        results = await gather_bounded(
            [tracker.job(1), tracker.job(2, fail=True), tracker.job(3)], limit=2, return_exceptions=True
        )
        self.assertEqual(results[0], 10)
        self.assertIsInstance(results[1], RuntimeError)
        self.assertEqual(results[2], 30)

    async def test_map_bounded_and_empty(self):
        tracker = Tracker()
        self.assertEqual(await map_bounded(tracker.job, range(5), limit=2), [0, 10, 20, 30, 40])
        self.assertEqual(tracker.peak, 2)
        self.assertEqual(await gather_bounded([], limit=2), [])

    async def test_invalid_limit(self):
        with self.assertRaises(ValueError):
            await gather_bounded([], limit=0)


if __name__ == "__main__":
    unittest.main()
