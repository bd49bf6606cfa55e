import sys
import time
import unittest

from pattern import CommandError, run_command

PY = [sys.executable, "-S"]  # -S skips site setup: faster start-up


class RunCommandTest(unittest.TestCase):
    def test_captures_stdout_and_stderr(self):
        result = run_command([*PY, "-c", "import sys; print('out'); print('err', file=sys.stderr)"])
        self.assertEqual((result.returncode, result.stdout, result.stderr), (0, "out\n", "err\n"))

    def test_arguments_are_not_interpreted_by_a_shell(self):
        result = run_command([*PY, "-c", "import sys; print(sys.argv[1])", "$HOME; rm -rf / && echo *"])
        self.assertEqual(result.stdout, "$HOME; rm -rf / && echo *\n")

    def test_nonzero_exit_raises_with_stderr(self):
        with self.assertRaises(CommandError) as caught:
            run_command([*PY, "-c", "import sys; sys.stderr.write('disk full'); sys.exit(3)"])
        self.assertIn("status 3", str(caught.exception))
        self.assertIn("disk full", str(caught.exception))
        self.assertEqual(caught.exception.result.returncode, 3)

    def test_check_false_returns_result(self):
        result = run_command([*PY, "-c", "raise SystemExit(5)"], check=False)
        self.assertEqual(result.returncode, 5)

    def test_missing_program(self):
        with self.assertRaisesRegex(CommandError, "command not found"):
            run_command(["definitely-not-a-real-program-kiln"])

    def test_timeout_kills_the_child(self):
        start = time.monotonic()
        with self.assertRaisesRegex(CommandError, "timed out"):
            run_command([*PY, "-c", "import time; time.sleep(30)"], timeout=0.1)
        self.assertLess(time.monotonic() - start, 5)

    def test_input_env_and_bad_bytes(self):
        result = run_command(
            [*PY, "-c", "import os, sys; sys.stdout.write(sys.stdin.read().upper() + os.environ['KILN_X']); sys.stdout.flush(); sys.stdout.buffer.write(b'\\xff')"],
            input="hi ",
            env={"KILN_X": "there"},
        )
        self.assertEqual(result.stdout, "HI there\ufffd")

    def test_stdin_closed_by_default(self):
        result = run_command([*PY, "-c", "import sys; print(repr(sys.stdin.read()))"], timeout=5)
        self.assertEqual(result.stdout, "''\n")


if __name__ == "__main__":
    unittest.main()
