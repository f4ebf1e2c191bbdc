"""The corpus manifest, corpus/sources.csv: one row per article file with its metadata.

Reads the CSV (id, file, title, outlet, author, url, published); adds ManifestRow records and
a Problem for every row or field it cannot use. A broken manifest never stops a build.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from geopol.dates import PartialDate, parse_partial_date
from geopol.problems import Problem

COLUMNS = ("id", "file", "title", "outlet", "author", "url", "published")
MANIFEST_NAME = "sources.csv"


@dataclass(frozen=True, slots=True)
class ManifestRow:
    line: int
    article_id: str
    file: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published: PartialDate | None = None


def safe_url(value: str) -> str:
    """Only absolute http(s) addresses become links; javascript: and data: never do."""
    value = value.strip()
    parsed = urlparse(value)
    if parsed.scheme.lower() in ("http", "https") and parsed.netloc and not any(c in value for c in "\"'<> \t\n"):
        return value
    return ""


def read_manifest(corpus: Path, today: date | None = None) -> tuple[dict[str, ManifestRow], list[Problem]]:
    """Rows keyed by file name, and the problems found while reading them."""
    path = corpus / MANIFEST_NAME
    if not path.exists():
        return {}, []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            lines = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        return {}, [Problem("W108", MANIFEST_NAME, str(error))]
    if not lines:
        return {}, []
    header = [h.strip().lower() for h in lines[0]]
    problems = []
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        problems.append(Problem("W106", MANIFEST_NAME, ", ".join(missing)))
    extra = [h for h in header if h and h not in COLUMNS]
    if extra:
        problems.append(Problem("W107", MANIFEST_NAME, ", ".join(extra)))
    rows: dict[str, ManifestRow] = {}
    seen_ids: set[str] = set()
    for number, cells in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        record = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        row, row_problems = parse_row(number, record, corpus, today or date.today(), seen_ids)
        problems.extend(row_problems)
        if row is not None:
            rows[row.file] = row
            seen_ids.add(row.article_id)
    return rows, problems


def parse_row(
    number: int, record: dict[str, str], corpus: Path, today: date, seen_ids: set[str]
) -> tuple[ManifestRow | None, list[Problem]]:
    line = str(number)
    file = Path(record.get("file", "")).name  # a manifest never points outside the corpus
    if not file:
        return None, [Problem("W109", line)]
    if not (corpus / file).exists():
        return None, [Problem("W101", line, file)]
    article_id = record.get("id") or Path(file).stem
    if article_id in seen_ids:
        return None, [Problem("W103", line, article_id)]
    problems = []
    url = safe_url(record.get("url", ""))
    if record.get("url") and not url:
        problems.append(Problem("W104", line, record["url"]))
    published = None
    raw_date = record.get("published", "")
    if raw_date:
        published = parse_partial_date(raw_date)
        if published is None:
            problems.append(Problem("W102", line, raw_date))
        elif published.value > today:
            problems.append(Problem("W105", line, raw_date))
            published = None
    return ManifestRow(
        number, article_id, file, record.get("title", ""), record.get("outlet", ""), record.get("author", ""), url, published
    ), problems
