"""Showing untrusted text (escaping, links, the highlighted article), coding an upload, and
deciding when the store must be rebuilt."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from dashboard import article_html, build, uploads
from dashboard.safe import esc, http_url, link, md
from geopol import pipeline

TEXT = "Niger met Russia.\n\nThen <b>Niger</b> expelled `${France}` troops. $x$ **bold**"


def test_esc_makes_text_safe_in_html_and_in_js_template_literals() -> None:
    out = esc("<img src=x onerror=alert(1)> `${alert(2)}` \\ \"'")
    assert "<" not in out and ">" not in out and "`" not in out and "${" not in out and "\\" not in out
    assert out.startswith("&lt;img") and "&quot;&#x27;" in out


def test_only_http_urls_become_links() -> None:
    assert link("https://example.org/a?b=1&c=2", "<x>") == (
        '<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer nofollow">&lt;x&gt;</a>'
    )
    for bad in ("javascript:alert(1)", "data:text/html,<script>", "//evil.example", "ftp://x", 'https://x" onmouseover="a'):
        assert link(bad, "label") == "label"
        assert http_url(bad) is None


def test_markdown_escaping_keeps_text_as_text() -> None:
    out = md("**bold** [x](javascript:alert(1)) $x^2$ :red[alarm] <b>")
    assert "\\*\\*bold\\*\\*" in out and "\\[x\\]\\(javascript\\:" in out and "\\$x^2\\$" not in out
    assert "\\:red\\[alarm\\]" in out and "\\<b\\>" in out


def reports() -> list[dict]:
    first = "Niger met Russia."
    second = "Then <b>Niger</b> expelled `${France}` troops."
    start2 = TEXT.index(second)
    return [
        {
            "event_id": "e1",
            "sentence": first,
            "sentence_start": 0,
            "sentence_index": 0,
            "cue_start": 6,
            "cue_end": 9,
            "event_type": "CONSULT",
            "actors": "NER → RUS",
        },
        {
            "event_id": "e2",
            "sentence": second,
            "sentence_start": start2,
            "sentence_index": 1,
            "cue_start": 18,
            "cue_end": 26,
            "event_type": "SANCTION",
            "actors": "NER → FRA",
        },
        {
            "event_id": "e3",
            "sentence": first,
            "sentence_start": 0,
            "sentence_index": 0,
            "cue_start": 6,
            "cue_end": 9,
            "event_type": "AGREE",
            "actors": "NER → RUS",
        },
    ]


def test_the_article_highlights_every_coded_sentence_and_its_cue() -> None:
    marks = article_html.marks_for(TEXT, reports(), selected_event="e2")
    assert [(m.start, m.number, m.selected) for m in marks] == [(0, 1, False), (TEXT.index("Then"), 2, True)]
    assert marks[0].labels == ("CONSULT NER → RUS", "AGREE NER → RUS")
    page = article_html.highlight(TEXT, marks)
    assert page.count("<mark") == 2 and "<b>met</b>" in page and "<b>expelled</b>" in page
    assert (
        'data-selected="true">Then &lt;b&gt;Niger&lt;/b&gt; <b>expelled</b> &#96;&#36;&#123;France&#125;&#96; troops.</mark>'
        in page
    )
    assert "$x$" not in page and "&#36;x&#36; **bold**" in page  # no Markdown or math in st.html


def test_a_sentence_with_a_stale_offset_is_found_by_its_text() -> None:
    moved = [{**reports()[1], "sentence_start": 3}]
    marks = article_html.marks_for(TEXT, moved, None)
    assert marks and TEXT[marks[0].start : marks[0].end] == moved[0]["sentence"]
    assert article_html.marks_for(TEXT, [{**reports()[0], "sentence": "Not in the text."}], None) == []


@pytest.mark.parametrize(
    ("name", "size", "message"),
    [
        ("article.pdf", 10, "Only .txt, .md and .html"),
        ("article", 10, "Only .txt, .md and .html"),
        ("big.html", 1_500_000, "limit is 1 MB"),
        ("empty.md", 0, "empty"),
    ],
)
def test_uploads_are_checked_before_coding(name: str, size: int, message: str) -> None:
    assert message in uploads.check(name, size)
    assert uploads.check("Niger.TXT", 2_000) == ""


def test_the_uploaded_name_is_shown_never_used_as_a_path() -> None:
    assert uploads.display_name("../../etc/passwd.txt") == "passwd.txt"
    assert uploads.display_name("C:\\temp\\a\x00b.md") == "ab.md"


@pytest.fixture(scope="module")
def coder() -> pipeline.Coder:
    return pipeline.Coder()


def leftovers() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("geopol-upload-*")}


def test_an_upload_is_coded_into_store_tables_and_leaves_no_file(coder: pipeline.Coder) -> None:
    text = b"Niamey, April 12, 2024 -- Russia delivered an air defence system to Niger, the army said.\n"
    before = leftovers()
    coded = uploads.code_upload("../notes/<i>article.txt", text, coder)
    assert coded.tables is not None and coded.events >= 1, coded.message
    assert coded.article_id.startswith("upload-")
    articles = coded.tables["articles"]
    assert articles["file"].iloc[0] == "<i>article.txt"  # a label for the page, escaped there
    assert set(coded.tables["events"]["article_id"]) == {coded.article_id}
    assert leftovers() == before


def test_a_binary_upload_is_refused(coder: pipeline.Coder) -> None:
    coded = uploads.code_upload("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), coder)
    assert coded.tables is None and "binary" in coded.message and "upload-" not in coded.message


def touch(path: Path, when: float) -> None:
    os.utime(path, (when, when))


def test_the_store_is_rebuilt_when_missing_or_older_than_the_corpus(tmp_path: Path) -> None:
    corpus, store = tmp_path / "corpus", tmp_path / "geopol.duckdb"
    corpus.mkdir()
    (corpus / "a.txt").write_text("text")
    assert build.is_stale(store, corpus)
    store.write_bytes(b"")
    now = time.time()
    touch(corpus / "a.txt", now - 100)
    touch(corpus, now - 100)
    touch(store, now - 50)
    assert not build.is_stale(store, corpus)
    touch(corpus / "a.txt", now)  # an article edited in place
    assert build.is_stale(store, corpus)
    assert not build.is_stale(store, tmp_path / "no-such-corpus")
