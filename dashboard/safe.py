"""Showing untrusted text: article sentences, titles, outlets and uploaded files.

HTML goes through html.escape, and further: folium writes popup and tooltip HTML into
JavaScript template literals, where a backtick ends the string and ${...} runs code, so
those characters become entities too. Markdown (st.markdown, st.caption, labels) gets every
ASCII punctuation mark backslash-escaped, so ** [x](javascript:...) $math$ and :emoji: stay text.
Only absolute http(s) addresses become links.
"""

from __future__ import annotations

import html
import re
import string

from geopol.urls import safe_url  # the pipeline's own test of a link; re-exported for the pages

JS_TEMPLATE_ENTITIES = {"`": "&#96;", "$": "&#36;", "\\": "&#92;", "{": "&#123;", "}": "&#125;"}
JS_TEMPLATE_TABLE = str.maketrans(JS_TEMPLATE_ENTITIES)
MARKDOWN_SPECIAL = re.compile("([" + re.escape(string.punctuation) + "])")


def esc(value: object) -> str:
    """Text -> HTML that shows it as text, safe inside a JS template literal too."""
    text = html.escape("" if value is None else str(value), quote=True)
    return text.translate(JS_TEMPLATE_TABLE)


def link(url: object, label: object) -> str:
    """An <a> for http(s) URLs only; anything else is shown as plain text."""
    address = safe_url(str(url or ""))
    if not address:
        return esc(label)
    return f'<a href="{esc(address)}" target="_blank" rel="noopener noreferrer nofollow">{esc(label)}</a>'


def http_url(value: object) -> str | None:
    """The URL if it is an absolute http(s) address, else None (for LinkColumn cells)."""
    return safe_url(str(value or "")) or None


def md(value: object) -> str:
    """Text -> Markdown that renders as the same text."""
    text = "" if value is None else str(value)
    return MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def shorten(text: object, limit: int = 220) -> str:
    value = "" if text is None else " ".join(str(text).split())
    return value if len(value) <= limit else value[: limit - 1].rsplit(" ", 1)[0] + "…"
