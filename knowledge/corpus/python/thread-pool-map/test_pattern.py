import threading
import time
import unittest

from pattern import map_in_threads


class MapInThreadsTest(unittest.TestCase):
    def test_results_in_input_order(self):
        def slow_square(n):
            time.sleep(0.001 * (5 - n))  # later items finish first
            return n * n

        outcomes = map_in_threads(slow_square, range(5), max_workers=5)
        self.assertEqual([o.value for o in outcomes], [0, 1, 4, 9, 16])
        self.assertEqual([o.item for o in outcomes], [0, 1, 2, 3, 4])
        self.assertTrue(all(o.ok for o in outcomes))

    def test_errors_are_captured_per_item(self):
        def parse(text):
            return int(text)

        outcomes = map_in_threads(parse, ["1", "x", "3"])
        self.assertEqual([o.ok for o in outcomes], [True, False, True])
        self.assertIsInstance(outcomes[1].error, ValueError)
        self.assertIsNone(outcomes[1].value)
        self.assertEqual(outcomes[2].value, 3)

    def test_concurrency_is_bounded_and_used(self):
        lock = threading.Lock()
        state = {"running": 0, "peak": 0}

        def work(_):
            with lock:
                state["running"] += 1
                state["peak"] = max(state["peak"], state["running"])
            time.sleep(0.003)
            with lock:
                state["running"] -= 1

        map_in_threads(work, range(12), max_workers=3)
        self.assertLessEqual(state["peak"], 3)
        self.assertGreaterEqual(state["peak"], 2)

    def test_on_done_called_for_each_in_caller_thread(self):
        seen = []
        caller = threading.get_ident()
        map_in_threads(lambda x: x, "abc", on_done=lambda o: seen.append((o.item, threading.get_ident())))
        self.assertEqual(sorted(item for item, _ in seen), ["a", "b", "c"])
        self.assertTrue(all(ident == caller for _, ident in seen))

    def test_empty_and_invalid(self):
        self.assertEqual(map_in_threads(str, []), [])
        with self.assertRaises(ValueError):
            map_in_threads(str, [1], max_workers=0)

    def test_accepts_generators(self):
        outcomes = map_in_threads(lambda x: x + 1, (i for i in range(3)))
        self.assertEqual([o.value for o in outcomes], [1, 2, 3])


if __name__ == "__main__":
    unittest.main()
