import unittest
from dataclasses import dataclass, FrozenInstanceError
from typing import Optional

from pattern import User, ValidationError, check, validate


class ValidateDataclassTest(unittest.TestCase):
    def test_valid_user(self):
        user = User(name="Ada", age=36, email="ada@example.com", tags=["admin"])
        self.assertEqual(user.age, 36)
        self.assertIsNone(User(name="Bob", age=0).email)

    def test_reports_all_errors(self):
        with self.assertRaises(ValidationError) as caught:
            User(name=" ", age=200, email="nope")
        self.assertEqual(
            caught.exception.errors,
            ["name: must not be blank", "age: must be between 0 and 150", "email: must contain @"],
        )

    def test_wrong_types(self):
        with self.assertRaises(ValidationError) as caught:
            User(name=42, age="36")
        self.assertEqual(len(caught.exception.errors), 2)
        self.assertTrue(caught.exception.errors[0].startswith("name: expected"))

    def test_bool_is_not_an_int(self):
        with self.assertRaises(ValidationError):
            User(name="Ada", age=True)

    def test_container_type_checked_shallowly(self):
        with self.assertRaises(ValidationError):
            User(name="Ada", age=1, tags="admin")

    def test_frozen(self):
        user = User(name="Ada", age=36)
        with self.assertRaises(FrozenInstanceError):
            user.age = -1

    def test_float_accepts_int_and_optional(self):
        @dataclass
        class Point:
            x: float
            label: Optional[str] = None
            ratio: float = check(lambda v: v > 0, "must be positive", default=1.0)

            def __post_init__(self):
                validate(self)

        self.assertEqual(Point(3).x, 3)
        with self.assertRaises(ValidationError):
            Point("3")
        with self.assertRaises(ValidationError):
            Point(1.0, label=5)
        with self.assertRaisesRegex(ValidationError, "ratio: must be positive"):
            Point(1.0, ratio=0)


if __name__ == "__main__":
    unittest.main()
