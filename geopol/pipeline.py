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

from geopol.actors import ArticleContext, dominant_state
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
from geopol.code import code_sentence
from geopol.corroborate import corroborate
from geopol.dictionaries import cached_dictionaries
from geopol.geocode import PlaceMention, locate, place_mentions, refine_article
from geopol.nlp import Matchers, analyse, language, matchers_for
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
    """The loaded dictionaries and spaCy pipeline; codes articles into events."""

    data_dir: Path = DATA_DIR

    def __post_init__(self) -> None:
        self.dictionaries = cached_dictionaries(self.data_dir)
        self.matchers: Matchers = matchers_for(self.data_dir)
        self.nlp = language()

    def code(self, articles: list[Article], progress: Callable[[int], None] | None = None) -> list[Event]:
        events: list[Event] = []
        texts = (a.text for a in articles)
        for article, doc in zip(articles, self.nlp.pipe(texts, batch_size=32), strict=True):
            events.extend(self.code_doc(article, doc))
            if progress is not None:
                progress(1)
        return events

    def code_doc(self, article: Article, doc) -> list[Event]:
        analysis = analyse(doc, self.matchers)
        context = ArticleContext(dominant=dominant_state(analysis))
        ref = reference_date(article)
        year = article.published.year if article.published else None
        events: list[Event] = []
        mentions: dict[int, list[PlaceMention]] = {}
        index = 0
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            local = analysis.window(sent.start, sent.end)
            mentions[index] = place_mentions(local, sent.start, sent.end, self.dictionaries.actors)
            countries = tuple((m.token, m.place.country) for m in mentions[index])
            found = code_sentence(local, self.matchers, sent.start, sent.end, year, context, article.article_id, index, countries)
            for event in found:
                event = redate(event, ref)
                events.append(locate(event, mentions[index], self.dictionaries.actors))
            index += 1
        return refine_article(events, mentions)


def run(
    paths: Iterable[Path], coder: Coder | None = None, progress: Callable[[int], None] | None = None, today: date | None = None
) -> tuple[list[Article], list[Event], list[Problem]]:
    """Read, code and corroborate every article under paths."""
    coder = coder or Coder()
    corpus = read_corpus(paths, coder.dictionaries, today)
    events = corroborate(coder.code(corpus.articles, progress))
    articles, events = infer_publication(corpus.articles, events)
    return articles, events, corpus.problems
