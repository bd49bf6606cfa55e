import contextlib
import sqlite3
from typing import Any, Iterable, Iterator, Sequence


def connect(path: str = ":memory:") -> sqlite3.Connection:
    """Opens a connection with rows as sqlite3.Row (access by name) and foreign keys enforced."""
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA foreign_keys = ON")  # off by default in SQLite
    return connection


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Commits if the block succeeds, rolls back if it raises (then re-raises)."""
    try:
        yield connection
        connection.commit()
    except BaseException:
        connection.rollback()
        raise


def find_users_by_name(connection: sqlite3.Connection, name: str) -> list[sqlite3.Row]:
    # WRONG: f"... WHERE name = '{name}'" lets name = "x' OR '1'='1" return every row.
    # Parameters are a sequence: (name,) with the comma; a bare string is read as one value per character.
    return connection.execute("SELECT id, name, email FROM users WHERE name = ? ORDER BY id", (name,)).fetchall()


def find_users_by_ids(connection: sqlite3.Connection, ids: Sequence[int]) -> list[sqlite3.Row]:
    """IN with a variable number of values: generate one "?" per value; the values stay parameters.

    An empty list returns [] without querying ("IN ()" is a syntax error). SQLite allows
    32766 parameters per statement; split bigger lists into batches.
    """
    if not ids:
        return []
    placeholders = ", ".join("?" * len(ids))
    sql = f"SELECT id, name, email FROM users WHERE id IN ({placeholders}) ORDER BY id"
    return connection.execute(sql, tuple(ids)).fetchall()


def add_users(connection: sqlite3.Connection, users: Iterable[dict[str, Any]]) -> int:
    """Inserts all users or none (named :placeholders read from each dict). Returns the count."""
    with transaction(connection):
        cursor = connection.executemany("INSERT INTO users (name, email) VALUES (:name, :email)", users)
    return cursor.rowcount


def create_schema(connection: sqlite3.Connection) -> None:
    connection.execute(
        "CREATE TABLE IF NOT EXISTS users ("
        " id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE)"
    )
    connection.commit()
