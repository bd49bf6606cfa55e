import hashlib
import io
import os
import tempfile
import unittest

from pattern import count_matching_lines, file_sha256, iter_chunks, iter_text_chunks


class ChunkedReadingTest(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.path = os.path.join(tmp.name, "big.bin")

    def write(self, data: bytes) -> None:
        with open(self.path, "wb") as f:
            f.write(data)

    def test_chunk_sizes(self):
        chunks = list(iter_chunks(io.BytesIO(b"abcdefghij"), 4))
        self.assertEqual(chunks, [b"abcd", b"efgh", b"ij"])
        self.assertEqual(list(iter_chunks(io.BytesIO(b""), 4)), [])
        with self.assertRaises(ValueError):
            next(iter_chunks(io.BytesIO(b"x"), 0))

    def test_hash_matches_whole_file_hash(self):
        data = os.urandom(10_000) * 3
        self.write(data)
        self.assertEqual(file_sha256(self.path, chunk_size=777), hashlib.sha256(data).hexdigest())
        self.write(b"")
        self.assertEqual(file_sha256(self.path), hashlib.sha256(b"").hexdigest())

    def test_text_chunks_survive_split_characters(self):
        text = "naïve café — 日本語 🙂" * 50
        self.write(text.encode("utf-8"))
        with self.assertRaises(UnicodeDecodeError):  # the naive way breaks
            with open(self.path, "rb") as f:
                for chunk in iter_chunks(f, 7):
                    chunk.decode("utf-8")
        self.assertEqual("".join(iter_text_chunks(self.path, chunk_size=7)), text)

    def test_truncated_character_raises(self):
        self.write("ok 🙂".encode("utf-8")[:-1])
        with self.assertRaises(UnicodeDecodeError):
            list(iter_text_chunks(self.path, chunk_size=3))

    def test_count_matching_lines(self):
        self.write(b"ERROR a\r\ninfo\nERROR b\nbad \xff byte ERROR\nlast ERROR")
        self.assertEqual(count_matching_lines(self.path, "ERROR"), 4)
        self.assertEqual(count_matching_lines(self.path, "missing"), 0)


if __name__ == "__main__":
    unittest.main()
