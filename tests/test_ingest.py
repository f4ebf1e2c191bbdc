"""Reading article files: every bad file is skipped with its own coded reason, every readable
one is decoded, and hostile text comes through as the same plain text."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest

from geopol import articles, ingest, pipeline, store
from geopol.dictionaries import Dictionaries, cached_dictionaries
from geopol.ingest import MAX_TEXT_CHARS, RawArticle, read_article_file
from geopol.paths import DATA_DIR
from geopol.problems import Problem
from tests.hostile import EVENT, GOOD, SCRIPT_PAGE, png, write_text_file


@pytest.fixture(scope="module")
def dictionaries() -> Dictionaries:
    return cached_dictionaries(DATA_DIR)


def read(tmp_path: Path, name: str, data: bytes) -> RawArticle | Problem:
    path = tmp_path / name
    path.write_bytes(data)
    return read_article_file(path, tmp_path)


def code_of(result: RawArticle | Problem) -> str:
    assert isinstance(result, Problem), result
    return result.code


def text_of(result: RawArticle | Problem) -> str:
    assert isinstance(result, RawArticle), str(result)
    return result.text


def notes_of(result: RawArticle | Problem) -> list[str]:
    assert isinstance(result, RawArticle), str(result)
    return [str(n) for n in result.notes]


def corpus_of(tmp_path: Path, dictionaries: Dictionaries, **files: bytes) -> pipeline.Corpus:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return pipeline.read_corpus([tmp_path], dictionaries)


# Files that are skipped, each with its reason.


def test_empty_file_is_skipped(tmp_path: Path) -> None:
    assert code_of(read(tmp_path, "a.txt", b"")) == "W001"


def test_whitespace_only_file_is_skipped(tmp_path: Path) -> None:
    assert code_of(read(tmp_path, "a.txt", b" \n\t\r\n \x0c ")) == "W009"


def test_utf16_whitespace_only_file_is_skipped(tmp_path: Path) -> None:
    assert code_of(read(tmp_path, "a.txt", "  \n ".encode("utf-16"))) == "W009"


def test_png_renamed_txt_is_skipped_as_binary(tmp_path: Path) -> None:
    result = read(tmp_path, "photo.txt", png())
    assert str(result) == "W002 skipped photo.txt: binary content, not text (file signature of an image, archive or executable)"


def test_binary_full_of_nul_bytes_is_skipped(tmp_path: Path) -> None:
    assert str(read(tmp_path, "a.txt", b"\x00\x00\x00abc" * 1000)) == "W002 skipped a.txt: binary content, not text (NUL bytes)"


def test_binary_full_of_control_bytes_is_skipped(tmp_path: Path) -> None:
    assert str(read(tmp_path, "a.txt", b"\x01\x02abc" * 1000)) == "W002 skipped a.txt: binary content, not text (control bytes)"


def test_50_mb_text_file_is_skipped_as_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    write_text_file(path, 50)
    result = read_article_file(path, tmp_path)
    assert code_of(result) == "W004"
    assert "50 MB, over the 5 MB limit" in str(result)


def test_text_too_long_to_code_is_skipped(tmp_path: Path) -> None:
    result = read(tmp_path, "long.txt", ((EVENT + "\n") * (2 * MAX_TEXT_CHARS // len(EVENT) + 1)).encode())
    assert code_of(result) == "W012"


def test_article_text_over_the_limit_after_cleaning_is_skipped(tmp_path: Path, dictionaries: Dictionaries) -> None:
    corpus = corpus_of(tmp_path, dictionaries, **{"long.txt": ((EVENT + " ") * (MAX_TEXT_CHARS // len(EVENT) + 10)).encode()})
    assert [p.code for p in corpus.problems] == ["W012"]
    assert corpus.articles == []


def test_unsupported_suffix_is_skipped(tmp_path: Path) -> None:
    assert code_of(read(tmp_path, "report.pdf", b"%PDF-1.4")) == "W006"


def test_symlink_outside_the_corpus_is_skipped(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    os.symlink(secret, corpus / "link.txt")
    assert code_of(read_article_file(corpus / "link.txt", corpus)) == "W007"


def test_symlink_chain_leaving_the_corpus_is_skipped(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    os.symlink(secret, corpus / "hop.txt")
    os.symlink(corpus / "hop.txt", corpus / "link.txt")
    assert code_of(read_article_file(corpus / "link.txt", corpus)) == "W007"


def test_symlink_inside_the_corpus_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    assert text_of(read_article_file(tmp_path / "b.txt", tmp_path)) == GOOD


def test_folder_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "more.txt").mkdir()
    assert str(read_article_file(tmp_path / "more.txt", tmp_path)) == (
        "W010 skipped more.txt: a folder; only files directly inside the corpus folder are read"
    )


def test_named_pipe_is_skipped_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert code_of(read_article_file(tmp_path / "pipe.txt", tmp_path)) == "W010"


def test_hidden_file_is_skipped(tmp_path: Path) -> None:
    assert code_of(read(tmp_path, ".draft.txt", GOOD.encode())) == "W011"


def test_html_of_scripts_and_styles_only_is_skipped(tmp_path: Path, dictionaries: Dictionaries) -> None:
    page = b"<html><head><script>alert(1)</script><style>p{}</style></head><body><script>go()</script></body></html>"
    corpus = corpus_of(tmp_path, dictionaries, **{"page.html": page})
    assert [p.code for p in corpus.problems] == ["W005"]


def test_file_that_breaks_the_extractor_is_skipped_and_the_rest_read(
    tmp_path: Path, dictionaries: Dictionaries, monkeypatch: pytest.MonkeyPatch
) -> None:
    def clean(raw: RawArticle, rules: tuple) -> ingest.CleanText:
        if raw.kind == "html":
            raise RecursionError("maximum recursion depth exceeded")
        return ingest.clean(raw, rules)

    monkeypatch.setattr(articles, "clean", clean)
    corpus = corpus_of(tmp_path, dictionaries, **{"a.html": b"<p>deep</p>", "b.txt": GOOD.encode()})
    assert [str(p) for p in corpus.problems] == [
        "W013 skipped a.html: cannot extract the article text (RecursionError: maximum recursion depth exceeded)"
    ]
    assert [a.file for a in corpus.articles] == ["b.txt"]


def test_every_folder_entry_is_coded_or_named_once(tmp_path: Path, dictionaries: Dictionaries) -> None:
    corpus = corpus_of(tmp_path, dictionaries, **{"a.txt": GOOD.encode(), "b.txt": b"", ".c.txt": b"x", "d.json": b"{}"})
    (tmp_path / "e").mkdir()
    corpus = pipeline.read_corpus([tmp_path], dictionaries)
    named = [p.subject for p in corpus.problems if p.skips_file] + [a.file for a in corpus.articles]
    assert sorted(named) == [".c.txt", "a.txt", "b.txt", "d.json", "e"]


# Files that are read, with their encoding or their stray bytes dealt with.


def test_latin1_is_decoded(tmp_path: Path) -> None:
    text = "Le général Tchiani a reçu l'ambassadeur à Niamey."
    result = read(tmp_path, "a.txt", text.encode("latin-1"))
    assert text_of(result) == text
    assert notes_of(result) == ["I001 a.txt: read as cp1252 text"]


def test_latin1_bytes_that_cp1252_lacks_are_decoded(tmp_path: Path) -> None:
    result = read(tmp_path, "a.txt", b"Le g\xe9n\xe9ral\x81.")
    assert text_of(result) == "Le général."
    assert notes_of(result) == ["I001 a.txt: read as latin-1 text", "I002 a.txt: removed 1 control character(s)"]


def test_cp1252_quotes_and_dashes_are_decoded(tmp_path: Path) -> None:
    text = "Niger’s junta “expelled” the French ambassador — on Monday."
    assert text_of(read(tmp_path, "a.txt", text.encode("cp1252"))) == text


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    result = read(tmp_path, "a.txt", GOOD.encode("utf-16"))
    assert text_of(result) == GOOD
    assert notes_of(result) == ["I001 a.txt: read as utf-16 text"]


def test_utf16_big_endian_with_bom_is_decoded(tmp_path: Path) -> None:
    assert text_of(read(tmp_path, "a.txt", b"\xfe\xff" + GOOD.encode("utf-16-be"))) == GOOD


def test_utf16_without_bom_is_decoded(tmp_path: Path) -> None:
    assert text_of(read(tmp_path, "a.txt", GOOD.encode("utf-16-le"))) == GOOD


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    result = read(tmp_path, "a.txt", GOOD.encode("utf-8-sig"))
    assert text_of(result) == GOOD
    assert notes_of(result) == []


def test_utf8_with_one_broken_byte_stays_utf8(tmp_path: Path) -> None:
    result = read(tmp_path, "a.txt", "Général Tchiani à Niamey. ".encode() * 20 + b"\xff")
    assert text_of(result).startswith("Général Tchiani à Niamey.")
    assert notes_of(result) == ["I001 a.txt: read as utf-8 (1 undecodable byte(s) replaced) text"]


def test_mixed_line_endings_become_line_feeds(tmp_path: Path) -> None:
    result = read(tmp_path, "a.txt", b"One line.\r\nTwo lines.\rThree lines.\nFour.")
    assert text_of(result) == "One line.\nTwo lines.\nThree lines.\nFour."


def test_stray_nul_byte_is_removed_and_said(tmp_path: Path) -> None:
    result = read(tmp_path, "a.txt", b"Niger expelled the French\x00 ambassador on Monday.")
    assert text_of(result) == GOOD
    assert notes_of(result) == ["I002 a.txt: removed 1 NUL byte(s)"]


def test_terminal_escapes_in_text_are_removed(tmp_path: Path) -> None:
    result = read(tmp_path, "a.txt", b"\x1b[2J\x1b[31mNiger expelled the French ambassador on Monday.")
    assert text_of(result) == "[2J[31m" + GOOD
    assert notes_of(result) == ["I002 a.txt: removed 2 control character(s)"]


def test_html_keeps_the_article_and_drops_scripts_and_styles(tmp_path: Path, dictionaries: Dictionaries) -> None:
    corpus = corpus_of(tmp_path, dictionaries, **{"page.html": SCRIPT_PAGE.encode()})
    [article] = corpus.articles
    assert article.text == GOOD


# File names.


def test_name_with_spaces_unicode_and_shell_metacharacters_is_coded_as_is(tmp_path: Path, dictionaries: Dictionaries) -> None:
    name = "ça va $(touch pwned); `touch pwned` & |x| >y <z 'q\" *?.txt"
    corpus = corpus_of(tmp_path, dictionaries, **{name: GOOD.encode()})
    [article] = corpus.articles
    assert article.file == name
    assert article.text == GOOD
    assert article.article_id == "ça_va_touch_pwned_touch_pwned_x_y_z_q"
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()


def test_name_that_is_not_utf8_is_coded_with_a_printable_name(tmp_path: Path, dictionaries: Dictionaries) -> None:
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD)
    [article] = pipeline.read_corpus([tmp_path], dictionaries).articles
    assert (article.file, article.article_id) == ("caf\ufffd.txt", "caf")
    store.save(tmp_path / "s.duckdb", [article], [], {}, [Problem("W001", article.file)])


def test_same_stem_twice_gets_two_ids_and_a_note(tmp_path: Path, dictionaries: Dictionaries) -> None:
    corpus = corpus_of(tmp_path, dictionaries, **{"a.md": GOOD.encode(), "a.txt": GOOD.encode()})
    assert [a.article_id for a in corpus.articles] == ["a", "a-2"]
    assert [str(p) for p in corpus.problems if p.code == "I004"] == [
        "I004 a.txt: stored as article a-2 (an id holds only letters, digits, '-', '_', '.' and is unique)"
    ]


# Hostile text: kept as the same plain text.

HOSTILE_LINES = [
    "<script>alert(1)</script> Russia sent 200 troops to Niamey.",
    "Niger expelled the French ambassador <img src=x onerror=alert(1)> on Monday.",
    "Read [x](javascript:alert(1)) and **bold** and $x^2$ and $$\\frac{1}{2}$$ now.",
    "javascript:alert(document.cookie)",
    '=HYPERLINK("http://evil.example","click") Niger expelled the French ambassador.',
    "+SUM(A1) Niger expelled the French ambassador.",
    "-2+3 Niger expelled the French ambassador.",
    "@SUM(A1) Niger expelled the French ambassador.",
]


@pytest.mark.parametrize("line", HOSTILE_LINES)
def test_hostile_text_survives_ingest_verbatim(tmp_path: Path, dictionaries: Dictionaries, line: str) -> None:
    corpus = corpus_of(tmp_path, dictionaries, **{"a.txt": line.encode()})
    [article] = corpus.articles
    assert article.text == line


def test_escaped_markup_in_html_survives_as_text(tmp_path: Path, dictionaries: Dictionaries) -> None:
    page = f"<html><body><article><p>{GOOD} &lt;script&gt;alert(1)&lt;/script&gt;</p></article></body></html>"
    [article] = corpus_of(tmp_path, dictionaries, **{"a.html": page.encode()}).articles
    assert article.text == f"{GOOD} <script>alert(1)</script>"


def test_markdown_link_keeps_its_words_and_loses_a_javascript_address() -> None:
    assert ingest.markdown_to_text("Read [the report](javascript:alert(1)) now.") == "Read the report now."


@pytest.mark.parametrize("unit", ["[", "![", "**a", "_ ", "`a", "[a](", "*_[!`"])
def test_markdown_rules_take_linear_time_on_adversarial_lines(unit: str) -> None:
    started = time.perf_counter()
    ingest.markdown_to_text(unit * (200_000 // len(unit)))
    assert time.perf_counter() - started < 5


# Front matter.


def test_front_matter_gives_title_url_and_date(tmp_path: Path) -> None:
    result = read(tmp_path, "a.md", f"---\ntitle: A title\nurl: https://example.org/a\ndate: 2024-03-27\n---\n{GOOD}\n".encode())
    assert isinstance(result, RawArticle)
    assert result.metadata == {"title": "A title", "url": "https://example.org/a", "published": "2024-03-27"}
    assert result.text == GOOD + "\n"


def test_plain_header_lines_before_a_blank_line_are_front_matter_too(tmp_path: Path, dictionaries: Dictionaries) -> None:
    page = f"title: Mali: the junta expels an envoy\noutlet: Reuters\nPublished: 2024-03-27\n\n{GOOD}\n"
    corpus = corpus_of(tmp_path, dictionaries, **{"a.txt": page.encode()})
    [article] = corpus.articles
    assert (article.title, article.published, article.text) == ("Mali: the junta expels an envoy", date(2024, 3, 27), GOOD)
    # a first line that merely has a colon is text, not a header
    result = read(tmp_path, "b.txt", f"Update: {GOOD}\n\n{GOOD}\n".encode())
    assert isinstance(result, RawArticle) and result.metadata == {}


def test_front_matter_alias_bomb_is_ignored_quickly(tmp_path: Path) -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)
    ]
    bomb = "---\n" + "\n".join(levels) + "\ntitle: *i\n---\n" + GOOD
    started = time.perf_counter()
    result = read(tmp_path, "a.md", bomb.encode())
    assert time.perf_counter() - started < 2
    assert isinstance(result, RawArticle)
    assert "title" not in result.metadata


def test_front_matter_javascript_url_and_future_date_are_dropped_and_said(tmp_path: Path, dictionaries: Dictionaries) -> None:
    page = f"---\nurl: javascript:alert(1)\npublished: 2999-01-01\n---\n{GOOD}\n"
    corpus = corpus_of(tmp_path, dictionaries, **{"a.md": page.encode()})
    [article] = corpus.articles
    assert (article.url, article.published) == ("", None)
    assert [p.code for p in corpus.problems] == ["W115", "W113"]


def test_front_matter_unreadable_date_is_said(tmp_path: Path, dictionaries: Dictionaries) -> None:
    corpus = corpus_of(tmp_path, dictionaries, **{"a.md": f"---\npublished: soon\n---\n{GOOD}\n".encode()})
    assert [str(p) for p in corpus.problems] == ["W114 a.md: cannot read front matter date 'soon'; date left empty"]


def test_one_sentence_news_paragraphs_survive_the_boilerplate_classifier() -> None:
    from geopol.ingest import clean_lines

    lines = [
        "Home",
        "World",
        "Africa",
        "Mali's military government on Friday asked the United Nations to withdraw its peacekeeping mission without delay.",
        "",
        "Russian Foreign Minister Sergei Lavrov praised the decision on Thursday.",
        "",
        "Most read",
        "Ghana beats Nigeria in friendly",
        "Kenya floods kill 40",
    ]
    text = clean_lines(lines, ()).text
    assert "Lavrov praised the decision" in text
    assert "Ghana beats Nigeria" not in text and "Most read" not in text
