"""Signed webhooks. Header format: "t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<raw body>'>"."""
import hashlib
import hmac
import time


class SignatureError(ValueError):
    """The request must be rejected (HTTP 400/401); the message says why, for logs only."""


def _mac(secret: bytes, timestamp: int, body: bytes) -> str:
    return hmac.new(secret, f"{timestamp}.".encode("ascii") + body, hashlib.sha256).hexdigest()


def sign(secret: bytes, body: bytes, *, timestamp: int | None = None) -> str:
    """Returns the signature header value for body, as the sender computes it."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={_mac(secret, timestamp, body)}"


def verify(secret: bytes, body: bytes, header: str, *, tolerance: int = 300, now: float | None = None) -> int:
    """Checks a signature header against the raw body; returns its timestamp or raises SignatureError.

    - body must be the exact bytes received: re-serialised JSON will not match.
    - The timestamp is inside the signed data, so it cannot be altered; requests older (or further in
      the future) than `tolerance` seconds are refused, which limits replays.
    - Several v1= entries are allowed (secret rotation: sender signs with old and new secret).
    - Digests are compared with hmac.compare_digest, so timing does not leak how much matched.
    """
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == "v1" and value:
            candidates.append(value)
    if timestamp is None or not candidates:
        raise SignatureError("malformed signature header")
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance:
        raise SignatureError("timestamp outside the tolerance window")
    expected = _mac(secret, timestamp, body)
    # compare every candidate without stopping early; compare_digest needs str of ASCII or bytes
    matched = False
    for candidate in candidates:
        matched |= hmac.compare_digest(expected.encode(), candidate.encode("utf-8", "replace"))
    if not matched:
        raise SignatureError("signature does not match")
    return timestamp
