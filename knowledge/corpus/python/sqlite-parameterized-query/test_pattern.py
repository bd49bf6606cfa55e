import os
import sqlite3
import tempfile
import unittest

from pattern import add_users, connect, create_schema, find_users_by_ids, find_users_by_name, transaction


class SqliteParameterizedTest(unittest.TestCase):
    def setUp(self):
        self.db = connect()
        self.addCleanup(self.db.close)
        create_schema(self.db)
        add_users(
            self.db,
            [
                {"name": "Ada", "email": "ada@example.com"},
                {"name": "Alan", "email": "alan@example.com"},
                {"name": "O'Brien", "email": "ob@example.com"},
            ],
        )

    def test_rows_by_name(self):
        rows = find_users_by_name(self.db, "Alan")
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["email"], "alan@example.com")

    def test_injection_attempt_is_just_a_string(self):
        self.assertEqual(find_users_by_name(self.db, "x' OR '1'='1"), [])
        self.assertEqual(find_users_by_name(self.db, "O'Brien")[0]["email"], "ob@example.com")

    def test_in_list(self):
        self.assertEqual([r["name"] for r in find_users_by_ids(self.db, [3, 1, 99])], ["Ada", "O'Brien"])
        self.assertEqual(find_users_by_ids(self.db, []), [])

    def test_insert_is_all_or_nothing(self):
        with self.assertRaises(sqlite3.IntegrityError):
            add_users(self.db, [{"name": "New", "email": "new@example.com"}, {"name": "Dup", "email": "ada@example.com"}])
        self.assertEqual(find_users_by_name(self.db, "New"), [])
        self.assertEqual(self.db.execute("SELECT count(*) FROM users").fetchone()[0], 3)

    def test_transaction_rolls_back_on_any_error(self):
        with self.assertRaises(RuntimeError):
            with transaction(self.db):
                self.db.execute("DELETE FROM users")
                raise RuntimeError("abort")
        self.assertEqual(self.db.execute("SELECT count(*) FROM users").fetchone()[0], 3)

    def test_commit_persists_to_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "app.db")
            first = connect(path)
            create_schema(first)
            self.assertEqual(add_users(first, [{"name": "Zed", "email": "z@example.com"}]), 1)
            first.close()
            second = connect(path)
            try:
                self.assertEqual(find_users_by_name(second, "Zed")[0]["id"], 1)
            finally:
                second.close()

    def test_foreign_keys_enforced(self):
        self.db.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id))")
        with self.assertRaises(sqlite3.IntegrityError):
            self.db.execute("INSERT INTO posts (user_id) VALUES (?)", (999,))


if __name__ == "__main__":
    unittest.main()
