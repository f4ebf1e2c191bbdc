"""Records as Parquet columns: every field of an event or an article is written and read back
as it was, including a field the record gains later."""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass

import pyarrow.parquet as pq
import pytest

from geopol import columns, pipeline
from geopol.paths import CORPUS_DIR
from geopol.records import Article, Event


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Article], list[Event]]:
    articles, events, _ = pipeline.run([CORPUS_DIR])
    return articles, events


def through_parquet(cls: type, items: list) -> list:
    out = io.BytesIO()
    pq.write_table(columns.table(cls, items), out)
    return [columns.record(cls, row) for row in pq.read_table(io.BytesIO(out.getvalue())).to_pylist()]


def test_every_field_of_an_event_is_a_column() -> None:
    assert columns.schema(Event).names == [f.name for f in dataclasses.fields(Event)]


def test_events_and_articles_come_back_as_they_were_written(corpus: tuple[list[Article], list[Event]]) -> None:
    articles, events = corpus
    assert any(e.legs for e in events) and any(e.date_spans for e in events) and any(e.quantity for e in events)
    assert through_parquet(Event, events) == events
    assert through_parquet(Article, articles) == articles


@dataclass(frozen=True, slots=True)
class MarkedEvent(Event):
    one_sided: bool = False


def test_a_field_an_event_gains_is_written_and_read_without_change(corpus: tuple[list[Article], list[Event]]) -> None:
    _, events = corpus
    marked = [
        MarkedEvent(**{f.name: getattr(e, f.name) for f in dataclasses.fields(Event)}, one_sided=i % 2 == 0)
        for i, e in enumerate(events)
    ]
    assert columns.schema(MarkedEvent).names[-1] == "one_sided"
    assert through_parquet(MarkedEvent, marked) == marked


def test_a_field_of_a_type_without_a_column_type_is_refused_with_its_name() -> None:
    @dataclass(frozen=True)
    class Odd:
        tags: dict[str, str]

    with pytest.raises(TypeError, match="dict"):
        columns.schema(Odd)
