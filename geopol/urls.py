"""Which addresses may become links: the one rule the pipeline and the app share."""

from __future__ import annotations

import re
from urllib.parse import urlparse

MAX_URL = 2048
URL_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f\"'<>\\`]")


def safe_url(value: str) -> str:
    """Only absolute http(s) addresses become links; javascript:, data: and anything with
    quotes, brackets, spaces or control characters (which could break out of an attribute) never do."""
    value = value.strip()
    if len(value) > MAX_URL or URL_FORBIDDEN.search(value):
        return ""
    try:
        parsed = urlparse(value)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return ""
    if parsed.scheme.lower() in ("http", "https") and parsed.netloc:
        return value
    return ""
