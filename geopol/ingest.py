"""Read article files: bytes -> text -> clean article text without site furniture.

Reads .txt, .md and .html files (any common encoding) and the corpus manifest; adds Article
records with clean text and metadata, and Problems for every file or row it had to skip.
HTML goes through trafilatura; plain text and Markdown through our boilerplate rules and
jusText's paragraph classifier.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass
from pathlib import Path

import justext
import trafilatura
import yaml

from geopol.dictionaries import BoilerplateRule
from geopol.problems import Problem

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
MAX_BYTES = 5 * 1024 * 1024  # an article is a few kB; anything past 5 MB is not one
MIN_JUSTEXT_PARAGRAPHS = 6  # fewer lines than this is a snippet, not a page: keep it whole
BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b")
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


@dataclass(frozen=True, slots=True)
class RawArticle:
    """A decoded file before cleaning, with what its front matter says."""

    path: Path
    text: str
    kind: str  # text | markdown | html
    encoding: str
    metadata: dict[str, str]


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    dropped_lines: tuple[str, ...]  # furniture before the first kept paragraph (for header dates)
    title: str


def inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def decode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding): BOMs first, then UTF-8, then the Windows and Latin-1 code pages."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def binary_reason(data: bytes) -> str:
    """Why bytes are not text, or "" when they look like text."""
    if data.startswith(BINARY_MAGIC):
        return "file signature of an image, archive or executable"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ""
    sample = data[:65536]
    nul_share = sample.count(0) / max(1, len(sample))
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 0))
    if nul_share > 0.01 or controls / max(1, len(sample)) > 0.05:
        return "control bytes"
    return ""


def read_article_file(path: Path, corpus: Path, max_bytes: int = MAX_BYTES) -> RawArticle | Problem:
    """Decode one file, or say why it is skipped."""
    name = path.name
    kind = TEXT_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        return Problem("W006", name, path.suffix or "(none)")
    if path.is_symlink() and not inside(path, corpus):
        return Problem("W007", name)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Problem("W004", name, f"{max_bytes // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as error:
        return Problem("W008", name, error.strerror or type(error).__name__)
    if not data.strip():
        return Problem("W001", name)
    reason = binary_reason(data)
    if reason:
        return Problem("W002", name, reason)
    decoded = decode(data)
    if decoded is None:
        return Problem("W003", name, "not UTF-8, UTF-16, cp1252 or Latin-1")
    text, encoding = decoded
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Problem("W001", name)
    text, metadata = split_front_matter(text)
    return RawArticle(path, text, kind, encoding, metadata)


def split_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """YAML front matter (title, url, published, outlet, author) at the top of a file."""
    match = FRONT_MATTER.match(text)
    if not match:
        return text, {}
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return text, {}
    if not isinstance(data, dict):
        return text, {}
    fields = {
        str(k).lower(): str(v)
        for k, v in data.items()
        if v is not None and str(k).lower() in ("title", "url", "published", "date", "outlet", "author")
    }
    if "date" in fields and "published" not in fields:
        fields["published"] = fields.pop("date")
    return text[match.end() :], fields


MARKDOWN_RULES = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their words, lose the address
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.M), ""),  # headings
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # quotes
    (re.compile(r"^\s*([-*_]\s*){3,}$", re.M), ""),  # rules
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])"), r"\1"),  # italics
    (re.compile(r"`([^`]*)`"), r"\1"),  # code
)


def markdown_to_text(text: str) -> str:
    for pattern, replacement in MARKDOWN_RULES:
        text = pattern.sub(replacement, text)
    return text


def clean(raw: RawArticle, rules: tuple[BoilerplateRule, ...]) -> CleanText:
    """Article text with menus, teasers, comment forms and footers removed."""
    if raw.kind == "html":
        return clean_html(raw.text, rules)
    text = markdown_to_text(raw.text) if raw.kind == "markdown" else raw.text
    return clean_lines(text.split("\n"), rules)


def clean_html(page: str, rules: tuple[BoilerplateRule, ...]) -> CleanText:
    extracted = trafilatura.bare_extraction(page, include_comments=False, include_tables=False, with_metadata=True)
    body = ""
    title = ""
    if extracted is not None:
        data = extracted if isinstance(extracted, dict) else extracted.as_dict()
        body = data.get("text") or ""
        title = data.get("title") or ""
    if not body.strip():
        paragraphs = justext.justext(page.encode("utf-8", "replace"), justext.get_stoplist("English"))
        body = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    cleaned = clean_lines(body.split("\n"), rules)
    return CleanText(cleaned.text, cleaned.dropped_lines, title or cleaned.title)


def apply_rules(lines: list[str], rules: tuple[BoilerplateRule, ...]) -> list[bool]:
    """keep[i] for each line after the boilerplate rules of data/boilerplate.csv."""
    keep = [bool(line.strip()) for line in lines]
    in_block = False
    for i, line in enumerate(lines):
        stripped = line.strip().lstrip("•·-* ").strip()
        if not stripped:
            continue
        rule = next((r for r in rules if r.pattern.fullmatch(stripped)), None)
        if rule is not None:
            keep[i] = False
            if rule.action == "drop_rest":
                keep[i:] = [False] * (len(lines) - i)
                break
            in_block = rule.action == "drop_block"
            continue
        if in_block and is_prose(stripped):
            in_block = False
        if in_block:
            keep[i] = False
    return keep


def is_prose(line: str) -> bool:
    """A paragraph of running text rather than a teaser title or a menu item."""
    return len(line.split()) >= 12 and line.rstrip()[-1:] in ".!?\"”’'" and not line.isupper()


def clean_lines(lines: list[str], rules: tuple[BoilerplateRule, ...]) -> CleanText:
    keep = apply_rules(lines, rules)
    candidates = [(i, lines[i].strip()) for i in range(len(lines)) if keep[i]]
    if len(candidates) >= MIN_JUSTEXT_PARAGRAPHS:
        page = "".join(f"<p>{html.escape(text)}</p>" for _, text in candidates)
        verdicts = justext.justext(page.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
        good = {i for (i, _), p in zip(candidates, verdicts, strict=False) if not p.is_boilerplate}
        if good:
            keep = [k and i in good for i, k in enumerate(keep)]
    kept = [lines[i].strip() for i in range(len(lines)) if keep[i]]
    first_kept = next((i for i in range(len(lines)) if keep[i]), len(lines))
    dropped = tuple(line.strip() for line in lines[:first_kept] if line.strip())
    return CleanText("\n\n".join(kept), dropped, guess_title(dropped, kept))


def guess_title(dropped: tuple[str, ...], kept: list[str]) -> str:
    """The last heading-like line before the body, or the start of the first paragraph."""
    for line in reversed(dropped):
        words = line.split()
        if 4 <= len(words) <= 20 and not re.search(r"\d{4}$", line) and line[-1:] not in ".:":
            return line.strip("*# ")
    if kept:
        first = kept[0]
        return first if len(first) <= 100 else first[:97].rsplit(" ", 1)[0] + "…"
    return ""
