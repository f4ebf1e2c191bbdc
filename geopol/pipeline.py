"""The pipeline from files to corroborated events: ingest -> nlp -> code -> dates -> geocode
-> corroborate. Publication dates missing from the manifest come from a dateline, a date in
the page header, or, failing both, from the dated reports an article corroborates.

Reading articles lives in geopol/articles.py and publication dates after coding in
geopol/published.py (neither loads spaCy); both are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from geopol.articles import (
    Corpus,
    article_or_problem,
    corpus_files,
    dateline_date,
    make_article,
    publication_date,
    read_corpus,
    unique_id,
)
from geopol.component import ARTICLE_KEY, EventCoder
from geopol.corroborate import corroborate
from geopol.dictionaries import cached_dictionaries
from geopol.nlp import preprocessor
from geopol.paths import DATA_DIR
from geopol.problems import Problem
from geopol.published import dated, infer_publication, publication_months, redate, redated, reference_date, shared_dates
from geopol.records import Article, Event

__all__ = [
    "Coder",
    "Corpus",
    "article_or_problem",
    "corpus_files",
    "dated",
    "dateline_date",
    "infer_publication",
    "make_article",
    "publication_date",
    "publication_months",
    "read_corpus",
    "redate",
    "redated",
    "reference_date",
    "run",
    "shared_dates",
    "unique_id",
]


@dataclass
class Coder:
    """The loaded dictionaries, model and coder component; codes articles into events."""

    data_dir: Path = DATA_DIR

    def __post_init__(self) -> None:
        self.dictionaries = cached_dictionaries(self.data_dir)
        self.nlp = preprocessor()
        self.component = EventCoder(self.data_dir)

    def code(self, articles: list[Article], progress: Callable[[int], None] | None = None) -> list[Event]:
        events: list[Event] = []
        texts = (a.text for a in articles)
        for article, doc in zip(articles, self.nlp.pipe(texts, batch_size=32), strict=True):
            events.extend(self.code_doc(article, doc))
            if progress is not None:
                progress(1)
        return events

    def code_doc(self, article: Article, doc: Doc) -> list[Event]:
        """The events of one article whose text the preprocessor has read into doc."""
        doc.user_data[ARTICLE_KEY] = article
        self.component(doc)
        return list(doc._.events)


def run(
    paths: Iterable[Path], coder: Coder | None = None, progress: Callable[[int], None] | None = None, today: date | None = None
) -> tuple[list[Article], list[Event], list[Problem]]:
    """Read, code and corroborate every article under paths."""
    coder = coder or Coder()
    corpus = read_corpus(paths, coder.dictionaries, today)
    events = corroborate(coder.code(corpus.articles, progress))
    articles, events = infer_publication(corpus.articles, events)
    return articles, events, corpus.problems
