import unittest

from pattern import SignatureError, sign, verify

SECRET = b"whsec_test_secret"
BODY = b'{"event":"invoice.paid","amount":4200}'
NOW = 1_700_000_000


class HmacSignatureTest(unittest.TestCase):
    def test_valid_signature(self):
        header = sign(SECRET, BODY, timestamp=NOW)
        self.assertTrue(header.startswith(f"t={NOW},v1="))
        self.assertEqual(verify(SECRET, BODY, header, now=NOW + 10), NOW)

    def test_known_vector(self):
        # HMAC-SHA256(key="key", message="1.body"), cross-checked with `openssl dgst -sha256 -hmac key`
        expected = "t=1,v1=91b5374b153842ad05b2c4eab9349b8321b14703165bd3fb8b034dfb8be98ae5"
        self.assertEqual(sign(b"key", b"body", timestamp=1), expected)

    def test_tampered_body_or_wrong_secret(self):
        header = sign(SECRET, BODY, timestamp=NOW)
        with self.assertRaisesRegex(SignatureError, "does not match"):
            verify(SECRET, BODY.replace(b"4200", b"1"), header, now=NOW)
        with self.assertRaisesRegex(SignatureError, "does not match"):
            verify(b"other", BODY, header, now=NOW)

    def test_timestamp_cannot_be_swapped(self):
        signature = sign(SECRET, BODY, timestamp=NOW).split(",")[1]
        with self.assertRaises(SignatureError):
            verify(SECRET, BODY, f"t={NOW + 1000},{signature}", now=NOW + 1000)

    def test_replay_window(self):
        header = sign(SECRET, BODY, timestamp=NOW)
        self.assertEqual(verify(SECRET, BODY, header, now=NOW + 300), NOW)
        with self.assertRaisesRegex(SignatureError, "tolerance"):
            verify(SECRET, BODY, header, now=NOW + 301)
        with self.assertRaisesRegex(SignatureError, "tolerance"):
            verify(SECRET, BODY, header, now=NOW - 301)

    def test_secret_rotation_multiple_signatures(self):
        old = sign(b"old-secret", BODY, timestamp=NOW).split(",")[1]
        new = sign(SECRET, BODY, timestamp=NOW).split(",")[1]
        self.assertEqual(verify(SECRET, BODY, f"t={NOW}, {old}, {new}", now=NOW), NOW)

    def test_malformed_headers(self):
        for header in ["", "garbage", f"t={NOW}", "v1=abc", "t=abc,v1=abc", f"t={NOW},v1="]:
            with self.assertRaisesRegex(SignatureError, "malformed", msg=header):
                verify(SECRET, BODY, header, now=NOW)

    def test_non_ascii_signature_is_rejected_not_crashing(self):
        with self.assertRaises(SignatureError):
            verify(SECRET, BODY, f"t={NOW},v1=é", now=NOW)


if __name__ == "__main__":
    unittest.main()
