import unittest

from pattern import LRUCache, lru_cached


class LRUCacheTest(unittest.TestCase):
    def test_evicts_least_recently_used(self):
        cache = LRUCache(maxsize=2)
        cache.put("a", 1)
        cache.put("b", 2)
        self.assertEqual(cache.get("a"), 1)  # "a" is now most recent
        cache.put("c", 3)  # evicts "b"
        self.assertNotIn("b", cache)
        self.assertIn("a", cache)
        self.assertIn("c", cache)
        self.assertEqual(len(cache), 2)

    def test_put_existing_key_refreshes_it(self):
        cache = LRUCache(maxsize=2)
        cache.put("a", 1)
        cache.put("b", 2)
        cache.put("a", 10)
        cache.put("c", 3)
        self.assertEqual(cache.get("a"), 10)
        self.assertIsNone(cache.get("b"))

    def test_rejects_bad_maxsize(self):
        with self.assertRaises(ValueError):
            LRUCache(0)


class LruCachedTest(unittest.TestCase):
    def test_calls_function_once_per_distinct_arguments(self):
        calls = []

        @lru_cached(maxsize=10)
        def square(x):
            calls.append(x)
            return x * x

        self.assertEqual([square(3), square(3), square(4)], [9, 9, 16])
        self.assertEqual(calls, [3, 4])
        self.assertEqual((square.cache.hits, square.cache.misses), (1, 2))

    def test_keyword_order_does_not_matter(self):
        calls = []

        @lru_cached()
        def f(a, b):
            calls.append((a, b))
            return a - b

        self.assertEqual(f(a=5, b=2), 3)
        self.assertEqual(f(b=2, a=5), 3)
        self.assertEqual(len(calls), 1)

    def test_caches_none_results(self):
        calls = []

        @lru_cached()
        def nothing(x):
            calls.append(x)
            return None

        nothing(1)
        nothing(1)
        self.assertEqual(calls, [1])

    def test_eviction_recomputes(self):
        calls = []

        @lru_cached(maxsize=1)
        def ident(x):
            calls.append(x)
            return x

        ident(1)
        ident(2)
        ident(1)
        self.assertEqual(calls, [1, 2, 1])

    def test_unhashable_arguments_raise(self):
        @lru_cached()
        def total(xs):
            return sum(xs)

        with self.assertRaises(TypeError):
            total([1, 2])

    def test_cache_clear_and_wraps(self):
        @lru_cached()
        def documented(x):
            """Doc."""
            return x

        documented(1)
        documented.cache_clear()
        self.assertEqual(len(documented.cache), 0)
        self.assertEqual(documented.__name__, "documented")
        self.assertEqual(documented.__doc__, "Doc.")


if __name__ == "__main__":
    unittest.main()
