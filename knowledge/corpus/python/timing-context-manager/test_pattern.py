import time
import unittest

from pattern import Timer


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


class TimerTest(unittest.TestCase):
    def setUp(self):
        self.clock = FakeClock()
        self.reports = []
        self.report = lambda name, seconds: self.reports.append((name, seconds))

    def test_measures_block(self):
        with Timer("load", report=self.report, clock=self.clock) as timer:
            self.clock.now += 1.5
            self.assertEqual(timer.elapsed, 1.5)  # running value inside the block
            self.clock.now += 0.5
        self.clock.now += 10  # after exit the value is frozen
        self.assertEqual(timer.elapsed, 2.0)
        self.assertEqual(self.reports, [("load", 2.0)])

    def test_reports_even_when_block_raises(self):
        with self.assertRaises(KeyError):
            with Timer("lookup", report=self.report, clock=self.clock):
                self.clock.now += 0.25
                raise KeyError("missing")
        self.assertEqual(self.reports, [("lookup", 0.25)])

    def test_as_decorator_times_each_call(self):
        @Timer("work", report=self.report, clock=self.clock)
        def work(step):
            self.clock.now += step
            return step * 2

        self.assertEqual(work(1), 2)
        self.assertEqual(work(3), 6)
        self.assertEqual(self.reports, [("work", 1), ("work", 3)])

    def test_not_started(self):
        self.assertEqual(Timer().elapsed, 0.0)

    def test_default_logs_with_real_clock(self):
        with self.assertLogs("pattern", level="INFO") as logs:
            with Timer("real") as timer:
                time.sleep(0.002)
        self.assertGreaterEqual(timer.elapsed, 0.002)
        self.assertLess(timer.elapsed, 1.0)
        self.assertRegex(logs.output[0], r"real took \d+\.\d{3} ms")


if __name__ == "__main__":
    unittest.main()
