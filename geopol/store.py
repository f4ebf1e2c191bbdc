"""The event store: one DuckDB file with articles, events, event sources, relations, actors.

Reads corroborated events and articles; writes them into a new temporary DuckDB file and swaps
it in with one atomic rename, under an exclusive lock, so a failed or concurrent build never
leaves a half-written store and the last good store survives.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import os
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from geopol.dictionaries import ActorInfo
from geopol.exports import event_rows, source_fields
from geopol.problems import Problem, StoreError
from geopol.records import Article, Event
from geopol.relations import REVIEWED_EVENTS, relations, relations_sql
from geopol.review import REVIEW_COLUMNS, Review, read_reviews, reviews_path
from geopol.review_store import apply_reviews

SCHEMA_VERSION = "1"
VARCHAR, BIGINT, DOUBLE, DATE = "VARCHAR", "BIGINT", "DOUBLE", "DATE"
# Every table's columns and types, so an empty table still has them (an empty pandas column
# would otherwise become DuckDB's NULL type). Columns a newer exporter adds pass through.
SCHEMA: dict[str, dict[str, str]] = {
    "articles": {
        **dict.fromkeys(("article_id", "file", "text", "title", "outlet", "author", "url"), VARCHAR),
        "published": DATE,
        "published_precision": VARCHAR,
        "published_method": VARCHAR,
        "n_events": BIGINT,
    },
    "events": {
        **dict.fromkeys(("article_id", "event_id"), VARCHAR),
        "date": DATE,
        **dict.fromkeys(("date_precision", "event_type", "quad_class", "mode", "place"), VARCHAR),
        **dict.fromkeys(("lat", "lon"), DOUBLE),
        **dict.fromkeys(("geo_precision", "place_country", "origin"), VARCHAR),
        **dict.fromkeys(("origin_lat", "origin_lon"), DOUBLE),
        "destination": VARCHAR,
        **dict.fromkeys(("destination_lat", "destination_lon"), DOUBLE),
        "quantity": BIGINT,
        **dict.fromkeys(("quantity_unit", "sentence", "source_url"), VARCHAR),
        "source_count": BIGINT,
        "article_ids": VARCHAR,
        "score": DOUBLE,
        **dict.fromkeys(("context", "tense", "date_text", "date_basis", "geo_basis", "cue"), VARCHAR),
        **dict.fromkeys(("sentence_index", "sentence_start", "cue_start", "cue_end"), BIGINT),
        **dict.fromkeys(("title", "outlet"), VARCHAR),
        "published": DATE,
        **dict.fromkeys(("actor", "actor_code", "actor_sector", "actor_kind"), VARCHAR),
        **dict.fromkeys(("recipient", "recipient_code", "recipient_sector", "recipient_kind"), VARCHAR),
        **dict.fromkeys(REVIEW_COLUMNS, VARCHAR),
    },
    "event_sources": {
        **dict.fromkeys(("event_id", "article_id"), VARCHAR),
        "sentence_index": BIGINT,
        "sentence": VARCHAR,
        **dict.fromkeys(("sentence_start", "sentence_end", "cue_start", "cue_end"), BIGINT),
        **dict.fromkeys(("cue", "date_text", "source_url", "title", "outlet"), VARCHAR),
        "published": DATE,
    },
    "relations": {
        **dict.fromkeys(("actor_a", "actor_b"), VARCHAR),
        "month": DATE,
        "event_count": BIGINT,
        "net_score": DOUBLE,
        **dict.fromkeys(("coop_count", "conflict_count"), BIGINT),
        "event_ids": VARCHAR,
    },
    "actors": {
        **dict.fromkeys(("code", "name", "kind"), VARCHAR),
        **dict.fromkeys(("lat", "lon"), DOUBLE),
        **dict.fromkeys(("seat", "country"), VARCHAR),
    },
    "problems": dict.fromkeys(("code", "subject", "detail", "message"), VARCHAR),
    "build_info": dict.fromkeys(("key", "value"), VARCHAR),
}
EVENT_SOURCE_COLUMNS = tuple(SCHEMA["event_sources"])
PANDAS_TYPES = {VARCHAR: "str", BIGINT: "Int64", DOUBLE: "float64"}  # dates stay Python dates (object)


@contextlib.contextmanager
def build_lock(store: Path) -> Iterator[None]:
    """Only one build writes a store at a time; a second one is told so at once."""
    store.parent.mkdir(parents=True, exist_ok=True)
    lock_path = store.with_name(store.name + ".lock")
    with open(lock_path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(Problem("E002", store.name)) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def frames(
    articles: list[Article], events: list[Event], actors: dict[str, ActorInfo], problems: list[Problem]
) -> dict[str, pd.DataFrame]:
    by_id = {a.article_id: a for a in articles}
    rows = event_rows(events, by_id)
    counts: dict[str, int] = {}
    for event in {(e.event_id, e.article_id) for e in events}:
        counts[event[1]] = counts.get(event[1], 0) + 1
    article_frame = pd.DataFrame(
        [{**asdict(a), "n_events": counts.get(a.article_id, 0)} for a in articles],
        columns=[*Article.__dataclass_fields__, "n_events"],
    )
    relation_frame = pd.DataFrame(
        [{**asdict(r), "event_ids": ";".join(r.event_ids)} for r in relations(rows)], columns=list(SCHEMA["relations"])
    )
    tables = {
        "articles": article_frame,
        "events": event_frame(rows),
        "event_sources": source_frame(events, by_id),
        "relations": relation_frame,
        "actors": actor_frame(used_codes(rows), actors),
        "problems": problem_frame(problems),
        "build_info": info_frame(len(articles), len({e.event_id for e in events})),
    }
    return {name: typed(frame, SCHEMA[name]) for name, frame in tables.items()}


def event_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    columns = [*SCHEMA["events"], *(c for c in rows[0] if c not in SCHEMA["events"])] if rows else list(SCHEMA["events"])
    return typed(pd.DataFrame(rows, columns=columns), SCHEMA["events"])


def source_frame(events: list[Event], by_id: dict[str, Article]) -> pd.DataFrame:
    """One row per report: an event's sentence in one article."""
    source_rows = []
    seen = set()
    for e in events:
        key = (e.event_id, e.article_id, e.sentence_index)
        if key in seen:
            continue
        seen.add(key)
        source_rows.append(source_fields(e, by_id.get(e.article_id)))
    return typed(pd.DataFrame(source_rows, columns=list(EVENT_SOURCE_COLUMNS)), SCHEMA["event_sources"])


