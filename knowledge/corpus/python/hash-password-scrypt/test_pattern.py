import unittest

from pattern import hash_password, needs_rehash, verify_password

FAST = {"n": 2**8, "r": 8, "p": 1}  # low cost keeps the tests quick; production uses the defaults


class PasswordHashTest(unittest.TestCase):
    def test_round_trip(self):
        stored = hash_password("correct horse battery staple", **FAST)
        self.assertTrue(stored.startswith("scrypt$256$8$1$"))
        self.assertTrue(verify_password("correct horse battery staple", stored))
        self.assertFalse(verify_password("correct horse battery stapl", stored))
        self.assertFalse(verify_password("", stored))

    def test_salted_so_hashes_differ(self):
        a, b = hash_password("same", **FAST), hash_password("same", **FAST)
        self.assertNotEqual(a, b)
        self.assertTrue(verify_password("same", a) and verify_password("same", b))

    def test_unicode_passwords(self):
        stored = hash_password("pässwörd-🔑", **FAST)
        self.assertTrue(verify_password("pässwörd-🔑", stored))
        self.assertFalse(verify_password("passwort-🔑", stored))

    def test_default_cost_works(self):
        stored = hash_password("secret")
        self.assertTrue(stored.startswith("scrypt$16384$8$1$"))
        self.assertTrue(verify_password("secret", stored))
        self.assertFalse(needs_rehash(stored))

    def test_needs_rehash_when_cost_changes(self):
        self.assertTrue(needs_rehash(hash_password("x", **FAST)))
        self.assertFalse(needs_rehash(hash_password("x", **FAST), **FAST))

    def test_malformed_hashes_raise(self):
        for bad in ["", "plain-text", "bcrypt$1$2$3$AAAA$AAAA", "scrypt$x$8$1$AAAA$AAAA", "scrypt$256$8$1$!!!$AAAA"]:
            with self.assertRaises(ValueError, msg=bad):
                verify_password("x", bad)

    def test_rejects_bad_input(self):
        with self.assertRaises(ValueError):
            hash_password("")
        with self.assertRaises(ValueError):
            hash_password("x", n=1000)


if __name__ == "__main__":
    unittest.main()
