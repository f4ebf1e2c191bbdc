"""The build on hostile input, end to end: the good articles are coded, every skipped file
and ignored row is one line with its reason, hostile text stays plain text, CSV exports
are safe from formula injection, and a build that must stop keeps the last good store."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geopol import build, cli, exports, pipeline, store
from geopol.paths import DATA_DIR
from geopol.records import Article
from tests.hostile import CODED, GOOD, IGNORED_ROWS, SKIPPED, png, write_hostile_corpus

ROOT = Path(__file__).resolve().parent.parent
FORMULA_STARTERS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.fixture(scope="module")
def coder() -> pipeline.Coder:
    return pipeline.Coder()


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int]:
    """(store, build output, exit code) of one build on a corpus holding every bad file."""
    folder = tmp_path_factory.mktemp("hostile")
    write_hostile_corpus(folder / "corpus", folder / "secret.txt")
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdout", out)
        patch.chdir(folder)
        code = cli.main(["build", "--corpus", str(folder / "corpus"), "--store", str(folder / "s.duckdb"), "--quiet"])
    return folder / "s.duckdb", out.getvalue(), code


def previous_store(path: Path) -> bytes:
    store.save(path, [Article("old", "old.txt", "An earlier article.")], [], {}, [])
    return path.read_bytes()


def query(path: Path, sql: str) -> list[tuple]:
    with store.connect(path) as con:
        return con.execute(sql).fetchall()


# A corpus holding every bad file still builds.


def test_hostile_corpus_builds(hostile_build: tuple[Path, str, int]) -> None:
    _, output, code = hostile_build
    assert code == 0, output
    assert (
        f"articles  {len(CODED)} coded, {len(SKIPPED)} file(s) skipped, {len(IGNORED_ROWS)} sources.csv row(s) ignored" in output
    )


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_each_skipped_file_is_one_line_with_its_reason(hostile_build: tuple[Path, str, int], name: str) -> None:
    _, output, _ = hostile_build
    lines = [line.strip() for line in output.splitlines() if f"skipped {name}:" in line]
    assert len(lines) == 1 and lines[0].startswith(SKIPPED[name]), output


def test_no_other_file_is_skipped(hostile_build: tuple[Path, str, int]) -> None:
    _, output, _ = hostile_build
    assert len([line for line in output.splitlines() if line.startswith("  W0")]) == len(SKIPPED)


@pytest.mark.parametrize("line", sorted(IGNORED_ROWS))
def test_each_ignored_manifest_row_is_one_line_with_its_reason(hostile_build: tuple[Path, str, int], line: str) -> None:
    _, output, _ = hostile_build
    lines = [text.strip() for text in output.splitlines() if f"sources.csv line {line}:" in text]
    assert len(lines) == 1 and lines[0].startswith(IGNORED_ROWS[line]), output


@pytest.mark.parametrize("name", sorted(CODED))
def test_each_good_file_is_coded(hostile_build: tuple[Path, str, int], name: str) -> None:
    path, _, _ = hostile_build
    [(text,)] = query(path, f"SELECT text FROM articles WHERE file = '{name.replace(chr(39), chr(39) * 2)}'")
    assert CODED[name] in text
    assert "\x00" not in text and "\r" not in text and "alert(" not in text and "tracker" not in text


def test_file_name_with_shell_metacharacters_runs_nothing(hostile_build: tuple[Path, str, int]) -> None:
    path, _, _ = hostile_build
    assert not any(p.name.startswith("pwned") for p in path.parent.rglob("*"))


def test_javascript_url_never_becomes_a_link(hostile_build: tuple[Path, str, int]) -> None:
    path, output, _ = hostile_build
    assert query(path, "SELECT url FROM articles WHERE url <> ''") == [("https://example.org/a",)]
    assert query(path, "SELECT count(*) FROM events WHERE source_url LIKE '%javascript%'") == [(0,)]
    assert "W104 sources.csv line 2: url 'javascript:alert(1)' is not an http(s) address; link dropped" in output


def test_dates_in_the_future_impossible_or_free_text_are_left_empty(hostile_build: tuple[Path, str, int]) -> None:
    path, output, _ = hostile_build
    assert query(path, "SELECT count(*) FROM articles WHERE published > DATE '2100-01-01'") == [(0,)]
    for message in ("W105 sources.csv line 2", "W102 sources.csv line 5", "W102 sources.csv line 6"):
        assert message in output


def test_problems_are_stored_for_the_app(hostile_build: tuple[Path, str, int]) -> None:
    path, _, _ = hostile_build
    stored = {code for (code,) in query(path, "SELECT code FROM problems")}
    assert set(SKIPPED.values()) | set(IGNORED_ROWS.values()) <= stored


def test_file_name_cannot_forge_an_output_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD)
    (corpus / "x\nW000 all files were read\x1b[2K.txt").write_bytes(png())
    assert cli.main(["build", "--corpus", str(corpus), "--store", str(tmp_path / "s.duckdb"), "--quiet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if "W000" in line] == [
        r"  W002 skipped x\nW000 all files were read\x1b[2K.txt: binary content, not text "
        "(file signature of an image, archive or executable)"
    ]


# Builds that must stop keep the previous store.


def test_broken_dictionary_row_is_reported_as_file_and_line_and_the_store_is_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("*.duckdb*"))
    lines = (data / "cues.csv").read_text().splitlines()
    lines.append("SANCTION,expel,too,many,fields,in,this,row,for,the,header")
    (data / "cues.csv").write_text("\n".join(lines) + "\n")
    previous = previous_store(tmp_path / "s.duckdb")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GEOPOL_DATA_DIR": str(data)}
    command = [sys.executable, "-m", "geopol", "build", "--corpus", str(ROOT / "corpus"), "--store", str(tmp_path / "s.duckdb")]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert f"error: E001 data/cues.csv:{len(lines)}: expected " in result.stderr
    assert (tmp_path / "s.duckdb").read_bytes() == previous


def test_missing_corpus_folder_keeps_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    previous = previous_store(tmp_path / "s.duckdb")
    assert cli.main(["build", "--corpus", str(tmp_path / "nowhere"), "--store", str(tmp_path / "s.duckdb")]) == 2
    assert "E006 the corpus folder" in capsys.readouterr().err
    assert (tmp_path / "s.duckdb").read_bytes() == previous


def test_corpus_without_one_readable_article_keeps_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    previous = previous_store(tmp_path / "s.duckdb")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "picture.txt").write_bytes(png())
    assert cli.main(["build", "--corpus", str(corpus), "--store", str(tmp_path / "s.duckdb")]) == 2
    err = capsys.readouterr().err
    assert "W001 skipped empty.txt" in err and "W002 skipped picture.txt" in err and "E007 no article could be read" in err
    assert (tmp_path / "s.duckdb").read_bytes() == previous


def test_unexpected_error_is_one_line_and_keeps_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = previous_store(tmp_path / "s.duckdb")

    def broken(*args: object, **kwargs: object) -> None:
        raise MemoryError("out of memory")

    monkeypatch.setattr(build, "scan", broken)
    assert cli.main(["build", "--corpus", str(ROOT / "corpus"), "--store", str(tmp_path / "s.duckdb")]) == 2
    assert "E005 build stopped by an unexpected error (MemoryError: out of memory)" in capsys.readouterr().err
    assert (tmp_path / "s.duckdb").read_bytes() == previous


# Hostile text is coded verbatim.

HOSTILE = {
    "script": "<script>alert(1)</script>",
    "img": "<img src=x onerror=alert(1)>",
    "javascript link": "javascript:alert(document.cookie)",
    "markdown": "**bold** [x](javascript:alert(1)) $x^2$",
    "formula": '=HYPERLINK("http://evil.example","x")',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_is_coded_verbatim_into_the_event_sentence(coder: pipeline.Coder, tmp_path: Path, name: str) -> None:
    sentence = f"{HOSTILE[name]} Niger expelled the French ambassador {HOSTILE[name]} on Monday."
    (tmp_path / "a.txt").write_text(sentence)
    articles, events, _ = pipeline.run([tmp_path], coder)
    assert [(e.category, e.sentence) for e in events] == [("SANCTION", sentence)]
    store.save(tmp_path / "s.duckdb", articles, events, coder.dictionaries.actors, [])
    assert query(tmp_path / "s.duckdb", "SELECT sentence FROM events") == [(sentence,)]


# CSV exports are safe from formula injection (OWASP: = + - @ tab CR at the start of a cell).


@pytest.mark.parametrize("starter", FORMULA_STARTERS)
@pytest.mark.parametrize("column", ["sentence", "actor", "article_id", "place", "source_url"])
def test_csv_cell_starting_with_a_formula_character_is_neutralised(starter: str, column: str) -> None:
    value = f"{starter}cmd|' /C calc'!A0"
    parsed = list(csv.reader(io.StringIO(exports.to_csv([{column: value}], [column]), newline="")))
    assert parsed == [[column], [f"'{value}"]]


@pytest.mark.parametrize("starter", [s for s in FORMULA_STARTERS if s != "\r"])
def test_csv_neutralised_cell_reads_back_as_one_cell(starter: str) -> None:
    value = f"{starter}SUM(A1:A9)"
    [header, row] = list(csv.reader(io.StringIO(exports.to_csv([{"actor": value, "sentence": value}]), newline="")))
    assert (row[header.index("actor")], row[header.index("sentence")]) == ("'" + value, "'" + value)


def test_csv_numbers_are_not_prefixed() -> None:
    [_, row] = list(csv.reader(io.StringIO(exports.to_csv([{"lat": -7.98, "quantity": -1}]))))
    assert "-7.98" in row and "-1" in row


def test_extract_csv_has_no_live_formula(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i, starter in enumerate(["=", "+", "-", "@"]):
        (tmp_path / f"{starter}a{i}.txt").write_text(f"{starter}1+1 Niger expelled the French ambassador on Monday.")
    assert cli.main(["extract", str(tmp_path), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    sentences = [row[rows[0].index("sentence")] for row in rows[1:]]
    assert sorted(sentences) == sorted(f"'{s}1+1 Niger expelled the French ambassador on Monday." for s in "=+-@")
    for row in rows[1:]:
        for cell in row:
            if cell[:1] in FORMULA_STARTERS:
                float(cell)  # only a number may start with - or +
