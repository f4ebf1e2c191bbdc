"""Code a batch of decoded files: the work of one Dask task, or of the build's own process.

Reads decoded files (RawArticle) with their manifest rows and cache keys; adds, for each file,
its Article or the problems that skipped it, and its article's event reports with their
corroboration group, as two Parquet partitions (columns from the records' fields).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from geopol import columns
from geopol.articles import article_or_problem
from geopol.cache import Partition
from geopol.corroborate import group_key
from geopol.ingest import RawArticle
from geopol.manifest import ManifestRow
from geopol.problems import Problem
from geopol.records import Article, Event

if TYPE_CHECKING:
    from geopol.pipeline import Coder  # spaCy: loaded by the workers, not by the driver


@dataclass(frozen=True)
class Item:
    """A decoded file to code. Files of one batch have different wanted ids (wanted_id)."""

    key: str
    raw: RawArticle
    row: ManifestRow | None


@dataclass(frozen=True)
class Outcome:
    """A file's row in the articles partition: its article, or None and why it was skipped."""

    key: str
    article: Article | None
    problems: tuple[Problem, ...]


def wanted_id(raw: RawArticle, row: ManifestRow | None) -> str:
    """The id the article asks for, before ids are made safe and unique (pipeline.unique_id)."""
    return row.article_id if row else raw.path.stem


def code_batch(items: list[Item], coder: Coder, version: str, today: date | None = None) -> Partition:
    outcomes = []
    for item in items:
        article, problems = article_or_problem(item.raw, item.row, coder.dictionaries, today)
        outcomes.append(Outcome(item.key, article, tuple(problems)))
    coded = [o.article for o in outcomes if o.article is not None]
    key_of = {o.article.article_id: o.key for o in outcomes if o.article is not None}
    events = coder.code(coded)
    keys, ordinals, groups = [], [], []
    seen: dict[str, int] = {}
    for event in events:
        keys.append(key_of[event.article_id])
        ordinals.append(seen.get(event.article_id, 0))
        seen[event.article_id] = ordinals[-1] + 1
        groups.append(group_key(event))
    reports = report_table(events, keys, ordinals, groups)
    return Partition(parquet(columns.table(Outcome, outcomes)), parquet(reports), version, len(items))


def report_table(events: list[Event], keys: list[str], ordinals: list[int], groups: list[str]) -> pa.Table:
    """Event reports with their file's key, their rank in their article and their group."""
    extra = {"key": pa.array(keys, pa.string()), "ordinal": pa.array(ordinals, pa.int64()), "grp": pa.array(groups, pa.string())}
    return columns.table(Event, events, extra)


def parquet(table: pa.Table) -> bytes:
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()
