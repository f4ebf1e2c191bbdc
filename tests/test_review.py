"""Analyst reviews: kept across rebuilds by the fingerprint of the report (not the event id),
applied by build and extract, reported by check when their sentence is gone, appended safely
by two processes at once, hostile notes kept as text, and geopol eval's figures by hand."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import multiprocessing
import shutil
from pathlib import Path

import pytest

from geopol import cli
from geopol.review import (
    MAX_NOTE,
    append_review,
    capped_note,
    current,
    new_review,
    read_reviews,
)
from tests.dashboard_fixtures import query

ARTICLES = {
    "a1.txt": "Chad expelled the French ambassador on Monday. Senegal and Mauritania signed a gas agreement in Dakar "
    "on 5 March 2024. Turkey delivered armed drones to Niger on 2 June 2024. Algeria recalled its ambassador from "
    "Mali on 12 January 2024. The talks in Algiers ended without a statement.\n",
    "a2.txt": "Ghana and Togo held talks in Accra on 3 April 2024. Benin closed its border with Niger on 20 April 2024.\n",
}
MANIFEST = (
    "id,file,title,outlet,author,url,published\n"
    "a1,a1.txt,Sahel week,The Wire,,,{a1}\n"
    "a2,a2.txt,Coast news,The Wire,,,2024-04-21\n"
)


def write_corpus(folder: Path, a1_published: str = "2024-03-06", files: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for name, text in (files or ARTICLES).items():
        (folder / name).write_text(text, encoding="utf-8")
    rows = MANIFEST.format(a1=a1_published)
    if files is not None:
        rows = "\n".join(line for line in rows.splitlines() if not any(f"{n}," in line for n in ARTICLES if n not in files))
    (folder / "sources.csv").write_text(rows + "\n", encoding="utf-8")
    return folder


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    return code, out.getvalue(), err.getvalue()


def build(corpus: Path, store: Path) -> str:
    code, out, err = run("build", "--corpus", str(corpus), "--store", str(store), "--quiet")
    assert code == 0, err
    return out + err


def event(store: Path, where: str) -> dict[str, object]:
    from geopol.review_store import records
    from geopol.store import connect

    with connect(store) as con:
        rows = records(con, f"SELECT * FROM events WHERE {where} ORDER BY event_id")
    assert rows, where
    return rows[0]


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, Path]:
    corpus = write_corpus(tmp_path / "corpus")
    store = tmp_path / "store" / "geopol.duckdb"
    build(corpus, store)
    return corpus, store, store.with_name("reviews.jsonl")


def test_reviews_survive_a_recoding_that_changes_event_ids(built: tuple[Path, Path, Path]) -> None:
    corpus, store, reviews = built
    chad = event(store, "actor_code = 'TCD'")
    senegal = event(store, "actor_code = 'SEN'")
    append_review(reviews, new_review("reject", chad, note="a rumour, denied the next day"))
    values = {"event_type": "AGREE", "quad_class": "verbal_coop", "score": 4.2}
    append_review(reviews, new_review("correct", senegal, values=values))
    write_corpus(corpus, a1_published="2024-03-13")  # "on Monday" is now another Monday: another event id
    build(corpus, store)
    recoded = event(store, "actor_code = 'TCD'")
    assert recoded["event_id"] != chad["event_id"] and recoded["date"] != chad["date"]
    assert recoded["review_status"] == "rejected" and recoded["review_note"] == "a rumour, denied the next day"
    corrected = event(store, "actor_code = 'SEN'")
    assert (corrected["event_type"], corrected["review_status"]) == ("AGREE", "corrected")
    assert json.loads(str(corrected["coder_values"]))["event_type"] == "SUPPORT"  # the coder's value, kept beside
    assert not query(store, "SELECT * FROM relations WHERE 'TCD' IN (actor_a, actor_b)")  # gone from the relations


def test_a_rebuild_from_scratch_keeps_the_reviews_and_adds_the_missed_event(built: tuple[Path, Path, Path]) -> None:
    corpus, store, reviews = built
    sentence = "The talks in Algiers ended without a statement."
    text = ARTICLES["a1.txt"]
    row = {"article_id": "a1", "sentence": sentence, "sentence_start": text.index(sentence), "sentence_index": 4}
    values = {"event_type": "CONSULT", "actor_code": "DZA", "actor": "Algeria", "recipient_code": "MLI", "recipient": "Mali"}
    append_review(reviews, new_review("add", row, values=values))
    for leftover in store.parent.glob("geopol.*"):  # the store and its cache: from scratch
        shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    build(corpus, store)
    added = event(store, "review_status = 'added'")
    assert (added["event_type"], added["actor_code"], added["recipient_code"]) == ("CONSULT", "DZA", "MLI")
    assert query(store, "SELECT count(*) FROM event_sources WHERE event_id = ?", [added["event_id"]])[0][0] == 1
    assert query(store, "SELECT event_count FROM relations WHERE actor_a = 'DZA' AND actor_b = 'MLI'")  # in the relations


def test_a_review_of_a_removed_article_is_reported_by_check(built: tuple[Path, Path, Path]) -> None:
    corpus, store, reviews = built
    benin = event(store, "actor_code = 'BEN'")
    review = new_review("confirm", benin)
    append_review(reviews, review)
    write_corpus(corpus, files={"a1.txt": ARTICLES["a1.txt"]})
    said = build(corpus, store)
    assert f"W202 review {review.review_id} no longer finds its sentence" in said
    code, out, _ = run("check", "--store", str(store))
    assert code == 1
    assert f"FAIL  reviews {reviews}: 1 of 1 reviews no longer find their sentence" in out
    assert review.review_id in out and "Benin closed its border" in out


def test_extract_applies_the_reviews(built: tuple[Path, Path, Path]) -> None:
    corpus, store, reviews = built
    append_review(reviews, new_review("reject", event(store, "actor_code = 'TCD'")))
    moved = {"place": "Agadez", "lat": 16.97, "lon": 7.99, "geo_precision": "city", "place_country": "NER"}
    append_review(reviews, new_review("correct", event(store, "actor_code = 'TUR'"), values=moved))
    code, out, _ = run("extract", str(corpus), "--reviews", str(reviews))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and not [r for r in rows if r["actor_code"] == "TCD"]
    assert [r["place"] for r in rows if r["actor_code"] == "TUR"] == ["Agadez"]
    _, unreviewed, _ = run("extract", str(corpus), "--no-reviews")
    assert "TCD" in unreviewed


def append_many(path: str, label: str, count: int, start) -> None:  # a process of its own
    start.wait()
    row = {"article_id": "a1", "sentence": f"Sentence of {label}.", "cue_start": 0, "cue_end": 4}
    for i in range(count):
        append_review(Path(path), new_review("confirm", {**row, "cue_start": i}, note=f"{label} {i} " + "x" * 5000))


def test_two_processes_reviewing_at_once_both_keep_their_work(tmp_path: Path) -> None:
    path = tmp_path / "reviews.jsonl"
    # forked, not spawned: a spawned child re-runs the parent's __main__, which an AppTest
    # earlier in the same session may have left pointing at the app script
    context = multiprocessing.get_context("fork")
    start = context.Barrier(2)
    workers = [context.Process(target=append_many, args=(str(path), name, 60, start)) for name in ("one", "two")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    reviews, problems = read_reviews(path)
    assert problems == []
    assert len(reviews) == 120 and len({r.review_id for r in reviews}) == 120
    assert {r.note.split()[0] for r in reviews} == {"one", "two"}
    assert len(current(reviews)) == 120  # each judged another report


HOSTILE = "<script>alert('x')</script> =HYPERLINK(\"http://evil\") @SUM(A1) "


def test_a_hostile_note_is_capped_with_a_message_and_kept_as_text(built: tuple[Path, Path, Path]) -> None:
    _, store, reviews = built
    note = HOSTILE + "y" * (1024 * 1024)
    kept, message = capped_note(note)
    assert len(kept) == MAX_NOTE and kept.startswith("<script>")
    assert message == f"The note was cut to its first 2,000 characters (it had {len(note):,})."
    append_review(reviews, new_review("confirm", event(store, "actor_code = 'TUR'"), note="=" + HOSTILE + "z" * 2_000_000))
    [review], _ = read_reviews(reviews)
    assert review.note == ("=" + HOSTILE + "z" * 2_000_000)[:MAX_NOTE]
    code, out, _ = run("export", "--store", str(store), "--format", "csv")  # the reviews apply to every export
    assert code == 0
    row = next(r for r in csv.DictReader(io.StringIO(out)) if r["review_status"] == "confirmed")
    assert row["review_note"].startswith("'=<script>")  # a formula no spreadsheet runs
    _, out, _ = run("reviews", "export", "--store", str(store), "--format", "csv")
    assert next(csv.DictReader(io.StringIO(out)))["note"].startswith("'=<script>")


def test_the_status_of_a_hostile_note_is_shown_escaped() -> None:
    from dashboard.review_ui import status_html

    shown = status_html({"review_status": "confirmed", "review_note": HOSTILE, "reviewer": "<b>x</b>", "reviewed_at": "now"})
    assert "<script>" not in shown and "&lt;script&gt;" in shown and "&lt;b&gt;x&lt;/b&gt;" in shown


def test_eval_matches_a_hand_count(built: tuple[Path, Path, Path]) -> None:
    _, store, reviews = built
    append_review(reviews, new_review("confirm", event(store, "actor_code = 'TUR'")))
    category = {"event_type": "AGREE", "quad_class": "verbal_coop", "score": 4.2}
    append_review(reviews, new_review("correct", event(store, "actor_code = 'SEN'"), values=category))
    side = {"recipient_code": "FRA", "recipient": "France"}
    append_review(reviews, new_review("correct", event(store, "actor_code = 'DZA'"), values=side))
    append_review(reviews, new_review("reject", event(store, "actor_code = 'TCD'")))
    sentence = "The talks in Algiers ended without a statement."
    row = {"article_id": "a1", "sentence": sentence, "sentence_start": ARTICLES["a1.txt"].index(sentence)}
    append_review(reviews, new_review("add", row, values={"event_type": "CONSULT", "actor_code": "DZA", "recipient_code": "MLI"}))
    code, out, _ = run("eval", "--store", str(store))
    assert code == 0
    # coded and reviewed: TUR confirmed, SEN corrected (category), DZA corrected (recipient), TCD rejected.
    # category kept: TUR, DZA -> 2/4; category and actors kept: TUR -> 1/4;
    # real events: TUR, SEN, DZA, the added CONSULT -> found with category and actors right: TUR -> 1/4.
    assert out.splitlines()[-1] == "precision=0.500 full=0.250 recall=0.250 one_sided=0.000"
    table = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line[:1].isupper() and len(line.split()) == 6}
    assert table["SANCTION"] == ["2", "0.500", "0.000", "1", "0.000"]  # TCD (rejected) and DZA (recipient corrected)
    assert table["AGREE"] == ["0", "0.000", "0.000", "1", "0.000"]  # the analyst's category of SEN
    assert table["AID"] == ["1", "1.000", "1.000", "1", "1.000"]
    assert table["CONSULT"] == ["0", "0.000", "0.000", "1", "0.000"]  # the event the coder missed


def test_reviews_export_writes_the_latest_review_of_each_event(built: tuple[Path, Path, Path]) -> None:
    _, store, reviews = built
    turkey = event(store, "actor_code = 'TUR'")
    append_review(reviews, new_review("reject", turkey))
    append_review(reviews, new_review("confirm", turkey, note="on second reading, right"))
    target = store.with_name("export.jsonl")
    code, _, _ = run("reviews", "export", "--store", str(store), "--output", str(target))
    [line] = target.read_text(encoding="utf-8").splitlines()
    found = json.loads(line)
    assert code == 0 and (found["status"], found["event_id"], found["applies"]) == ("confirmed", turkey["event_id"], True)
    assert found["note"] == "on second reading, right" and found["article_id"] == "a1"
