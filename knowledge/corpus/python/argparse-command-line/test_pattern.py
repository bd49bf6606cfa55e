import contextlib
import io
import json
import unittest

from pattern import build_parser, main


def run(argv, items=None):
    out = io.StringIO()
    code = main(argv, items=items, out=out)
    return code, out.getvalue()


class ArgparseTest(unittest.TestCase):
    def assertUsageError(self, argv, message):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), self.assertRaises(SystemExit) as caught:
            build_parser().parse_args(argv)
        self.assertEqual(caught.exception.code, 2)
        self.assertIn(message, err.getvalue())

    def test_add_parses_words_and_defaults(self):
        args = build_parser().parse_args(["add", "buy", "milk"])
        self.assertEqual(args.text, ["buy", "milk"])
        self.assertEqual(args.priority, 3)
        self.assertFalse(args.dry_run)
        self.assertEqual(args.verbose, 0)

    def test_add_then_list(self):
        items = []
        self.assertEqual(run(["add", "buy", "milk", "-p", "2"], items)[0], 0)
        self.assertEqual(run(["-vv", "add", "call", "mum", "--priority", "1"], items)[1], "added: call mum (priority 1)\n")
        code, output = run(["list"], items)
        self.assertEqual(code, 0)
        self.assertEqual(output, "[1] call mum\n[2] buy milk\n")
        code, output = run(["list", "--limit", "1", "--format", "json"], items)
        self.assertEqual(json.loads(output), [{"text": "call mum", "priority": 1}])

    def test_dry_run_changes_nothing(self):
        items = []
        code, output = run(["add", "x", "--dry-run"], items)
        self.assertEqual((code, output, items), (0, "would add: x\n", []))

    def test_empty_list_exit_code(self):
        self.assertEqual(run(["list"], [])[0], 1)

    def test_usage_errors(self):
        self.assertUsageError([], "required")
        self.assertUsageError(["add"], "required: text")
        self.assertUsageError(["add", "x", "-p", "0"], "must be at least 1")
        self.assertUsageError(["add", "x", "-p", "high"], "is not a whole number")
        self.assertUsageError(["list", "--format", "xml"], "invalid choice")
        self.assertUsageError(["remove"], "invalid choice")


if __name__ == "__main__":
    unittest.main()
