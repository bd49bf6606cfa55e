from typing import Any, Iterable, Mapping
from urllib.parse import parse_qs, parse_qsl, quote, urlencode, urlsplit, urlunsplit

Params = Mapping[str, Any]


def _pairs(params: Params) -> list[tuple[str, str]]:
    """Flattens {"tag": ["a", "b"], "page": 2, "skip": None} into [("tag","a"), ("tag","b"), ("page","2")]."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        if value is None:
            continue  # None means "leave the parameter out"
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            pairs.append((key, str(item).lower() if isinstance(item, bool) else str(item)))
    return pairs


def build_url(base: str, path_segments: Iterable[str | int] = (), params: Params | None = None) -> str:
    """base + escaped path segments + encoded query, e.g.

    build_url("https://api.example.com/v1", ["users", "a/b c"], {"q": "x&y"})
    -> "https://api.example.com/v1/users/a%2Fb%20c?q=x%26y"
    Each segment is percent-encoded including "/", so values cannot change the path structure.
    Booleans are sent as "true"/"false"; lists repeat the key; None values are omitted.
    """
    scheme, netloc, path, query, fragment = urlsplit(base)
    segments = [quote(str(segment), safe="") for segment in path_segments]
    if segments:
        path = path.rstrip("/") + "/" + "/".join(segments)
    pairs = parse_qsl(query, keep_blank_values=True) + _pairs(params or {})
    return urlunsplit((scheme, netloc, path, urlencode(pairs, quote_via=quote), fragment))


def with_params(url: str, params: Params) -> str:
    """Returns url with the given query parameters set (replacing same-named ones, keeping the rest
    and their order, and the fragment). A value of None removes that parameter."""
    scheme, netloc, path, query, fragment = urlsplit(url)
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in params]
    return urlunsplit((scheme, netloc, path, urlencode(pairs + _pairs(params), quote_via=quote), fragment))


def query_params(url: str) -> dict[str, list[str]]:
    """All query parameters, decoded, each as a list (a key may repeat); blank values kept as ""."""
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def origin(url: str) -> str:
    """scheme://host[:port], lowercased, for comparing where URLs point (e.g. CORS, redirects).
    Raises ValueError for URLs without a scheme or host, such as "example.com/path"."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.hostname:
        raise ValueError(f"not an absolute URL: {url!r}")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname  # IPv6 literal
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme.lower()}://{host}{port}"
