"""Runs test_pattern.py with unittest inside the sandbox and reports the outcome (see test-report-marker.ts).

Run as `python3 -I -B runner.py`: isolated mode leaves the script's folder out of sys.path, so it is put back
here for `from pattern import ...`. unittest's usual report goes to stderr; the last line on stdout is

    \\x1eKILN-TESTS <nonce> {"passed": .., "failed": .., "skipped": .., "failures": [{"name": .., "message": ..}]}

Exit status: 0 when nothing failed, 1 otherwise.
"""

import json
import os
import sys
import traceback
import unittest

NONCE = os.environ.pop("KILN_TESTS_NONCE", "")
MAX_MESSAGE = 4000
MAX_TRACEBACK_LINES = 30
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def trimmed(text):
    """The end of a traceback (where it failed), at most MAX_TRACEBACK_LINES lines and MAX_MESSAGE characters."""
    lines = text.rstrip("\n").split("\n")
    if len(lines) > MAX_TRACEBACK_LINES:
        lines = ["Traceback (most recent call last, trimmed):"] + lines[-MAX_TRACEBACK_LINES:]
    text = "\n".join(lines).replace(HERE + os.sep, "")
    return text if len(text) <= MAX_MESSAGE else "…" + text[-MAX_MESSAGE:]


def name_of(test):
    """`Class.test_method`, or `Class.test_method (case)` for a subTest, without the module name."""
    name = test.id()
    return name[len("test_pattern."):] if name.startswith("test_pattern.") else name


class ReportingResult(unittest.TextTestResult):
    """unittest's text result, also keeping each test's outcome: one test is one count, however many subTests."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcomes = {}
        self.messages = []

    def _fail(self, test, err):
        self.outcomes[test.id()] = "failed"
        self.messages.append({"name": name_of(test), "message": trimmed(self._exc_info_to_string(err, test))})

    def addSuccess(self, test):
        super().addSuccess(test)
        self.outcomes.setdefault(test.id(), "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._fail(test, err)

    def addError(self, test, err):
        super().addError(test, err)
        self._fail(test, err)

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self.outcomes[test.id()] = "failed"
            self.messages.append({"name": name_of(subtest), "message": trimmed(self._exc_info_to_string(err, test))})

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self.outcomes[test.id()] = "skipped"

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self.outcomes[test.id()] = "passed"

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self.outcomes[test.id()] = "failed"
        message = "unexpected success (the test is marked expectedFailure)"
        self.messages.append({"name": name_of(test), "message": message})


def report(passed, failed, skipped, failures):
    """On the real stdout, whatever the tests did to sys.stdout, after everything they printed."""
    line = json.dumps({"passed": passed, "failed": failed, "skipped": skipped, "failures": failures})
    sys.stdout.flush()
    sys.__stdout__.write("\x1eKILN-TESTS " + NONCE + " " + line + "\n")
    sys.__stdout__.flush()


def main():
    try:
        import test_pattern
    except BaseException:  # a syntax error, a failing import, an exception or exit at the top level
        report(0, 1, 0, [{"name": "test_pattern.py (failed to load)", "message": trimmed(traceback.format_exc())}])
        return 1
    suite = unittest.defaultTestLoader.loadTestsFromModule(test_pattern)
    result = unittest.TextTestRunner(stream=sys.stderr, resultclass=ReportingResult, verbosity=2).run(suite)
    outcomes = list(result.outcomes.values())
    if not outcomes:
        report(0, 1, 0, [{"name": "test_pattern.py", "message": "No test found in the tests file"}])
        return 1
    failed = outcomes.count("failed")
    report(outcomes.count("passed"), failed, outcomes.count("skipped"), result.messages)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
