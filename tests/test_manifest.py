"""The manifest, sources.csv: every row or field it cannot use is ignored with a coded line,
and a bad manifest never stops the build."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from geopol import pipeline
from geopol.dictionaries import cached_dictionaries
from geopol.manifest import ManifestRow, read_manifest, safe_url
from geopol.paths import DATA_DIR
from geopol.problems import Problem
from tests.hostile import GOOD, png

TODAY = date(2025, 6, 1)
HEADER = "id,file,title,outlet,author,url,published\n"


def manifest(tmp_path: Path, text: str, files: tuple[str, ...] = ("a.txt",)) -> tuple[dict[str, ManifestRow], list[str]]:
    for name in files:
        (tmp_path / name).write_text(GOOD)
    (tmp_path / "sources.csv").write_text(text)
    rows, problems = read_manifest(tmp_path, TODAY)
    return rows, [str(p) for p in problems]


def test_good_row_is_read(tmp_path: Path) -> None:
    rows, problems = manifest(tmp_path, HEADER + "x1,a.txt,Title,Outlet,Author,https://example.org/a,2024-03-27\n")
    assert problems == []
    row = rows["a.txt"]
    assert (row.article_id, row.title, row.url, str(row.published.value if row.published else None)) == (
        "x1",
        "Title",
        "https://example.org/a",
        "2024-03-27",
    )


def test_missing_columns_are_said_and_the_rest_is_used(tmp_path: Path) -> None:
    rows, problems = manifest(tmp_path, "file,title\na.txt,Title\n")
    assert problems == ["W106 sources.csv: missing column(s) id, outlet, author, url, published; those fields stay empty"]
    assert (rows["a.txt"].article_id, rows["a.txt"].title) == ("a", "Title")


def test_extra_and_repeated_columns_are_ignored(tmp_path: Path) -> None:
    rows, problems = manifest(tmp_path, HEADER.strip() + ",colour,title\nx1,a.txt,First,,,,,red,Second\n")
    assert problems == ["W107 sources.csv: unknown or repeated column(s) colour, title ignored"]
    assert rows["a.txt"].title == "First"


def test_duplicate_id_keeps_the_first_row(tmp_path: Path) -> None:
    rows, problems = manifest(tmp_path, HEADER + "x1,a.txt,,,,,\nx1,b.txt,,,,,\n", files=("a.txt", "b.txt"))
    assert problems == ["W103 sources.csv line 3: id x1 is used twice; later row ignored"]
    assert list(rows) == ["a.txt"]


def test_second_row_for_one_file_is_ignored(tmp_path: Path) -> None:
    rows, problems = manifest(tmp_path, HEADER + "x1,a.txt,First,,,,\nx2,a.txt,Second,,,,\n")
    assert problems == ["W110 sources.csv line 3: file a.txt already has a row; later row ignored"]
    assert rows["a.txt"].title == "First"


def test_row_whose_file_does_not_exist_is_ignored(tmp_path: Path) -> None:
    rows, problems = manifest(tmp_path, HEADER + "x1,gone.txt,,,,,\n")
    assert problems == ["W101 sources.csv line 2: file 'gone.txt' does not exist in the corpus folder; row ignored"]
    assert rows == {}


def test_row_pointing_outside_the_corpus_is_ignored(tmp_path: Path) -> None:
    _, problems = manifest(tmp_path, HEADER + "x1,../../etc/passwd,,,,,\n")
    assert problems == ["W101 sources.csv line 2: file '../../etc/passwd' does not exist in the corpus folder; row ignored"]


def test_row_without_a_file_is_ignored(tmp_path: Path) -> None:
    assert manifest(tmp_path, HEADER + "x1,,Title,,,,\n")[1] == ["W109 sources.csv line 2: no file given; row ignored"]


def test_row_with_more_fields_than_the_header_is_ignored(tmp_path: Path) -> None:
    rows, problems = manifest(tmp_path, HEADER + "x1,a.txt,Niger, Russia sign a deal,,,,2024\n")
    assert problems == ["W112 sources.csv line 2: 8 fields where the header has 7; row ignored (quote values that hold commas)"]
    assert rows == {}


def test_quoted_field_over_two_lines_is_one_row(tmp_path: Path) -> None:
    rows, problems = manifest(tmp_path, HEADER + 'x1,a.txt,"Two\nlines",,,,\n')
    assert problems == []
    assert rows["a.txt"].title == "Two\nlines"


def test_id_with_separator_or_markup_falls_back_to_the_file_name(tmp_path: Path) -> None:
    rows, problems = manifest(tmp_path, HEADER + "a;b<i>,a.txt,,,,,\n")
    assert problems == [
        "W111 sources.csv line 2: id 'a;b<i>' is not letters, digits, '-', '_' and '.'; id from the file name used"
    ]
    assert rows["a.txt"].article_id == "a"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "https://",
        "ftp://example.org/a",
        'https://example.org/" onmouseover="alert(1)',
        "https://example.org/<script>",
        "https://example.org/a b",
        "https://[::1",
        "https://example.org/" + "a" * 3000,
    ],
)
def test_url_that_is_not_a_plain_http_address_never_becomes_a_link(url: str) -> None:
    assert safe_url(url) == ""


@pytest.mark.parametrize("url", ["https://example.org/a?b=1&c=2#d", "http://example.org", "HTTPS://EXAMPLE.ORG/A"])
def test_http_address_is_kept(url: str) -> None:
    assert safe_url(url) == url


def test_malformed_url_in_a_row_is_dropped_and_said(tmp_path: Path) -> None:
    rows, problems = manifest(tmp_path, HEADER + "x1,a.txt,,,,javascript:alert(1),\n")
    assert problems == ["W104 sources.csv line 2: url 'javascript:alert(1)' is not an http(s) address; link dropped"]
    assert rows["a.txt"].url == ""


def test_date_in_the_future_is_dropped(tmp_path: Path) -> None:
    rows, problems = manifest(tmp_path, HEADER + "x1,a.txt,,,,,2031-01-01\n")
    assert problems == ["W105 sources.csv line 2: date 2031-01-01 lies in the future; date left empty"]
    assert rows["a.txt"].published is None


@pytest.mark.parametrize("text", ["2024-02-30", "2023-13-01", "2024-00-10", "0000", "2024-02-29T99"])
def test_impossible_date_is_dropped(tmp_path: Path, text: str) -> None:
    rows, problems = manifest(tmp_path, HEADER + f"x1,a.txt,,,,,{text}\n")
    assert problems == [f"W102 sources.csv line 2: cannot read date '{text}'; date left empty"]
    assert rows["a.txt"].published is None


@pytest.mark.parametrize("text", ["last spring", "soon after the coup", "the 3rd of the month, give or take " * 5])
def test_free_text_date_that_names_no_day_is_dropped(tmp_path: Path, text: str) -> None:
    rows, problems = manifest(tmp_path, HEADER + f'x1,a.txt,,,,,"{text}"\n')
    assert [p.split(":")[0] for p in problems] == ["W102 sources.csv line 2"]
    assert rows["a.txt"].published is None


def test_free_text_date_with_a_day_is_read(tmp_path: Path) -> None:
    rows, problems = manifest(tmp_path, HEADER + 'x1,a.txt,,,,,"27 March 2024"\n')
    assert problems == []
    assert rows["a.txt"].published is not None and rows["a.txt"].published.value == date(2024, 3, 27)


def test_latin1_manifest_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "sources.csv").write_bytes((HEADER + "x1,a.txt,Le général,,,,\n").encode("latin-1"))
    rows, problems = read_manifest(tmp_path, TODAY)
    assert (rows["a.txt"].title, problems) == ("Le général", [])


def test_binary_manifest_is_ignored_and_said(tmp_path: Path) -> None:
    (tmp_path / "sources.csv").write_bytes(png())
    assert read_manifest(tmp_path, TODAY) == (
        {},
        [Problem("W108", "sources.csv", "binary content, file signature of an image, archive or executable")],
    )


def test_manifest_with_a_runaway_quoted_field_is_ignored_and_said(tmp_path: Path) -> None:
    (tmp_path / "sources.csv").write_text(HEADER + 'x1,a.txt,"' + "x" * 200_000 + "\n")
    rows, problems = read_manifest(tmp_path, TODAY)
    assert rows == {}
    assert [p.code for p in problems] == ["W108"]


def test_manifest_linking_outside_the_corpus_is_not_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (tmp_path / "elsewhere.csv").write_text(HEADER)
    os.symlink(tmp_path / "elsewhere.csv", corpus / "sources.csv")
    assert read_manifest(corpus, TODAY) == ({}, [Problem("W108", "sources.csv", "it links outside the corpus folder")])


def test_file_without_a_row_is_coded_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD)
    (tmp_path / "sources.csv").write_text(HEADER + "x1,a.txt,Title,,,,\n")
    corpus = pipeline.read_corpus([tmp_path], cached_dictionaries(DATA_DIR), TODAY)
    assert [a.article_id for a in corpus.articles] == ["x1", "b"]
    assert [str(p) for p in corpus.problems] == [
        "I003 b.txt: no row in sources.csv; id, title and date are taken from the file itself"
    ]


def test_every_ignored_row_has_exactly_one_line(tmp_path: Path) -> None:
    rows_text = [
        "x1,a.txt,,,,javascript:alert(1),2999-01-01",  # kept, two fields dropped
        "x1,b.txt,,,,,",  # duplicate id
        "x2,gone.txt,,,,,",  # no file
        "x3,,,,,,",  # no file given
        "x4,a.txt,,,,,",  # file has a row
        "x5,b.txt,a,b,c,d,e,f",  # too many fields
    ]
    _, problems = manifest(tmp_path, HEADER + "\n".join(rows_text) + "\n", files=("a.txt", "b.txt"))
    ignored = [p for p in problems if "row ignored" in p]
    assert [p.split(":")[0] for p in ignored] == [
        f"{code} sources.csv line {n}" for code, n in zip(["W103", "W101", "W109", "W110", "W112"], range(3, 8), strict=True)
    ]
