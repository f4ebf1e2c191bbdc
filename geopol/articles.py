"""Articles from files: decode, clean, metadata, publication date, a safe and unique id.

Reads corpus folders or files and their manifests; adds Article records and one Problem per
skipped file or ignored manifest row. Nothing here loads spaCy: a build's driver reads and
hashes files with it, the workers clean and code them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from geopol import dates
from geopol.dates import PartialDate
from geopol.dictionaries import Dictionaries
from geopol.ingest import MAX_HEADER_DATE_LINE, MAX_TEXT_CHARS, RawArticle, clean, display_name, read_article_file
from geopol.ingest import article_id as safe_id
from geopol.manifest import MANIFEST_NAME, ManifestRow, check_date, read_manifest, safe_url
from geopol.problems import Problem
from geopol.records import Article


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
        row = manifests[folder].get(path.name)
        article, found = article_or_problem(raw, row, dictionaries, today)
        corpus.problems.extend(found)
        if article is None:
            continue
        name = display_name(path)
        if row is None and folder in has_manifest:
            corpus.problems.append(Problem("I003", name))
        unique = unique_id(article.article_id, ids)
        if unique != article.article_id:
            corpus.problems.append(Problem("I004", name, unique))
            article = replace(article, article_id=unique)
        corpus.articles.append(article)
    return corpus


def unique_id(wanted: str, taken: set[str]) -> str:
    """The id as safe characters, with -2, -3 ... when an earlier article has it; now taken."""
    unique = base = safe_id(wanted)
    n = 2
    while unique in taken:
        unique = f"{base}-{n}"
        n += 1
    taken.add(unique)
    return unique


def article_or_problem(
    raw: RawArticle, row: ManifestRow | None, dictionaries: Dictionaries, today: date | None = None
) -> tuple[Article | None, list[Problem]]:
    """The article of a decoded file with the notes on how it was read, or None and the
    problem that skips it. One page that breaks the HTML parser never stops the others."""
    name = display_name(raw.path)
    found: list[Problem] = []
    try:
        article = make_article(raw, row, dictionaries, today, found)
    except Exception as error:
        return None, [Problem("W013", name, f"{type(error).__name__}: {error}")]
    if not article.text.strip():
        return None, [Problem("W005", name)]
    if len(article.text) > MAX_TEXT_CHARS:
        return None, [Problem("W012", name, f"{len(article.text)} characters, over the {MAX_TEXT_CHARS} limit")]
    return article, [*raw.notes, *found]


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
