import unittest
from datetime import datetime, timedelta, timezone

from pattern import add_calendar_days, ensure_utc, from_unix, local_to_utc, parse_iso, to_iso, to_zone, utc_now


def zone_available(name: str) -> bool:
    try:
        from zoneinfo import ZoneInfo

        ZoneInfo(name)
        return True
    except Exception:
        return False


class UtcTest(unittest.TestCase):
    def test_utc_now_is_aware(self):
        now = utc_now()
        self.assertEqual(now.utcoffset(), timedelta(0))
        self.assertLess(abs(now - datetime.now(timezone.utc)), timedelta(seconds=5))

    def test_naive_is_rejected(self):
        with self.assertRaisesRegex(ValueError, "naive"):
            ensure_utc(datetime(2024, 1, 1, 12, 0))
        with self.assertRaises(ValueError):
            parse_iso("2024-01-01T12:00:00")

    def test_parse_with_offsets_gives_same_instant(self):
        a = parse_iso("2024-03-10T12:00:00+01:00")
        b = parse_iso("2024-03-10T11:00:00Z")
        c = parse_iso("2024-03-10T06:00:00-05:00")
        self.assertEqual(a, b)
        self.assertEqual(b, c)
        self.assertEqual(a.tzinfo, timezone.utc)
        self.assertEqual(a.hour, 11)

    def test_to_iso_round_trip(self):
        value = datetime(2024, 3, 10, 12, 30, tzinfo=timezone(timedelta(hours=2)))
        self.assertEqual(to_iso(value), "2024-03-10T10:30:00Z")
        self.assertEqual(parse_iso(to_iso(value)), value)

    def test_from_unix(self):
        self.assertEqual(from_unix(0), datetime(1970, 1, 1, tzinfo=timezone.utc))
        self.assertEqual(to_iso(from_unix(1_700_000_000)), "2023-11-14T22:13:20Z")


@unittest.skipUnless(zone_available("Europe/Berlin"), "IANA time zone data not installed")
class NamedZoneTest(unittest.TestCase):
    def test_display_in_zone_respects_daylight_saving(self):
        winter = to_zone(parse_iso("2024-01-15T12:00:00Z"), "Europe/Berlin")
        summer = to_zone(parse_iso("2024-07-15T12:00:00Z"), "Europe/Berlin")
        self.assertEqual((winter.hour, summer.hour), (13, 14))

    def test_local_wall_time_to_utc(self):
        self.assertEqual(to_iso(local_to_utc(datetime(2024, 7, 1, 9, 0), "America/New_York")), "2024-07-01T13:00:00Z")
        with self.assertRaises(ValueError):
            local_to_utc(datetime(2024, 7, 1, tzinfo=timezone.utc), "America/New_York")

    def test_calendar_day_across_dst_change_is_23_hours(self):
        start = local_to_utc(datetime(2024, 3, 30, 9, 0), "Europe/Berlin")
        next_day = add_calendar_days(start, 1, "Europe/Berlin")
        self.assertEqual(next_day - start, timedelta(hours=23))
        self.assertEqual(to_zone(next_day, "Europe/Berlin").hour, 9)


if __name__ == "__main__":
    unittest.main()
