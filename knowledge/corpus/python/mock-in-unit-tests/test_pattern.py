import io
import unittest
from unittest import mock
from urllib.error import URLError

from pattern import RateService, RateUnavailable, convert


def fake_response(body: bytes) -> mock.MagicMock:
    """A stand-in for urlopen(...) used as `with urlopen(...) as response:`."""
    opened = mock.MagicMock()
    opened.__enter__.return_value = io.BytesIO(body)
    return opened


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class RateServiceTest(unittest.TestCase):
    def setUp(self):
        # Patch where the name is looked up: pattern.urlopen. Undone automatically after each test.
        patcher = mock.patch("pattern.urlopen", autospec=True)
        self.urlopen = patcher.start()
        self.addCleanup(patcher.stop)
        self.clock = FakeClock()
        self.service = RateService("https://rates.example/", ttl=60, clock=self.clock)

    def test_fetches_and_parses(self):
        self.urlopen.return_value = fake_response(b'{"rate": 0.92}')
        self.assertEqual(self.service.get_rate("EUR"), 0.92)
        self.urlopen.assert_called_once_with("https://rates.example/rates/EUR", timeout=5)

    def test_caches_until_ttl_expires(self):
        self.urlopen.side_effect = [fake_response(b'{"rate": 1.0}'), fake_response(b'{"rate": 2.0}')]
        self.assertEqual(self.service.get_rate("GBP"), 1.0)
        self.clock.now += 59
        self.assertEqual(self.service.get_rate("GBP"), 1.0)
        self.assertEqual(self.urlopen.call_count, 1)
        self.clock.now += 1
        self.assertEqual(self.service.get_rate("GBP"), 2.0)
        self.assertEqual(self.urlopen.call_count, 2)

    def test_network_error_becomes_domain_error(self):
        self.urlopen.side_effect = URLError("connection refused")
        with self.assertRaisesRegex(RateUnavailable, "connection refused"):
            self.service.get_rate("JPY")

    def test_bad_payload(self):
        self.urlopen.return_value = fake_response(b'{"price": 3}')
        with self.assertRaises(RateUnavailable):
            self.service.get_rate("JPY")

    def test_autospec_rejects_calls_the_real_function_would_reject(self):
        with self.assertRaises(TypeError):
            self.urlopen("https://x", bogus_argument=True)


class ConvertTest(unittest.TestCase):
    def test_convert_with_autospecced_service(self):
        service = mock.create_autospec(RateService, instance=True)
        service.get_rate.return_value = 0.915
        self.assertEqual(convert(10, "EUR", service), 9.15)
        service.get_rate.assert_called_once_with("EUR")
        with self.assertRaises(AttributeError):
            service.get_rates  # typo'd attribute: a plain Mock would silently accept it

    def test_patch_object_as_context_manager(self):
        service = RateService("https://rates.example")
        with mock.patch.object(RateService, "get_rate", return_value=2.0) as get_rate:
            self.assertEqual(convert(1.5, "CHF", service), 3.0)
        get_rate.assert_called_once_with("CHF")

    def test_errors_propagate(self):
        service = mock.create_autospec(RateService, instance=True)
        service.get_rate.side_effect = RateUnavailable("down")
        with self.assertRaises(RateUnavailable):
            convert(1, "EUR", service)


if __name__ == "__main__":
    unittest.main()
