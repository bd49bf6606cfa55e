import codecs
import hashlib
from pathlib import Path
from typing import BinaryIO, Iterator

CHUNK_SIZE = 1024 * 1024  # 1 MiB: large enough for throughput, small enough for memory


def iter_chunks(file: BinaryIO, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """Yields successive chunks of at most chunk_size bytes from a file opened in binary mode."""
    if chunk_size < 1:
        raise ValueError("chunk_size must be positive")
    while chunk := file.read(chunk_size):
        yield chunk


def file_sha256(path: str | Path, chunk_size: int = CHUNK_SIZE) -> str:
    """Hex SHA-256 of a file of any size, in constant memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter_chunks(file, chunk_size):
            digest.update(chunk)
    return digest.hexdigest()


def iter_text_chunks(path: str | Path, chunk_size: int = CHUNK_SIZE, encoding: str = "utf-8") -> Iterator[str]:
    """Yields decoded text from byte chunks, safely: an incremental decoder holds back the bytes of a
    character split across two chunks instead of raising UnicodeDecodeError."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    with open(path, "rb") as file:
        for chunk in iter_chunks(file, chunk_size):
            if text := decoder.decode(chunk):
                yield text
    if tail := decoder.decode(b"", final=True):  # raises if the file ends mid-character
        yield tail


def count_matching_lines(path: str | Path, needle: str, encoding: str = "utf-8") -> int:
    """Counts lines containing needle, reading one buffered line at a time (iterating the file object
    is lazy; readlines() would load everything). errors="replace" keeps one bad byte from aborting."""
    count = 0
    with open(path, encoding=encoding, errors="replace", newline="") as file:
        for line in file:
            if needle in line:
                count += 1
    return count
