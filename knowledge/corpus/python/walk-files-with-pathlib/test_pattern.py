import os
import tempfile
import unittest
from pathlib import Path

from pattern import find_files


class FindFilesTest(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.root = Path(tmp.name)
        for relative in [
            "b.py",
            "a.txt",
            "src/main.py",
            "src/util/helpers.py",
            "src/util/notes.md",
            "node_modules/pkg/index.py",
            ".git/hooks/pre-commit.py",
            ".hidden.py",
            "build-cache/x.py",
        ]:
            path = self.root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("x")

    def relative(self, paths):
        return [p.relative_to(self.root).as_posix() for p in paths]

    def test_matches_patterns_in_deterministic_order(self):
        found = self.relative(find_files(self.root, ["*.py"]))
        self.assertEqual(found, ["b.py", "build-cache/x.py", "src/main.py", "src/util/helpers.py"])

    def test_several_patterns(self):
        found = self.relative(find_files(self.root / "src", ["*.py", "*.md"]))
        self.assertEqual(found, ["src/main.py", "src/util/helpers.py", "src/util/notes.md"])

    def test_exclude_globs_and_hidden(self):
        found = self.relative(find_files(self.root, ["*.py"], exclude_dirs=["*-cache", "util"], include_hidden=True))
        self.assertEqual(
            found, [".hidden.py", "b.py", ".git/hooks/pre-commit.py", "node_modules/pkg/index.py", "src/main.py"]
        )

    def test_is_lazy_and_yields_paths(self):
        iterator = find_files(self.root)
        first = next(iterator)
        self.assertIsInstance(first, Path)
        self.assertTrue(first.is_file())

    def test_missing_root_yields_nothing(self):
        self.assertEqual(list(find_files(self.root / "nope")), [])

    @unittest.skipUnless(hasattr(os, "symlink"), "needs symlinks")
    def test_does_not_follow_directory_symlink_loops(self):
        try:
            os.symlink(self.root / "src", self.root / "src" / "util" / "loop")
            os.symlink(self.root / "a.txt", self.root / "link.txt")
        except OSError:
            self.skipTest("symlinks not permitted")
        found = self.relative(find_files(self.root, ["*.txt", "*.py"]))
        self.assertIn("link.txt", found)
        self.assertFalse(any("loop" in p for p in found))


if __name__ == "__main__":
    unittest.main()
