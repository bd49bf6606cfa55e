import unittest

from pattern import flatten, unflatten

NESTED = {
    "user": {"name": "Ada", "address": {"city": "London", "zip": None}},
    "tags": ["admin", {"scope": "billing"}],
    "empty": {},
    "none": [],
    "count": 3,
}


class FlattenTest(unittest.TestCase):
    def test_flatten(self):
        self.assertEqual(
            flatten(NESTED),
            {
                "user.name": "Ada",
                "user.address.city": "London",
                "user.address.zip": None,
                "tags.0": "admin",
                "tags.1.scope": "billing",
                "empty": {},
                "none": [],
                "count": 3,
            },
        )

    def test_round_trip(self):
        self.assertEqual(unflatten(flatten(NESTED)), NESTED)

    def test_custom_separator_and_lists_as_leaves(self):
        flat = flatten({"a": {"b": [1, 2]}}, sep="__", expand_lists=False)
        self.assertEqual(flat, {"a__b": [1, 2]})
        self.assertEqual(unflatten({"DB__HOST": "x", "DB__PORT": "5432"}, sep="__"), {"DB": {"HOST": "x", "PORT": "5432"}})

    def test_non_string_keys(self):
        self.assertEqual(flatten({1: {2: "x"}}), {"1.2": "x"})

    def test_collision_raises(self):
        with self.assertRaisesRegex(ValueError, "collision"):
            flatten({"a.b": 1, "a": {"b": 2}})

    def test_empty(self):
        self.assertEqual(flatten({}), {})
        self.assertEqual(unflatten({}), {})

    def test_unflatten_conflicts(self):
        with self.assertRaisesRegex(ValueError, "already a value"):
            unflatten({"a": 1, "a.b": 2})
        with self.assertRaisesRegex(ValueError, "already a parent"):
            unflatten({"a.b": 2, "a": 1})

    def test_unflatten_does_not_mutate_leaf_values(self):
        leaf = {}
        self.assertEqual(unflatten({"a": leaf, "a.b": 1}), {"a": {"b": 1}})
        self.assertEqual(leaf, {})

    def test_unflatten_only_contiguous_indexes_make_lists(self):
        self.assertEqual(unflatten({"x.0": "a", "x.1": "b"}), {"x": ["a", "b"]})
        self.assertEqual(unflatten({"x.0": "a", "x.2": "b"}), {"x": {"0": "a", "2": "b"}})


if __name__ == "__main__":
    unittest.main()
