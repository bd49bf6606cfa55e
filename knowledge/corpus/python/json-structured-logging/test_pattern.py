import io
import json
import logging
import unittest
import uuid
from datetime import datetime, timezone
from decimal import Decimal

from pattern import JsonFormatter, json_handler


class JsonLoggingTest(unittest.TestCase):
    def setUp(self):
        self.stream = io.StringIO()
        self.log = logging.getLogger(f"test.json.{self.id()}")
        self.log.setLevel(logging.DEBUG)
        self.log.propagate = False  # keep test output off the root logger
        handler = json_handler(self.stream, service="billing")
        self.log.addHandler(handler)
        self.addCleanup(self.log.removeHandler, handler)

    def lines(self):
        return [json.loads(line) for line in self.stream.getvalue().splitlines()]

    def test_one_json_object_per_line(self):
        self.log.info("order %s placed", "A-1", extra={"order_id": 42, "amount": 9.5})
        self.log.warning("multi\nline message")
        first, second = self.lines()
        self.assertEqual(first["message"], "order A-1 placed")
        self.assertEqual((first["level"], first["order_id"], first["amount"]), ("INFO", 42, 9.5))
        self.assertEqual(first["service"], "billing")
        self.assertEqual(first["logger"], self.log.name)
        self.assertEqual(second["message"], "multi\nline message")
        self.assertEqual(len(self.stream.getvalue().splitlines()), 2)

    def test_utc_timestamp(self):
        self.log.info("tick")
        stamp = self.lines()[0]["time"]
        self.assertRegex(stamp, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
        parsed = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        self.assertLess(abs((datetime.now(timezone.utc) - parsed).total_seconds()), 5)

    def test_no_standard_attributes_leak(self):
        self.log.info("plain")
        self.assertEqual(set(self.lines()[0]), {"time", "level", "logger", "message", "service"})

    def test_exception_included(self):
        try:
            1 / 0
        except ZeroDivisionError:
            self.log.exception("charge failed", extra={"invoice": "inv_1"})
        entry = self.lines()[0]
        self.assertEqual(entry["level"], "ERROR")
        self.assertEqual(entry["error_type"], "ZeroDivisionError")
        self.assertIn("Traceback", entry["exception"])
        self.assertEqual(entry["invoice"], "inv_1")

    def test_non_serialisable_values_do_not_crash(self):
        ident = uuid.UUID(int=1)
        self.log.info("odd", extra={"id": ident, "price": Decimal("1.10"), "tags": {"x"}, "customer": "Zoë"})
        entry = self.lines()[0]
        self.assertEqual((entry["id"], entry["price"], entry["tags"]), (str(ident), "1.10", "{'x'}"))
        self.assertIn("Zoë", self.stream.getvalue())  # ensure_ascii=False keeps text readable

    def test_reserved_extra_key_is_rejected_by_logging(self):
        with self.assertRaises(KeyError):
            self.log.info("x", extra={"message": "clash"})

    def test_formatter_directly(self):
        record = logging.LogRecord("direct", logging.DEBUG, __file__, 1, "n=%d", (5,), None)
        self.assertEqual(json.loads(JsonFormatter().format(record))["message"], "n=5")


if __name__ == "__main__":
    unittest.main()