def used_codes(rows: list[dict[str, object]]) -> set[str]:
    return {str(c) for r in rows for c in (r["actor_code"], r["recipient_code"]) if c}


def actor_frame(used: set[str], actors: dict[str, ActorInfo]) -> pd.DataFrame:
    return pd.DataFrame([asdict(actors[c]) for c in sorted(used) if c in actors], columns=list(ActorInfo.__dataclass_fields__))


def problem_frame(problems: list[Problem]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"code": p.code, "subject": p.subject, "detail": p.detail, "message": str(p)} for p in problems],
        columns=["code", "subject", "detail", "message"],
    )


def info_frame(articles: int, events: int) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"key": "schema_version", "value": SCHEMA_VERSION},
            {"key": "built_at", "value": datetime.now(UTC).isoformat(timespec="seconds")},
            {"key": "articles", "value": str(articles)},
            {"key": "events", "value": str(events)},
        ]
    )


def typed(frame: pd.DataFrame, schema: dict[str, str]) -> pd.DataFrame:
    """The frame with the pandas dtype of each column's SQL type: text columns are strings and
    counts are nullable integers even when the frame is empty or a column holds only None."""
    dtypes = {c: PANDAS_TYPES[t] for c, t in schema.items() if c in frame.columns and t in PANDAS_TYPES}
    return frame.astype(dtypes)  # type: ignore[arg-type]


def write_tables(path: Path, tables: dict[str, pd.DataFrame]) -> None:
    with duckdb.connect(str(path)) as con:
        for name, frame in tables.items():
            append(con, name, frame)
        con.execute("CHECKPOINT")


