"""The corpus manifest, corpus/sources.csv: one row per article file with its metadata.

Reads the CSV (id, file, title, outlet, author, url, published); adds ManifestRow records and
a Problem for every row or field it cannot use. A broken manifest never stops a build.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geopol.dates import PartialDate, parse_partial_date
from geopol.ingest import CONTROLS, binary_reason, decode, inside
from geopol.problems import Problem
from geopol.urls import safe_url

COLUMNS = ("id", "file", "title", "outlet", "author", "url", "published")
MANIFEST_NAME = "sources.csv"
MAX_MANIFEST_BYTES = 5 * 1024 * 1024
MAX_DATE_TEXT = 40  # "Wednesday, 27 March 2024, 10:15 GMT" fits; longer is not a date
ID = re.compile(r"[\w.-]{1,100}")


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


def read_date(text: str) -> PartialDate | None:
    """A manifest or front-matter date, or None when it cannot be read."""
    if len(text) > MAX_DATE_TEXT:
        return None
    try:
        return parse_partial_date(text)
    except (ValueError, OverflowError, TypeError, AttributeError):  # free-text parsing of odd input
        return None


def read_manifest(corpus: Path, today: date | None = None) -> tuple[dict[str, ManifestRow], list[Problem]]:
    """Rows keyed by file name, and the problems found while reading them."""
    path = corpus / MANIFEST_NAME
    if not path.exists() and not path.is_symlink():
        return {}, []
    if not inside(path, corpus):
        return {}, [Problem("W108", MANIFEST_NAME, "it links outside the corpus folder")]
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            return {}, [Problem("W108", MANIFEST_NAME, f"larger than {MAX_MANIFEST_BYTES // (1024 * 1024)} MB")]
        data = path.read_bytes()
        if binary_reason(data):
            return {}, [Problem("W108", MANIFEST_NAME, f"binary content, {binary_reason(data)}")]
        decoded = decode(data)
        if decoded is None:
            return {}, [Problem("W108", MANIFEST_NAME, "cannot decode the text")]
        text = CONTROLS.sub("", decoded[0].replace("\r\n", "\n").replace("\r", "\n"))
        reader = csv.reader(io.StringIO(text))
        records = [(reader.line_num, cells) for cells in reader]
    except (OSError, csv.Error) as error:
        return {}, [Problem("W108", MANIFEST_NAME, str(error))]
    if not records:
        return {}, []
    header = [h.strip().lower() for h in records[0][1]]
    problems = []
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        problems.append(Problem("W106", MANIFEST_NAME, ", ".join(missing)))
    ignored = [h for i, h in enumerate(header) if h and (h not in COLUMNS or h in header[:i])]
    if ignored:
        problems.append(Problem("W107", MANIFEST_NAME, ", ".join(ignored)))
    positions = {h: header.index(h) for h in COLUMNS if h in header}  # the first of repeated columns
    rows: dict[str, ManifestRow] = {}
    seen_ids: set[str] = set()
    for number, cells in records[1:]:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            problems.append(Problem("W112", str(number), f"{len(cells)} fields where the header has {len(header)}"))
            continue
        record = {h: (cells[i].strip() if i < len(cells) else "") for h, i in positions.items()}
        row, row_problems = parse_row(number, record, corpus, today or date.today(), seen_ids)
        if row is not None and row.file in rows:
            problems.append(Problem("W110", str(number), row.file))
            continue
        problems.extend(row_problems)
        if row is not None:
            rows[row.file] = row
            seen_ids.add(row.article_id)
    return rows, problems


def parse_row(
    number: int, record: dict[str, str], corpus: Path, today: date, seen_ids: set[str]
) -> tuple[ManifestRow | None, list[Problem]]:
    line = str(number)
    given = record.get("file", "")
    file = Path(given).name  # a manifest never points outside the corpus
    if not file:
        return None, [Problem("W109", line)]
    if file.startswith(".") or not (corpus / file).is_file():
        return None, [Problem("W101", line, given)]
    problems = []
    article_id = record.get("id", "")
    if article_id and not ID.fullmatch(article_id):
        problems.append(Problem("W111", line, article_id))
        article_id = ""
    article_id = article_id or Path(file).stem
    if article_id in seen_ids:
        return None, [Problem("W103", line, article_id)]
    url = safe_url(record.get("url", ""))
    if record.get("url") and not url:
        problems.append(Problem("W104", line, record["url"]))
    published, date_problem = check_date(record.get("published", ""), today)
    if date_problem:
        problems.append(Problem(date_problem, line, record["published"]))
    return ManifestRow(
        number, article_id, file, record.get("title", ""), record.get("outlet", ""), record.get("author", ""), url, published
    ), problems


def check_date(text: str, today: date) -> tuple[PartialDate | None, str]:
    """(date, "") when usable; (None, "W102") when unreadable, (None, "W105") when in the future."""
    if not text:
        return None, ""
    published = read_date(text)
    if published is None:
        return None, "W102"
    if published.value > today:
        return None, "W105"
    return published, ""
