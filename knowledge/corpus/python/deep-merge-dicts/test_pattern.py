import copy
import unittest

from pattern import DELETE, deep_merge

DEFAULTS = {
    "server": {"host": "0.0.0.0", "port": 8000, "tls": {"enabled": False, "cert": None}},
    "features": ["search"],
    "debug": False,
}


class DeepMergeTest(unittest.TestCase):
    def test_merges_nested_sections(self):
        merged = deep_merge(DEFAULTS, {"server": {"port": 9000, "tls": {"enabled": True}}})
        self.assertEqual(
            merged["server"], {"host": "0.0.0.0", "port": 9000, "tls": {"enabled": True, "cert": None}}
        )
        self.assertEqual(merged["features"], ["search"])

    def test_shallow_update_would_lose_keys(self):
        shallow = {**DEFAULTS, **{"server": {"port": 9000}}}
        self.assertNotIn("host", shallow["server"])
        self.assertIn("host", deep_merge(DEFAULTS, {"server": {"port": 9000}})["server"])

    def test_lists_and_scalars_are_replaced(self):
        merged = deep_merge(DEFAULTS, {"features": ["export"], "debug": True})
        self.assertEqual(merged["features"], ["export"])
        self.assertTrue(merged["debug"])

    def test_type_changes(self):
        self.assertEqual(deep_merge({"a": 1}, {"a": {"b": 2}}), {"a": {"b": 2}})
        self.assertEqual(deep_merge({"a": {"b": 2}}, {"a": 1}), {"a": 1})

    def test_inputs_untouched_and_not_shared(self):
        before = copy.deepcopy(DEFAULTS)
        override = {"server": {"tls": {"cert": "/etc/cert.pem"}}, "extra": {"list": [1]}}
        merged = deep_merge(DEFAULTS, override)
        merged["server"]["tls"]["enabled"] = "changed"
        merged["features"].append("mutated")
        merged["extra"]["list"].append(2)
        self.assertEqual(DEFAULTS, before)
        self.assertEqual(override["extra"]["list"], [1])

    def test_several_overrides_later_wins(self):
        merged = deep_merge({"a": {"x": 1, "y": 1}}, {"a": {"x": 2}}, {"a": {"x": 3, "z": 3}})
        self.assertEqual(merged, {"a": {"x": 3, "y": 1, "z": 3}})

    def test_none_is_a_value_and_delete_removes(self):
        merged = deep_merge(DEFAULTS, {"debug": None, "server": {"tls": DELETE, "nope": DELETE}})
        self.assertIsNone(merged["debug"])
        self.assertNotIn("tls", merged["server"])
        self.assertNotIn("nope", merged["server"])

    def test_delete_inside_new_section(self):
        self.assertEqual(deep_merge({}, {"new": {"keep": 1, "gone": DELETE}}), {"new": {"keep": 1}})


if __name__ == "__main__":
    unittest.main()
