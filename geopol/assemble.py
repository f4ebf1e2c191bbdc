"""From coded partitions to the store, in DuckDB: corroboration, publication dates, relations.

Reads the cache's Parquet partitions of the build's articles (their final ids and file order);
adds a staging database from which DuckDB streams the reports sorted by corroboration group (a
bucket of groups at a time, within a small memory limit) through corroboration and the event
rows, straight into the new store. Python holds one group at a time, never the corpus.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa

from geopol import columns
from geopol.cache import DUCKDB_MEMORY, Cache
from geopol.corroborate import corroborate
from geopol.dates import PartialDate
from geopol.dictionaries import ActorInfo
from geopol.exports import event_rows
from geopol.problems import Problem
from geopol.published import publication_months, redated, shared_dates
from geopol.records import Article, Event
from geopol.relations import REVIEWED_EVENTS, relations_sql
from geopol.review import Review
from geopol.review_store import apply_reviews
from geopol.store import SCHEMA, actor_frame, append, event_frame, info_frame, problem_frame, source_frame, used_codes

REPORTS_PER_SORT = 10_000  # DuckDB sorts the reports in buckets of groups about this large
BATCH_ROWS = 512  # reports fetched from DuckDB at a time
FLUSH_EVENTS = 1000  # reports whose rows are written to the store at a time
Changed = dict[str, tuple[PartialDate, str]]


class Staging:
    """The build's articles and reports in a DuckDB file, reports sorted by group."""

    def __init__(self, folder: Path, cache: Cache, entries: list[tuple[int, str, str]]) -> None:
        """entries: (file order, cache key, final article id) of every coded article."""
        self.path = folder / f".staging-{os.getpid()}.duckdb"
        self.path.unlink(missing_ok=True)
        # the staged tables are read back with ORDER BY: keeping their insertion order would cost memory
        self.con = duckdb.connect(str(self.path), config={"memory_limit": DUCKDB_MEMORY, "preserve_insertion_order": False})
        self.con.execute(f"SET temp_directory = '{folder / f'.staging-{os.getpid()}.spill'}'")
        order = pa.table(
            {
                "file_order": pa.array([e[0] for e in entries], pa.int64()),
                "key": pa.array([e[1] for e in entries], pa.string()),
                "final_id": pa.array([e[2] for e in entries], pa.string()),
            }
        )
        self.con.register("entries", order)
        articles, reports = cache.files("articles"), cache.files("reports")
        self.con.execute(
            "CREATE TABLE articles AS SELECT e.file_order, e.final_id, a.article "
            "FROM entries AS e JOIN read_parquet(?) AS a USING (key)",
            [articles or [empty_parquet(folder, "articles")]],
        )
        reports = reports or [empty_parquet(folder, "reports")]
        [(count,)] = self.con.execute("SELECT count(*) FROM read_parquet(?)", [reports]).fetchall()
        self.buckets = max(1, -(-count // REPORTS_PER_SORT))
        self.con.execute(
            f"CREATE TABLE reports AS SELECT hash(r.grp) % {self.buckets} AS bucket, e.file_order, e.final_id, r.* "
            "FROM entries AS e JOIN read_parquet(?) AS r USING (key)",
            [reports],
        )
        self.con.unregister("entries")

    def close(self) -> None:
        self.con.close()
        for leftover in self.path.parent.glob(f"{self.path.name}*"):
            leftover.unlink(missing_ok=True)
        spill = self.path.parent / self.path.name.replace(".duckdb", ".spill")
        if spill.exists():
            for file in spill.iterdir():
                file.unlink()
            spill.rmdir()

    def articles(self, only: set[str] | None = None, text: bool = False) -> dict[str, Article]:
        """The articles by final id (without their text unless asked: rows need only metadata)."""
        found = {}
        fields = ", ".join(f'"{f.name}" := article."{f.name}"' for f in dataclasses.fields(Article) if text or f.name != "text")
        wanted = "WHERE list_contains(?, final_id)" if only is not None else ""
        query = f"SELECT final_id, struct_pack({fields}) AS article FROM articles {wanted}"
        for batch in batches(self.con, query, [sorted(only)] if only is not None else None):
            for row in batch.to_pylist():
                article = columns.record(Article, {"text": "", **row["article"]})
                found[row["final_id"]] = dataclasses.replace(article, article_id=row["final_id"])
        return found

    def undated(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT final_id FROM articles WHERE article.published IS NULL").fetchall()}

    def groups(self) -> Iterator[list[Event]]:
        """The reports of each corroboration group, in order, with their final article ids."""
        group: list[Event] = []
        current = None
        for batch in self.sorted_reports():
            for row in batch.to_pylist():
                if row["grp"] != current and group:
                    yield group
                    group = []
                current = row["grp"]
                row["article_id"] = row["final_id"]
                group.append(columns.record(Event, row))
        if group:
            yield group

    def sorted_reports(self) -> Iterator[pa.RecordBatch]:
        """The reports by group, article and rank: DuckDB sorts one bucket of groups at a time,
        so what it sorts at once does not grow with the corpus."""
        for bucket in range(self.buckets):
            query = f"SELECT * FROM reports WHERE bucket = {bucket} ORDER BY grp, file_order, ordinal"
            yield from batches(self.con, query)


def batches(con: duckdb.DuckDBPyConnection, query: str, parameters: list | None = None) -> Iterator[pa.RecordBatch]:
    """The query's result, streamed a few thousand rows at a time on a cursor of its own, so
    the connection can write while it is read."""
    cursor = con.cursor()
    try:
        relation = cursor.sql(query, params=parameters)
        assert relation is not None  # a query, not a statement
        yield from relation.to_arrow_reader(BATCH_ROWS)
    finally:
        cursor.close()


def empty_parquet(folder: Path, kind: str) -> str:
    """A partition with no rows, so a build with nothing coded still has typed tables."""
    from geopol.batches import Outcome, parquet, report_table

    path = folder / f".empty.{kind}.parquet"
    path.write_bytes(parquet(columns.table(Outcome, []) if kind == "articles" else report_table([], [], [], [])))
    return str(path)


def publication_changes(staging: Staging) -> Changed:
    """pipeline.infer_publication's first half, over the groups: the month each undated
    article gets from the events it shares, or from the dates its text writes out."""
    undated = staging.undated()
    if not undated:
        return {}
    latest: dict[str, date] = {}
    for group in staging.groups():
        for article_id, day in shared_dates(corroborate(group), undated).items():
            latest[article_id] = max(latest.get(article_id, day), day)
    return publication_months(staging.articles(undated, text=True).values(), undated, latest)


def corroborated(staging: Staging, changed: Changed) -> Iterator[list[Event]]:
    """Each group's reports corroborated, as pipeline.run does it: corroborate, then, when some
    article got a publication month, re-read its relative dates and corroborate again."""
    for group in staging.groups():
        events = corroborate(group)
        yield corroborate(redated(events, changed)) if changed else events


def dated_articles(staging: Staging, changed: Changed) -> dict[str, Article]:
    """The articles' metadata by final id, with the publication months inferred."""
    found = staging.articles()
    for article_id, (month, method) in changed.items():
        found[article_id] = dataclasses.replace(
            found[article_id], published=month.value, published_precision="month", published_method=method
        )
    return found


def write_store(
    temporary: Path,
    staging: Staging,
    actors: dict[str, ActorInfo],
    problems: list[Problem],
    reviews: list[Review] | None = None,
) -> list[Problem]:
    """The store's tables in a new DuckDB file, streamed group by group from the staging, with
    the analysts' reviews applied; returns the problems of reviews that no longer apply."""
    changed = publication_changes(staging)
    metadata = dated_articles(staging, changed)
    con = staging.con
    con.execute(f"ATTACH '{temporary}' AS store")
    try:
        used: set[str] = set()
        created = False
        events: list[Event] = []
        for group in corroborated(staging, changed):
            events.extend(group)
            if len(events) >= FLUSH_EVENTS:
                used |= flush(con, events, metadata, create=not created)
                created, events = True, []
        if events or not created:
            used |= flush(con, events, metadata, create=not created)
        write_articles(con, changed)
        applied = apply_reviews(con, reviews or [], "store.events", "store.event_sources", "store.articles")
        used |= applied.codes
        problems = [*problems, *applied.problems]
        query = relations_sql(con, REVIEWED_EVENTS.format(events="store.events"))
        con.execute(
            f"CREATE TABLE store.relations AS SELECT * REPLACE (array_to_string(event_ids, ';') AS event_ids) FROM ({query})"
        )
        append(con, "store.actors", actor_frame(used, actors))
        append(con, "store.problems", problem_frame(problems))
        [counts] = con.execute(
            "SELECT (SELECT count(*) FROM store.articles), (SELECT count(DISTINCT event_id) FROM store.events)"
        ).fetchall()
        append(con, "store.build_info", info_frame(*counts))
        con.execute("CHECKPOINT store")
    finally:
        con.execute("DETACH store")
    return applied.problems


def flush(con: duckdb.DuckDBPyConnection, events: list[Event], metadata: dict[str, Article], create: bool) -> set[str]:
    """Append the rows of complete clusters to the events and event_sources tables."""
    rows = event_rows(events, metadata)
    append(con, "store.events", event_frame(rows), create)
    append(con, "store.event_sources", source_frame(events, metadata), create)
    return used_codes(rows)


def write_articles(con: duckdb.DuckDBPyConnection, changed: Changed) -> None:
    """Every article, in file order, with its final id, inferred publication month and event count."""
    months = pa.table(
        {
            "article_id": pa.array(list(changed), pa.string()),
            "published": pa.array([m.value for m, _ in changed.values()], pa.date32()),
            "published_method": pa.array([method for _, method in changed.values()], pa.string()),
        }
    )
    con.register("months", months)
    inferred = {
        "article_id": "a.final_id",
        "published": "coalesce(m.published, a.article.published)",
        "published_precision": "CASE WHEN m.article_id IS NULL THEN a.article.published_precision ELSE 'month' END",
        "published_method": "coalesce(m.published_method, a.article.published_method)",
    }
    schema = SCHEMA["articles"]
    fields = [f.name for f in dataclasses.fields(Article)]
    select = ", ".join(typed_column(inferred.get(name, f'a.article."{name}"'), name, schema) for name in fields)
    con.execute(
        f"CREATE TABLE store.articles AS SELECT {select}, CAST(coalesce(n.n_events, 0) AS BIGINT) AS n_events "
        "FROM articles AS a LEFT JOIN months AS m ON m.article_id = a.final_id "
        "LEFT JOIN (SELECT article_id, count(DISTINCT event_id) AS n_events FROM store.event_sources GROUP BY article_id) AS n "
        "ON n.article_id = a.final_id"  # in no order: sorting every article's text would not fit the memory limit
    )
    con.unregister("months")


def typed_column(expression: str, name: str, schema: dict[str, str]) -> str:
    return f'CAST({expression} AS {schema[name]}) AS "{name}"' if name in schema else f'{expression} AS "{name}"'
