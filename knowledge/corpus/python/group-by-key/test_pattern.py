import itertools
import unittest

from pattern import aggregate_by, count_by, group_by

ORDERS = [
    {"id": 1, "customer": "ann", "amount": 30},
    {"id": 2, "customer": "bob", "amount": 5},
    {"id": 3, "customer": "ann", "amount": 12},
    {"id": 4, "customer": "cy", "amount": 7},
    {"id": 5, "customer": "bob", "amount": 1},
]


class GroupByTest(unittest.TestCase):
    def test_groups_non_adjacent_items_in_order(self):
        groups = group_by(ORDERS, lambda o: o["customer"])
        self.assertEqual(list(groups), ["ann", "bob", "cy"])
        self.assertEqual([o["id"] for o in groups["ann"]], [1, 3])
        self.assertEqual([o["id"] for o in groups["bob"]], [2, 5])

    def test_differs_from_itertools_groupby_on_unsorted_input(self):
        words = ["apple", "bean", "avocado"]
        naive = [(k, list(g)) for k, g in itertools.groupby(words, key=lambda w: w[0])]
        self.assertEqual(len(naive), 3)  # "a" appears twice: the classic bug
        self.assertEqual(group_by(words, lambda w: w[0]), {"a": ["apple", "avocado"], "b": ["bean"]})

    def test_result_is_plain_dict_and_empty_input(self):
        groups = group_by([1, 2, 3], lambda n: n % 2)
        with self.assertRaises(KeyError):
            groups[5]
        self.assertEqual(group_by([], len), {})

    def test_unhashable_key_raises(self):
        with self.assertRaises(TypeError):
            group_by([[1, 2]], lambda xs: xs)

    def test_count_by(self):
        counts = count_by(ORDERS, lambda o: o["customer"])
        self.assertEqual(counts, {"ann": 2, "bob": 2, "cy": 1})
        self.assertEqual(counts["nobody"], 0)

    def test_aggregate_by_sum_and_collect(self):
        totals = aggregate_by(ORDERS, lambda o: o["customer"], lambda o: o["amount"], lambda t, a: t + a, int)
        self.assertEqual(totals, {"ann": 42, "bob": 6, "cy": 7})
        ids = aggregate_by(ORDERS, lambda o: o["customer"], lambda o: o["id"], lambda acc, i: acc + [i], list)
        self.assertEqual(ids, {"ann": [1, 3], "bob": [2, 5], "cy": [4]})


if __name__ == "__main__":
    unittest.main()
