"""The event store: one DuckDB file with articles, events, event sources, relations, actors.

Reads corroborated events and articles; writes them into a new temporary DuckDB file and swaps
it in with one atomic rename, under an exclusive lock, so a failed or concurrent build never
leaves a half-written store and the last good store survives.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from geopol.dictionaries import ActorInfo
from geopol.exports import event_rows
from geopol.problems import Problem, StoreError
from geopol.records import Article, Event
from geopol.relations import relations

SCHEMA_VERSION = "1"
EVENT_SOURCE_COLUMNS = (
    "event_id",
    "article_id",
    "sentence_index",
    "sentence",
    "sentence_start",
    "sentence_end",
    "cue_start",
    "cue_end",
    "cue",
    "date_text",
    "source_url",
    "title",
    "outlet",
    "published",
)


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
    source_rows = []
    seen = set()
    for e in events:
        key = (e.event_id, e.article_id, e.sentence_index)
        if key in seen:
            continue
        seen.add(key)
        article = by_id.get(e.article_id)
        source_rows.append(
            {
                "event_id": e.event_id,
                "article_id": e.article_id,
                "sentence_index": e.sentence_index,
                "sentence": e.sentence,
                "sentence_start": e.sentence_start,
                "sentence_end": e.sentence_start + len(e.sentence),
                "cue_start": e.cue_start,
                "cue_end": e.cue_end,
                "cue": e.cue,
                "date_text": e.date_text,
                "source_url": article.url if article else "",
                "title": article.title if article else "",
                "outlet": article.outlet if article else "",
                "published": article.published if article else None,
            }
        )
    used = {c for r in rows for c in (r["actor_code"], r["recipient_code"]) if c}
    actor_frame = pd.DataFrame(
        [asdict(actors[c]) for c in sorted(used) if c in actors], columns=list(ActorInfo.__dataclass_fields__)
    )
    relation_frame = pd.DataFrame(
        [{**asdict(r), "event_ids": ";".join(r.event_ids)} for r in relations(rows)],
        columns=["actor_a", "actor_b", "month", "event_count", "net_score", "coop_count", "conflict_count", "event_ids"],
    )
    problem_frame = pd.DataFrame(
        [{"code": p.code, "subject": p.subject, "detail": p.detail, "message": str(p)} for p in problems],
        columns=["code", "subject", "detail", "message"],
    )
    info = pd.DataFrame(
        [
            {"key": "schema_version", "value": SCHEMA_VERSION},
            {"key": "built_at", "value": datetime.now(UTC).isoformat(timespec="seconds")},
            {"key": "articles", "value": str(len(articles))},
            {"key": "events", "value": str(len({e.event_id for e in events}))},
        ]
    )
    return {
        "articles": article_frame,
        "events": pd.DataFrame(rows, columns=list(rows[0]) if rows else None),
        "event_sources": pd.DataFrame(source_rows, columns=list(EVENT_SOURCE_COLUMNS)),
        "relations": relation_frame,
        "actors": actor_frame,
        "problems": problem_frame,
        "build_info": info,
    }


def write_tables(path: Path, tables: dict[str, pd.DataFrame]) -> None:
    with duckdb.connect(str(path)) as con:
        for name, frame in tables.items():
            con.register("frame", frame)
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame')  # names are ours, not input
            con.unregister("frame")
        con.execute("CHECKPOINT")


def save(
    store: Path, articles: list[Article], events: list[Event], actors: dict[str, ActorInfo], problems: list[Problem]
) -> None:
    """Write the store atomically: a new file, then one rename over the old one."""
    with build_lock(store):
        temporary = store.with_name(f".{store.name}.{os.getpid()}.tmp")
        try:
            write_tables(temporary, frames(articles, events, actors, problems))
            os.replace(temporary, store)
        except Exception as error:
            raise StoreError(Problem("E003", store.name, f"{type(error).__name__}: {error}")) from error
        finally:
            for leftover in (temporary, temporary.with_name(temporary.name + ".wal")):
                leftover.unlink(missing_ok=True)


def connect(store: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection for the app and the checks."""
    try:
        return duckdb.connect(str(store), read_only=True)
    except duckdb.Error as error:
        raise StoreError(Problem("E004", store.name, str(error).splitlines()[0])) from error
