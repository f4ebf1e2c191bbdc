"""The pipeline from files to corroborated events: ingest -> nlp -> code -> dates -> geocode
-> corroborate. Publication dates missing from the manifest come from a dateline, a date in
the page header, or, failing both, from the dated reports an article corroborates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from geopol import dates
from geopol.component import ARTICLE_KEY, EventCoder, redate
from geopol.corroborate import corroborate
from geopol.dates import PartialDate
from geopol.dictionaries import Dictionaries, cached_dictionaries
from geopol.ingest import MAX_HEADER_DATE_LINE, MAX_TEXT_CHARS, RawArticle, clean, display_name, read_article_file
from geopol.ingest import article_id as safe_id
from geopol.manifest import MANIFEST_NAME, ManifestRow, check_date, read_manifest, safe_url
from geopol.nlp import preprocessor
from geopol.paths import DATA_DIR, MODEL_DIR
from geopol.problems import Problem
from geopol.records import Article, Event


@dataclass
class Corpus:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def corpus_files(paths: Iterable[Path]) -> list[tuple[Path, Path]]:
    """(entry, its folder) for every entry of the given folders but the manifest, and every
    file given: each one is either read or skipped with its own line, never left out silently."""
    found = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.iterdir(), key=lambda p: p.name):
                if child.name != MANIFEST_NAME:
                    found.append((child, path))
        else:
            found.append((path, path.parent))
    return found


def read_corpus(paths: Iterable[Path], dictionaries: Dictionaries, today: date | None = None) -> Corpus:
    """Every readable article, and one Problem per skipped file or ignored manifest row (plus
    notes on how a file was read). One bad file never stops the others."""
    corpus = Corpus()
    manifests: dict[Path, dict[str, ManifestRow]] = {}
    has_manifest: set[Path] = set()
    ids: set[str] = set()
    for path, folder in corpus_files(paths):
        if folder not in manifests:
            manifests[folder], problems = read_manifest(folder, today)
            corpus.problems.extend(problems)
            if (folder / MANIFEST_NAME).exists():
                has_manifest.add(folder)
        raw = read_article_file(path, folder)
        if isinstance(raw, Problem):
            corpus.problems.append(raw)
            continue
        name = display_name(path)
        row = manifests[folder].get(path.name)
        found: list[Problem] = []
        try:
            article = make_article(raw, row, dictionaries, today, found)
        except Exception as error:  # one page that breaks the HTML parser must not stop the build
            corpus.problems.append(Problem("W013", name, f"{type(error).__name__}: {error}"))
            continue
        if not article.text.strip():
            corpus.problems.append(Problem("W005", name))
            continue
        if len(article.text) > MAX_TEXT_CHARS:
            corpus.problems.append(Problem("W012", name, f"{len(article.text)} characters, over the {MAX_TEXT_CHARS} limit"))
            continue
        corpus.problems.extend(raw.notes)
        corpus.problems.extend(found)
        if row is None and folder in has_manifest:
            corpus.problems.append(Problem("I003", name))
        wanted = article.article_id
        unique = base = safe_id(wanted)
        n = 2
        while unique in ids:
            unique = f"{base}-{n}"
            n += 1
        if unique != wanted:
            corpus.problems.append(Problem("I004", name, unique))
            article = replace(article, article_id=unique)
        ids.add(unique)
        corpus.articles.append(article)
    return corpus


def make_article(
    raw: RawArticle,
    row: ManifestRow | None,
    dictionaries: Dictionaries,
    today: date | None = None,
    problems: list[Problem] | None = None,
) -> Article:
    """An Article from a decoded file and its manifest row; front matter fills what the row
    leaves empty. Problems with the front matter are appended to problems."""
    found = problems if problems is not None else []
    name = display_name(raw.path)
    cleaned = clean(raw, dictionaries.boilerplate)
    meta = raw.metadata
    manifest_date = row.published if row else None
    front_date = None
    if meta.get("published") and manifest_date is None:
        front_date, code = check_date(meta["published"], today or date.today())
        if code:
            found.append(Problem("W115" if code == "W105" else "W114", name, meta["published"]))
    url = row.url if row else ""
    if not url and meta.get("url"):
        url = safe_url(meta["url"])
        if not url:
            found.append(Problem("W113", name, meta["url"]))
    published, method = publication_date(manifest_date or front_date, cleaned.text, cleaned.dropped_lines, cleaned.page_date)
    if manifest_date is None and front_date is not None and method == "manifest":
        method = "front matter"
    return Article(
        article_id=row.article_id if row else raw.path.stem,
        file=name,
        text=cleaned.text,
        title=(row.title if row and row.title else meta.get("title", "")) or cleaned.title,
        outlet=(row.outlet if row else "") or meta.get("outlet", ""),
        author=(row.author if row else "") or meta.get("author", ""),
        url=url,
        published=published.value if published else None,
        published_precision=published.precision if published else "",
        published_method=method,
    )


def publication_date(
    given: PartialDate | None, text: str, header_lines: tuple[str, ...], page_date: str = ""
) -> tuple[PartialDate | None, str]:
    """A full date given wins; else a dateline ("Niamey, May 15 (RHC)--") completed by the
    year given, or by the latest year the text writes out; else the date a web page's
    metadata gives; else a date standing alone in the page header; else what was given."""
    if given is not None and given.precision == "day":
        return given, "manifest"
    match = dates.DATELINE.match(text)
    if match:
        filed = dateline_date(match, given, text)
        if filed is not None:
            return filed
    meta = dates.parse_partial_date(page_date[:10]) if page_date else None
    if meta is not None and meta.precision == "day":
        return meta, "page metadata"
    for line in reversed(header_lines):
        if len(line) > MAX_HEADER_DATE_LINE:
            continue
        found = [m for m in dates.find_dates(line) if m.kind in ("iso", "month_day_year", "day_month_year")]
        if found and len(found[0].text) >= len(line.strip(" ,.|")) - 12:
            resolved = dates.resolve(found[0], None)
            if resolved is not None:
                return PartialDate(resolved.value, "day"), "header"
    return (given, "manifest") if given else (None, "")


def dateline_date(match: re.Match[str], given: PartialDate | None, text: str) -> tuple[PartialDate, str] | None:
    """The day of a dateline; without a year, the year given, else the first year that puts
    it after every dated thing the text mentions ("June 17" after "August 2022": 2023)."""
    month, day = dates.month_number(match.group("month")), int(match.group("day"))
    method = "dateline"
    if match.group("year"):
        year = int(match.group("year"))
    elif given is not None:
        year = given.value.year
    else:
        latest = dates.latest_absolute(text)
        if latest is None:
            return None
        year = latest.year if (month, day) >= (latest.month, latest.day) else latest.year + 1
        method = "dateline, year inferred"
    try:
        return PartialDate(date(year, month, day), "day"), method
    except ValueError:
        return None


@dataclass
class Coder:
    """The loaded dictionaries, model and coder component; codes articles into events."""

    data_dir: Path = DATA_DIR
    model_dir: Path = MODEL_DIR

    def __post_init__(self) -> None:
        self.dictionaries = cached_dictionaries(self.data_dir)
        self.nlp = preprocessor()
        self.component = EventCoder(self.data_dir, self.model_dir)

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


def infer_publication(articles: list[Article], events: list[Event]) -> tuple[list[Article], list[Event]]:
    """An article without a date was published after the latest dated event it shares with
    other articles, or failing that after the latest date it writes out. Give it that month,
    re-read its relative dates, and corroborate again."""
    undated = {a.article_id for a in articles if a.published is None}
    by_cluster: dict[str, list[Event]] = {}
    for event in events:
        by_cluster.setdefault(event.event_id, []).append(event)
    latest: dict[str, date] = {}
    for members in by_cluster.values():
        dated_by = {e.article_id for e in members if e.article_id not in undated}
        when = members[0].date
        if when is None or when.basis != "text" or not dated_by:
            continue
        for member in members:
            if member.article_id in undated:
                latest[member.article_id] = max(latest.get(member.article_id, when.value), when.value)
    methods = dict.fromkeys(latest, "inferred")
    for article in articles:
        written = (
            dates.latest_absolute(article.text) if article.article_id in undated and article.article_id not in latest else None
        )
        if written is not None:
            latest[article.article_id], methods[article.article_id] = written, "latest date in text"
    if not latest:
        return articles, events
    changed = {article_id: PartialDate(day.replace(day=1), "month") for article_id, day in latest.items()}
    updated = [
        replace(a, published=changed[a.article_id].value, published_precision="month", published_method=methods[a.article_id])
        if a.article_id in changed
        else a
        for a in articles
    ]
    redated = [redate(e, changed[e.article_id]) if e.article_id in changed else e for e in events]
    return updated, corroborate(redated)


def run(
    paths: Iterable[Path], coder: Coder | None = None, progress: Callable[[int], None] | None = None, today: date | None = None
) -> tuple[list[Article], list[Event], list[Problem]]:
    """Read, code and corroborate every article under paths."""
    coder = coder or Coder()
    corpus = read_corpus(paths, coder.dictionaries, today)
    events = corroborate(coder.code(corpus.articles, progress))
    articles, events = infer_publication(corpus.articles, events)
    return articles, events, corpus.problems
