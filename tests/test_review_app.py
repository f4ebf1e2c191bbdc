"""Reviewing in the app, headless (AppTest): off without the operator's password (no control
that changes data is shown), on behind it; a verdict given in the article view is in the
reviews file and on every page at once; a hostile note is cut with a message and shown as text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geopol.review import read_reviews
from tests.dashboard_fixtures import APP, query, shipped_store

PASSWORD = "correct horse"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped store with a reviews file of its own."""
    copy = Path(shutil.copy(shipped_store(), tmp_path / "geopol.duckdb"))
    monkeypatch.setenv("GEOPOL_STORE", str(copy))
    monkeypatch.setenv("GEOPOL_AUTOBUILD", "0")
    monkeypatch.delenv("GEOPOL_REVIEW_PASSWORD", raising=False)
    monkeypatch.delenv("GEOPOL_REVIEWS", raising=False)
    return copy


def movement(store: Path) -> tuple[str, str]:
    """A troop movement of the store: (article, event)."""
    moves = "event_type IN ('AID', 'RETREAT', 'MOBILIZE')"
    [(article, event_id)] = query(store, f"SELECT article_id, event_id FROM events WHERE {moves} ORDER BY event_id LIMIT 1")
    return str(article), str(event_id)


def article_page(store: Path) -> AppTest:
    article, event_id = movement(store)
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params.update({"article": article, "event": event_id})
    at.run()
    return at.switch_page("views/article.py").run()


def labels(at: AppTest) -> set[str]:
    return {b.label for b in at.button} | {t.label for t in at.text_input} | {a.label for a in at.text_area}


def test_reviewing_is_off_without_the_setting(store: Path) -> None:
    for page in ("views/article.py", "views/events.py"):
        at = article_page(store) if page == "views/article.py" else AppTest.from_file(str(APP), default_timeout=90)
        if page != "views/article.py":
            at.run()
            at.switch_page(page).run()
        assert not at.exception
        shown = labels(at)
        assert not {"Confirm", "Reject", "Save correction", "Add event", "Start reviewing", "Review password"} & shown
        assert not any("review" in e.label.lower() for e in at.expander)
    assert not store.with_name("reviews.jsonl").exists()


def unlocked(store: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("GEOPOL_REVIEW_PASSWORD", PASSWORD)
    at = article_page(store)
    assert "Confirm" not in labels(at)  # behind the password
    at.text_input(key="review_password_input").set_value("guess")
    at.button[[b.label for b in at.button].index("Start reviewing")].click().run()
    assert any("not the review password" in e.value for e in at.error)
    at.text_input(key="review_password_input").set_value(PASSWORD)
    at.button[[b.label for b in at.button].index("Start reviewing")].click().run()
    assert "Confirm" in labels(at)
    return at


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def test_a_rejection_is_saved_and_shows_at_once(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = unlocked(store, monkeypatch)
    _, event_id = movement(store)
    button(at, "Reject").click().run()
    assert not at.exception
    [review], problems = read_reviews(store.with_name("reviews.jsonl"))
    assert (review.action, problems) == ("reject", [])
    assert any("is rejected" in s.value for s in at.success)
    assert any(event_id.removeprefix("ev-") in c.value and "Rejected in review" in c.value for c in at.caption)
    at.switch_page("views/events.py").run()
    total = query(store, "SELECT count(DISTINCT event_id) FROM events")[0][0]
    assert any(f"{total - 1} events" in c.value for c in at.caption)  # the count follows at once


def test_a_hostile_note_is_cut_with_a_message_and_shown_as_text(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = unlocked(store, monkeypatch)
    note = "<script>alert('x')</script> =SUM(A1) " + "n" * (1024 * 1024)
    next(a for a in at.text_area if a.label == "Note (why)").set_value(note)
    button(at, "Confirm").click().run()
    assert not at.exception
    assert any("The note was cut to its first 2" in s.value for s in at.success)
    [review], _ = read_reviews(store.with_name("reviews.jsonl"))
    assert review.note == note[:2000]
    shown = " ".join(h.proto.body for h in at.get("html"))
    assert "&lt;script&gt;alert" in shown and "<script>alert" not in shown
