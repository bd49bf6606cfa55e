import os
import tempfile
import unittest

from pattern import JsonLoadError, load_json_file, safe_json_loads


class SafeJsonLoadsTest(unittest.TestCase):
    def test_parses_valid_object(self):
        self.assertEqual(safe_json_loads('{"a": [1, 2.5, null, true]}'), {"a": [1, 2.5, None, True]})

    def test_accepts_bytes_with_bom(self):
        self.assertEqual(safe_json_loads('\ufeff{"k": "é"}'.encode("utf-8")), {"k": "é"})

    def test_syntax_error_has_position(self):
        with self.assertRaisesRegex(JsonLoadError, r"line 2 column"):
            safe_json_loads('{"a": 1,\n }')

    def test_empty_input_is_an_error(self):
        with self.assertRaises(JsonLoadError):
            safe_json_loads("")

    def test_rejects_nan_and_infinity(self):
        for text in ('{"x": NaN}', '{"x": Infinity}', '{"x": -Infinity}'):
            with self.assertRaisesRegex(JsonLoadError, "not valid JSON"):
                safe_json_loads(text)

    def test_rejects_duplicate_keys_even_nested(self):
        with self.assertRaisesRegex(JsonLoadError, "duplicate key 'id'"):
            safe_json_loads('{"outer": {"id": 1, "id": 2}}')

    def test_checks_top_level_type(self):
        with self.assertRaisesRegex(JsonLoadError, "expected a JSON dict, got list"):
            safe_json_loads("[1, 2]")
        self.assertEqual(safe_json_loads("[1, 2]", expect=list), [1, 2])
        self.assertEqual(safe_json_loads("3", expect=object), 3)
        with self.assertRaises(JsonLoadError):
            safe_json_loads("true", expect=int)

    def test_size_limit(self):
        with self.assertRaisesRegex(JsonLoadError, "over the 10 limit"):
            safe_json_loads('{"a": "0123456789"}', max_chars=10)

    def test_invalid_utf8(self):
        with self.assertRaisesRegex(JsonLoadError, "not UTF-8"):
            safe_json_loads(b'{"a": "\xff"}')


class LoadJsonFileTest(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.path = os.path.join(tmp.name, "config.json")

    def test_missing_file_uses_default_or_raises(self):
        self.assertEqual(load_json_file(self.path, default={}), {})
        with self.assertRaises(FileNotFoundError):
            load_json_file(self.path)

    def test_corrupt_file_raises_even_with_default(self):
        with open(self.path, "w", encoding="utf-8") as f:
            f.write('{"a": ')
        with self.assertRaisesRegex(JsonLoadError, "config.json"):
            load_json_file(self.path, default={})

    def test_reads_file(self):
        with open(self.path, "w", encoding="utf-8") as f:
            f.write('{"debug": false}')
        self.assertEqual(load_json_file(self.path), {"debug": False})


if __name__ == "__main__":
    unittest.main()
