import unittest

from pattern import build_url, origin, query_params, with_params


class BuildUrlTest(unittest.TestCase):
    def test_escapes_segments_and_query(self):
        url = build_url("https://api.example.com/v1", ["users", "a/b c"], {"q": "x&y=z", "name": "José"})
        self.assertEqual(url, "https://api.example.com/v1/users/a%2Fb%20c?q=x%26y%3Dz&name=Jos%C3%A9")

    def test_trailing_slash_and_existing_query_kept(self):
        self.assertEqual(build_url("https://h.test/api/", ["items", 42]), "https://h.test/api/items/42")
        self.assertEqual(
            build_url("https://h.test/search?lang=en#top", params={"q": "a b"}), "https://h.test/search?lang=en&q=a%20b#top"
        )

    def test_lists_bools_and_none(self):
        url = build_url("https://h.test/", params={"tag": ["a", "b"], "active": True, "skip": None, "page": 2})
        self.assertEqual(url, "https://h.test/?tag=a&tag=b&active=true&page=2")

    def test_no_params_no_question_mark(self):
        self.assertEqual(build_url("https://h.test/x"), "https://h.test/x")


class WithParamsTest(unittest.TestCase):
    def test_replaces_adds_and_removes(self):
        url = "https://shop.test/list?page=1&sort=price&utm_source=mail#results"
        self.assertEqual(
            with_params(url, {"page": 2, "utm_source": None, "size": "L"}),
            "https://shop.test/list?sort=price&page=2&size=L#results",
        )

    def test_keeps_blank_values(self):
        self.assertEqual(with_params("https://h.test/?flag=&a=1", {"a": 2}), "https://h.test/?flag=&a=2")


class ParseTest(unittest.TestCase):
    def test_query_params_decoded(self):
        params = query_params("https://h.test/?q=caf%C3%A9+au+lait&tag=a&tag=b&empty=")
        self.assertEqual(params, {"q": ["café au lait"], "tag": ["a", "b"], "empty": [""]})
        self.assertEqual(query_params("https://h.test/"), {})

    def test_round_trip(self):
        url = build_url("https://h.test/p", params={"msg": "50% off & more", "ids": [1, 2]})
        self.assertEqual(query_params(url), {"msg": ["50% off & more"], "ids": ["1", "2"]})

    def test_origin(self):
        self.assertEqual(origin("HTTPS://Example.COM:8443/a?b#c"), "https://example.com:8443")
        self.assertEqual(origin("http://user:pw@example.com/x"), "http://example.com")
        self.assertEqual(origin("http://[::1]:8080/"), "http://[::1]:8080")
        with self.assertRaises(ValueError):
            origin("example.com/path")


if __name__ == "__main__":
    unittest.main()
