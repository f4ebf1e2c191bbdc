"""Reviews applied to the tables of a store (in a build, or to the app's copy of the store).

Reads the latest review of each event and a DuckDB database with events, event_sources and
articles tables; rewrites the rows of the reviewed events (the coder's values restored first,
so applying the same reviews twice changes nothing), adds the events analysts added with the
sentence that reports them, and says which reviews no longer find their sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from geopol.problems import Problem
from geopol.review import (
    REVIEW_COLUMNS,
    REVIEW_DEFAULTS,
    Review,
    additions,
    by_event,
    current,
    event_matches,
    reset,
    reviewed,
)

ADDED_PREFIX = "ev-rv-"


@dataclass
class Applied:
    """What applying the reviews did."""

    applied: int = 0
    unmatched: list[Review] = field(default_factory=list)  # their sentence or report is gone
    sources: list[dict[str, object]] = field(default_factory=list)  # reports of added events
    codes: set[str] = field(default_factory=set)  # actor codes the reviewed rows use

    @property
    def problems(self) -> list[Problem]:
        return [unmatched_problem(r) for r in self.unmatched]


def unmatched_problem(review: Review) -> Problem:
    words = " ".join(review.sentence.split())
    quoted = f"'{words[:80]}…'" if len(words) > 80 else f"'{words}'"
    return Problem("W202", review.review_id, f"article {review.fingerprint.article_id}, sentence {quoted}")


def columns_of(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [d[0] for d in con.execute(f"SELECT * FROM {table} LIMIT 0").description]


def with_review_columns(con: duckdb.DuckDBPyConnection, relation: str) -> str:
    """SELECT over relation with every review column (a store built before reviews has none)."""
    present = set(columns_of(con, relation))
    missing = [f"CAST('{v}' AS VARCHAR) AS {c}" for c, v in REVIEW_DEFAULTS.items() if c not in present]
    return f"SELECT *{''.join(', ' + m for m in missing)} FROM {relation}"


def apply_reviews(
    con: duckdb.DuckDBPyConnection,
    reviews: Iterable[Review],
    events: str = "events",
    sources: str = "event_sources",
    articles: str = "articles",
    write_sources: bool = True,
) -> Applied:
    """Apply the latest review of each event to the tables (events must be writable and have
    the review columns). write_sources: add the reports of added events to sources too."""
    latest = current(reviews)
    done = Applied()
    ids = sorted({r.fingerprint.article_id for r in latest})
    report_rows = records(
        con,
        f"SELECT event_id, article_id, sentence, sentence_start, cue_start, cue_end, cue FROM {sources} "
        f"WHERE list_contains(?, article_id) AND NOT starts_with(event_id, '{ADDED_PREFIX}')",
        [ids],
    )
    matches = event_matches(latest, report_rows)
    review_of: dict[str, Review] = {}
    for review in latest:
        if review.review_id in matches:
            review_of[matches[review.review_id]] = review
        elif review.action != "add" and not review.target:
            done.unmatched.append(review)
    touched = con.execute(
        f"SELECT DISTINCT event_id FROM {events} WHERE review_status <> 'unreviewed' OR list_contains(?, event_id)",
        [sorted(review_of)],
    ).fetchall()
    touched_ids = sorted({t[0] for t in touched})
    old = records(con, f"SELECT * FROM {events} WHERE list_contains(?, event_id) ORDER BY event_id, rowid", [touched_ids])
    rows: list[dict[str, object]] = []
    for group in by_event(old):
        kept = [reset(r) for r in group if not is_added(r)]
        verdict = review_of.get(str(kept[0]["event_id"])) if kept else None
        rows.extend(reviewed(kept, verdict) if verdict else kept)
        done.applied += verdict is not None
    rows.extend(added(con, latest, articles, done))
    gone = f"list_contains(?, event_id) OR starts_with(event_id, '{ADDED_PREFIX}')"
    con.execute(f"DELETE FROM {events} WHERE {gone}", [touched_ids])
    insert(con, events, rows)
    if write_sources:
        con.execute(f"DELETE FROM {sources} WHERE starts_with(event_id, '{ADDED_PREFIX}')")
        insert(con, sources, done.sources)
    done.codes = {str(r.get(c)) for r in rows for c in ("actor_code", "recipient_code") if r.get(c)}
    return done


def is_added(row: dict[str, object]) -> bool:
    return str(row.get("event_id") or "").startswith(ADDED_PREFIX)


def records(con: duckdb.DuckDBPyConnection, sql: str, params: list[object] | None = None) -> list[dict[str, object]]:
    """Rows as dicts of Python values (None for NULL, dates as dates)."""
    result = con.execute(sql, params or [])
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def added(con: duckdb.DuckDBPyConnection, latest: list[Review], articles: str, done: Applied) -> list[dict[str, object]]:
    """The rows of events analysts added whose sentence the article still holds."""
    wanted = sorted({r.fingerprint.article_id for r in latest if r.action == "add"})
    if not wanted:
        return []
    query = f"SELECT article_id, text, url, title, outlet, published FROM {articles} WHERE list_contains(?, article_id)"
    found = records(con, query, [wanted])
    by_id = {str(a["article_id"]): a for a in found}
    made = additions(latest, {i: by_id.get(i, {}) for i in wanted})
    done.unmatched.extend(made.unmatched)
    done.sources.extend(made.sources)
    done.applied += len({r["event_id"] for r in made.rows})
    return made.rows


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, object]]) -> None:
    """Append rows to a table by column name; columns the table lacks are left out."""
    if not rows:
        return
    names = columns_of(con, table)
    frame = pd.DataFrame([{n: r.get(n) for n in names if n in r} for r in rows])
    frame = frame.astype(object).where(frame.notna(), None)
    con.register("review_rows", frame)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM review_rows")
    finally:
        con.unregister("review_rows")


def copy_for_review(con: duckdb.DuckDBPyConnection, events: str, sources: str, into: str = "reviewed") -> tuple[str, str]:
    """Writable copies of a store's events and event_sources with the review columns, for a
    reader (the app, geopol eval) that applies the reviews file to a read-only store."""
    con.execute(f"CREATE OR REPLACE TABLE {into}_events AS {with_review_columns(con, events)}")
    con.execute(f"CREATE OR REPLACE TABLE {into}_sources AS SELECT * FROM {sources}")
    return f"{into}_events", f"{into}_sources"


__all__ = ["REVIEW_COLUMNS", "Applied", "apply_reviews", "copy_for_review", "with_review_columns"]
