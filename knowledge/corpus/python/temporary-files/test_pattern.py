import os
import stat
import tempfile
import unittest
from pathlib import Path
from unittest import mock

import pattern
from pattern import atomic_write, scratch_dir, temp_file_with


class ScratchDirTest(unittest.TestCase):
    def test_removed_after_block_with_contents(self):
        with scratch_dir() as directory:
            (directory / "nested").mkdir()
            (directory / "nested" / "file.txt").write_text("x")
            self.assertTrue(directory.is_dir())
        self.assertFalse(directory.exists())

    def test_removed_even_on_error(self):
        with self.assertRaises(RuntimeError):
            with scratch_dir(prefix="kiln-test-") as directory:
                self.assertTrue(directory.name.startswith("kiln-test-"))
                raise RuntimeError("boom")
        self.assertFalse(directory.exists())

    def test_unique(self):
        with scratch_dir() as a, scratch_dir() as b:
            self.assertNotEqual(a, b)


class TempFileWithTest(unittest.TestCase):
    def test_text_and_bytes_and_cleanup(self):
        with temp_file_with("héllo", suffix=".txt") as path:
            self.assertEqual(path.suffix, ".txt")
            self.assertEqual(path.read_text(encoding="utf-8"), "héllo")  # reopenable by name
        self.assertFalse(path.exists())
        with temp_file_with(b"\x00\x01") as path:
            self.assertEqual(path.read_bytes(), b"\x00\x01")
        self.assertFalse(path.exists())

    def test_cleanup_tolerates_file_removed_by_block(self):
        with temp_file_with("x") as path:
            path.unlink()
        self.assertFalse(path.exists())


class AtomicWriteTest(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.dir = Path(tmp.name)
        self.target = self.dir / "config.json"

    def test_creates_and_replaces(self):
        atomic_write(self.target, '{"v": 1}')
        atomic_write(self.target, b'{"v": 2}')
        self.assertEqual(self.target.read_text(), '{"v": 2}')
        self.assertEqual(os.listdir(self.dir), ["config.json"])  # no temp files left behind

    @unittest.skipIf(os.name == "nt", "POSIX permissions")
    def test_private_permissions(self):
        atomic_write(self.target, "secret")
        self.assertEqual(stat.S_IMODE(self.target.stat().st_mode), 0o600)

    def test_failure_keeps_original_and_cleans_up(self):
        atomic_write(self.target, "original")
        with mock.patch.object(pattern.os, "replace", side_effect=OSError("disk full")):
            with self.assertRaisesRegex(OSError, "disk full"):
                atomic_write(self.target, "new contents")
        self.assertEqual(self.target.read_text(), "original")
        self.assertEqual(os.listdir(self.dir), ["config.json"])

    def test_missing_directory_raises(self):
        with self.assertRaises(FileNotFoundError):
            atomic_write(self.dir / "missing" / "file.txt", "x")


if __name__ == "__main__":
    unittest.main()
