"""Link targets as the PDF specification wants them: 7-bit ASCII.

A URI action's target is an ASCII string (ISO 32000-1, 12.6.4.7), so a host is written
in IDNA form (``bücher.example`` → ``xn--bcher-kva.example``) and every other non-ASCII
character, UTF-8 encoded, is percent-encoded. Characters that are already ASCII are
left exactly as the user wrote them.
"""

from __future__ import annotations

from urllib.parse import SplitResult, quote, urlsplit, urlunsplit

# Everything a URI may hold literally (RFC 3986 reserved and unreserved, and "%" so that
# existing escapes stay as they are): only what lies outside gets percent-encoded.
_KEEP = "!#$%&'()*+,/:;=?@[]~-._"


def ascii_uri(url: str) -> str:
    if url.isascii():
        return url
    if url.lower().startswith("mailto:"):
        local, at, domain = url[len("mailto:") :].rpartition("@")
        return "mailto:" + (_quoted(local) + at + _host(domain) if at else _quoted(domain))
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.hostname is not None:
        host = parts.hostname
        start = netloc.lower().rfind(host)
        netloc = _quoted(netloc[:start]) + _host(host) + netloc[start + len(host) :]
    return urlunsplit(
        SplitResult(
            parts.scheme,
            netloc,
            _quoted(parts.path),
            _quoted(parts.query),
            _quoted(parts.fragment),
        )
    )


def _quoted(text: str) -> str:
    return quote(text, safe=_KEEP)


def _host(host: str) -> str:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:  # a label IDNA 2003 refuses: still ASCII, still a valid URI
        return _quoted(host)
