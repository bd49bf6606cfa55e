import io
import logging
import os
import unittest
from unittest import mock

from pattern import configure_logging, parse_level


class ConfigureLoggingTest(unittest.TestCase):
    def setUp(self):
        root = logging.getLogger()
        saved = (list(root.handlers), root.level)

        def restore():
            for handler in list(root.handlers):
                root.removeHandler(handler)
            for handler in saved[0]:
                root.addHandler(handler)
            root.setLevel(saved[1])
            logging.getLogger("noisy").setLevel(logging.NOTSET)
            logging.captureWarnings(False)

        self.addCleanup(restore)
        self.out = io.StringIO()

    def test_parse_level(self):
        self.assertEqual(parse_level("debug"), logging.DEBUG)
        self.assertEqual(parse_level(" Warning "), logging.WARNING)
        self.assertEqual(parse_level("15"), 15)
        self.assertEqual(parse_level(logging.ERROR), logging.ERROR)
        with self.assertRaises(ValueError):
            parse_level("loud")

    def test_filters_by_level_and_formats(self):
        configure_logging("WARNING", stream=self.out, fmt="%(levelname)s %(name)s %(message)s")
        log = logging.getLogger("app.orders")
        log.info("hidden")
        log.warning("low stock: %d left", 2)
        self.assertEqual(self.out.getvalue(), "WARNING app.orders low stock: 2 left\n")

    def test_calling_twice_does_not_duplicate_lines(self):
        configure_logging("INFO", stream=io.StringIO())
        configure_logging("INFO", stream=self.out, fmt="%(message)s")
        logging.getLogger("x").info("once")
        self.assertEqual(self.out.getvalue(), "once\n")
        ours = [h for h in logging.getLogger().handlers if h.get_name() == "app-console"]
        self.assertEqual(len(ours), 1)

    def test_keeps_other_handlers(self):
        other = logging.NullHandler()
        logging.getLogger().addHandler(other)
        configure_logging("INFO", stream=self.out)
        self.assertIn(other, logging.getLogger().handlers)

    def test_level_from_environment(self):
        with mock.patch.dict(os.environ, {"LOG_LEVEL": "debug"}):
            configure_logging(stream=self.out, fmt="%(message)s")
        logging.getLogger("y").debug("details")
        self.assertEqual(self.out.getvalue(), "details\n")

    def test_quiet_loggers(self):
        configure_logging("DEBUG", stream=self.out, fmt="%(name)s:%(message)s", quiet={"noisy": "ERROR"})
        logging.getLogger("noisy.lib").warning("chatter")
        logging.getLogger("app").debug("kept")
        self.assertEqual(self.out.getvalue(), "app:kept\n")


if __name__ == "__main__":
    unittest.main()