def apply_to_file(path: Path, reviews: list[Review], actors: dict[str, ActorInfo]) -> list[Problem]:
    """The reviews applied to a store just written (relations counted again, the actors they
    name added); returns the problems of reviews that no longer apply."""
    if not reviews:
        return []
    with duckdb.connect(str(path)) as con:
        applied = apply_reviews(con, reviews)
        recount_relations(con)
        known = {r[0] for r in con.execute("SELECT code FROM actors").fetchall()}
        append(con, "actors", actor_frame(applied.codes - known, actors), create=False)
        append(con, "problems", problem_frame(applied.problems), create=False)
        con.execute("CHECKPOINT")
    return applied.problems


def recount_relations(con: duckdb.DuckDBPyConnection) -> None:
    """The relations of the events no analyst rejected."""
    query = relations_sql(con, REVIEWED_EVENTS.format(events="events"))
    con.execute("DELETE FROM relations")
    con.execute(f"INSERT INTO relations SELECT * REPLACE (array_to_string(event_ids, ';') AS event_ids) FROM ({query})")


def append(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, create: bool = True) -> None:
    """Add the frame's rows to a table of the store, each column cast to its SQL type; create
    makes the table from the frame (which may be empty: the columns still get their types)."""
    schema = SCHEMA.get(table.split(".")[-1], {})
    columns = ", ".join(f'CAST("{c}" AS {schema[c]}) AS "{c}"' if c in schema else f'"{c}"' for c in map(str, frame.columns))
    con.register("frame", frame)
    if create:
        con.execute(f"CREATE TABLE {table} AS SELECT {columns} FROM frame")  # names are ours, not input
    else:
        con.execute(f"INSERT INTO {table} BY NAME SELECT {columns} FROM frame")
    con.unregister("frame")


def temporary_path(store: Path) -> Path:
    """Where a build writes before the swap: hidden, beside the store (a rename within one
    folder is atomic), and never named like a store."""
    return store.with_name(f".{store.name}.{os.getpid()}.tmp")


def remove_leftovers(store: Path) -> None:
    """Temporary files of builds that were killed. Only the lock holder calls this, so no
    live build is writing any of them."""
    for leftover in store.parent.glob(f".{glob.escape(store.name)}.*.tmp*"):
        leftover.unlink(missing_ok=True)


def fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_store(
    store: Path,
    articles: list[Article],
    events: list[Event],
    actors: dict[str, ActorInfo],
    problems: list[Problem],
    reviews: list[Review] | None = None,
) -> list[Problem]:
    """Write a new file, then rename it over the store in one step: a reader sees the old
    store or the new one, never a mix, and a killed build leaves the old one untouched.
    reviews: applied to the new store (none given: the store's reviews file). The caller holds
    build_lock(store). Returns the problems of the reviews file and of reviews that no longer apply."""
    found: list[Problem] = []
    if reviews is None:
        reviews, found = read_reviews(reviews_path(store))
    given = [*problems, *found]

    def write(temporary: Path) -> None:
        write_tables(temporary, frames(articles, events, actors, given))
        found.extend(apply_to_file(temporary, reviews, actors))

    swap_in(store, write)
    return found


def swap_in(store: Path, write: Callable[[Path], None]) -> None:
    """write(temporary) makes the new store in a temporary file beside the store, which then
    replaces the store with one atomic rename. The caller holds build_lock(store)."""
    remove_leftovers(store)
    temporary = temporary_path(store)
    try:
        write(temporary)
        fsync(temporary)
        store.with_name(store.name + ".wal").unlink(missing_ok=True)  # a log of the old file would corrupt the new one
        os.replace(temporary, store)
        fsync(store.parent)
    except Exception as error:
        raise StoreError(Problem("E003", store.name, f"{type(error).__name__}: {error}")) from error
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + ".wal")):
            leftover.unlink(missing_ok=True)


def save(
    store: Path, articles: list[Article], events: list[Event], actors: dict[str, ActorInfo], problems: list[Problem]
) -> list[Problem]:
    """Write the store atomically, under the build lock, with its reviews applied; returns the
    problems of the reviews."""
    with build_lock(store):
        return write_store(store, articles, events, actors, problems)


def connect(store: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection for the app and the checks."""
    try:
        return duckdb.connect(str(store), read_only=True)
    except duckdb.Error as error:
        raise StoreError(Problem("E004", store.name, str(error).splitlines()[0])) from error
