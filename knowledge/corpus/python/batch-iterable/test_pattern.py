import itertools
import unittest

from pattern import batched, chunk_sequence


class BatchedTest(unittest.TestCase):
    def test_even_and_uneven_splits(self):
        self.assertEqual(list(batched(range(6), 3)), [(0, 1, 2), (3, 4, 5)])
        self.assertEqual(list(batched("abcdefg", 3)), [("a", "b", "c"), ("d", "e", "f"), ("g",)])

    def test_empty_input_gives_no_batches(self):
        self.assertEqual(list(batched([], 4)), [])

    def test_batch_larger_than_input(self):
        self.assertEqual(list(batched([1, 2], 10)), [(1, 2)])

    def test_lazy_on_infinite_iterator(self):
        consumed = []

        def numbers():
            for i in itertools.count():
                consumed.append(i)
                yield i

        batches = batched(numbers(), 2)
        self.assertEqual(next(batches), (0, 1))
        self.assertEqual(next(batches), (2, 3))
        self.assertLessEqual(len(consumed), 4)

    def test_invalid_size(self):
        with self.assertRaises(ValueError):
            list(batched([1], 0))
        with self.assertRaises(ValueError):
            chunk_sequence([1], -1)

    def test_no_item_lost_or_repeated(self):
        data = list(range(103))
        batches = list(batched(data, 10))
        self.assertEqual([x for batch in batches for x in batch], data)
        self.assertEqual([len(b) for b in batches], [10] * 10 + [3])


class ChunkSequenceTest(unittest.TestCase):
    def test_keeps_input_type(self):
        self.assertEqual(chunk_sequence([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]])
        self.assertEqual(chunk_sequence("abcde", 2), ["ab", "cd", "e"])
        self.assertEqual(chunk_sequence(b"abc", 2), [b"ab", b"c"])
        self.assertEqual(chunk_sequence([], 2), [])


if __name__ == "__main__":
    unittest.main()
