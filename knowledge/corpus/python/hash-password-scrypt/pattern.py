"""Password hashing with scrypt (hashlib, OpenSSL). Stored format: scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>"""
import base64
import hashlib
import hmac
import secrets

N, R, P = 2**14, 8, 1  # ~16 MiB and tens of ms per hash; raise N as hardware gets faster
SALT_BYTES, KEY_BYTES = 16, 32


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int, dklen: int = KEY_BYTES) -> bytes:
    # maxmem must exceed 128 * n * r bytes, or OpenSSL refuses costs above the default 32 MiB
    maxmem = 256 * n * r + 2**20
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=maxmem)


def hash_password(password: str, *, n: int = N, r: int = R, p: int = P) -> str:
    """Returns a new salted hash string to store. Two calls on the same password give different strings."""
    if not password:
        raise ValueError("password must not be empty")
    if n < 2 or n & (n - 1):
        raise ValueError("n must be a power of two greater than 1")
    salt = secrets.token_bytes(SALT_BYTES)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(_derive(password, salt, n, r, p))}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes]:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            raise ValueError(f"unknown scheme {scheme!r}")
        return int(n), int(r), int(p), base64.b64decode(salt, validate=True), base64.b64decode(key, validate=True)
    except (ValueError, TypeError) as error:
        raise ValueError(f"malformed password hash: {error}") from None


def verify_password(password: str, stored: str) -> bool:
    """True if password matches the stored hash. Comparison is constant-time (hmac.compare_digest).

    A malformed stored value raises ValueError: that is a data bug, not a wrong password.
    """
    n, r, p, salt, expected = _parse(stored)
    actual = _derive(password, salt, n, r, p, dklen=len(expected))
    return hmac.compare_digest(actual, expected)


def needs_rehash(stored: str, *, n: int = N, r: int = R, p: int = P) -> bool:
    """True if the hash was made with other cost parameters: after a successful login, store a new hash."""
    stored_n, stored_r, stored_p, _, _ = _parse(stored)
    return (stored_n, stored_r, stored_p) != (n, r, p)
