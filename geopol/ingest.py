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
from datetime import date
from pathlib import Path

import justext
import trafilatura
import yaml

from geopol.dictionaries import BoilerplateRule
from geopol.problems import Problem

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
MAX_BYTES = 5 * 1024 * 1024  # an article is a few kB, a saved page with its scripts a few MB
MAX_TEXT_CHARS = 100_000  # about 15,000 words: past that, coding one text takes too long
MAX_FRONT_MATTER = 16 * 1024
MAX_HEADER_DATE_LINE = 80  # a date standing alone in a page header is short
MIN_JUSTEXT_PARAGRAPHS = 6  # fewer lines than this is a snippet, not a page: keep it whole
BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b")
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
FRONT_MATTER_FIELDS = ("title", "url", "published", "date", "outlet", "author")
# a plain header of such fields without the YAML fences: "title: ...", "published: ...", a blank line
HEADER_FIELD = "|".join(FRONT_MATTER_FIELDS)
PLAIN_HEADER = re.compile(rf"\A((?:[ \t]*(?:{HEADER_FIELD})[ \t]*:[^\n]*\n){{2,8}})[ \t]*\n", re.I)
# Control characters other than tab, line feed, carriage return and form feed: never part of
# an article, and some (NUL, ESC) break terminals, CSV readers or the database.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
SAFE_ID = re.compile(r"[^\w.-]+")


@dataclass(frozen=True, slots=True)
class RawArticle:
    """A decoded file before cleaning, with what its front matter says."""

    path: Path
    text: str
    kind: str  # text | markdown | html
    encoding: str
    metadata: dict[str, str]
    notes: tuple[Problem, ...] = ()  # how the file was read (encoding, characters removed)


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    dropped_lines: tuple[str, ...]  # furniture before the first kept paragraph (for header dates)
    title: str
    page_date: str = ""  # the publication date a web page's metadata gives (YYYY-MM-DD)


def inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return False
    return True


def display_name(path: Path) -> str:
    """The file name as text: bytes that are not UTF-8 become U+FFFD, so the name can be
    printed and stored (a file name on Linux is bytes, not text)."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def article_id(stem: str) -> str:
    """A file stem as an id: letters, digits, '-', '_' and '.', nothing a shell, a URL or the
    ';'-separated article_ids column would read as syntax."""
    return SAFE_ID.sub("_", stem).strip("_.") or "article"


def decode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding): BOMs first, then UTF-8, then the Windows and Latin-1 code pages.
    UTF-8 with a few broken bytes stays UTF-8 (they become U+FFFD) rather than turning every
    accented letter of the file into mojibake."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd")
    if broken * 100 <= len(text) and any(ord(c) > 127 and c != "\ufffd" for c in text):
        return text, f"utf-8 ({broken} undecodable byte(s) replaced)"
    for encoding in ("cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM: one byte of each pair is almost always NUL."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def binary_reason(data: bytes) -> str:
    """Why bytes are not text, or "" when they look like text. A few stray NUL bytes in a
    text file do not make it binary; they are removed after decoding."""
    if data.startswith(BINARY_MAGIC):
        return "file signature of an image, archive or executable"
    if data.startswith(tuple(bom for bom, _ in BOMS)) or utf16_without_bom(data):
        return ""
    sample = data[:65536]
    if sample.count(0) > max(16, len(sample) // 100):
        return "NUL bytes"
    controls = sum(1 for b in sample if b < 32 and b not in (0, 9, 10, 12, 13))
    if controls > max(16, len(sample) // 20):
        return "control bytes"
    return ""


def read_article_file(path: Path, corpus: Path, max_bytes: int = MAX_BYTES) -> RawArticle | Problem:
    """Decode one file, or say why it is skipped."""
    name = display_name(path)
    if path.name.startswith("."):
        return Problem("W011", name)
    if path.is_symlink() and not inside(path, corpus):
        return Problem("W007", name)
    try:
        if path.is_dir():
            return Problem("W010", name, "a folder")
        if not path.is_file():  # a pipe or a device would block or never end
            return Problem("W010", name, "not a regular file")
        kind = TEXT_SUFFIXES.get(path.suffix.lower())
        if kind is None:
            return Problem("W006", name, printable_suffix(path))
        size = path.stat().st_size
        if size > max_bytes:
            return Problem("W004", name, f"{megabytes(size)}, over the {megabytes(max_bytes)} limit")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may grow after stat()
    except OSError as error:
        return Problem("W008", name, error.strerror or type(error).__name__)
    if len(data) > max_bytes:
        return Problem("W004", name, f"over the {megabytes(max_bytes)} limit")
    if not data:
        return Problem("W001", name)
    reason = binary_reason(data)
    if reason:
        return Problem("W002", name, reason)
    encoding = None if data.startswith(tuple(bom for bom, _ in BOMS)) else utf16_without_bom(data)
    decoded = (data.decode(encoding, "replace"), encoding) if encoding else decode(data)
    if decoded is None:
        return Problem("W003", name, "not UTF-8, UTF-16, UTF-32, cp1252 or Latin-1")
    text, encoding = decoded
    notes: list[Problem] = []
    if encoding not in ("utf-8", "utf-8-sig"):
        notes.append(Problem("I001", name, encoding))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    removed = CONTROLS.findall(text)
    if removed:
        text = CONTROLS.sub("", text)
        nul = removed.count("\x00")
        what = [f"{nul} NUL byte(s)"] if nul else []
        what += [f"{len(removed) - nul} control character(s)"] if len(removed) > nul else []
        notes.append(Problem("I002", name, " and ".join(what)))
    if not text.strip():
        return Problem("W009", name)
    if kind != "html" and len(text) > 2 * MAX_TEXT_CHARS:  # cleaning cannot bring it under the limit
        return Problem("W012", name, f"{len(text)} characters, over the {MAX_TEXT_CHARS} limit")
    text, metadata = split_front_matter(text)
    return RawArticle(path, text, kind, encoding, metadata, tuple(notes))


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def printable_suffix(path: Path) -> str:
    return display_name(path)[len(path.stem) :] if path.suffix else "(none)"


def split_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """YAML front matter (title, url, published, outlet, author) at the top of a file, fenced
    by "---" lines or as two or more such lines before a blank one. Only plain values count:
    a list or mapping (or an alias bomb built from them) is ignored."""
    fenced = FRONT_MATTER.match(text)
    plain = None if fenced else PLAIN_HEADER.match(text)
    match = fenced or plain
    if not match or len(match.group(1)) > MAX_FRONT_MATTER:
        return text, {}
    try:
        lines = (line.split(":", 1) for line in match.group(1).splitlines())
        data = {k.strip(): v.strip().strip('"').strip("'") for k, v in lines} if plain else yaml.safe_load(match.group(1))
    except (yaml.YAMLError, RecursionError, ValueError):
        return text, {}
    if not isinstance(data, dict):
        return text, {}
    fields = {
        str(k).lower(): str(v).strip()
        for k, v in data.items()
        if isinstance(v, str | int | float | date) and not isinstance(v, bool) and str(k).lower() in FRONT_MATTER_FIELDS
    }
    if "date" in fields and "published" not in fields:
        fields["published"] = fields.pop("date")
    fields.pop("date", None)
    return text[match.end() :], fields


LINK_TARGET = r"\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)"  # (address), with "(...)" inside as in "alert(1)"
# Every span is bounded: an unbounded [^\]]* rescans a long line from each "[" (quadratic).
MARKDOWN_RULES = (
    (re.compile(rf"!\[([^\]\n]{{0,500}})\]{LINK_TARGET}"), ""),  # images
    (re.compile(rf"\[([^\]\n]{{1,500}})\]{LINK_TARGET}"), r"\1"),  # links keep their words, lose the address
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*", re.M), ""),  # headings
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),  # quotes
    (re.compile(r"^[ \t]*([-*_][ \t]*){3,}$", re.M), ""),  # rules
    (re.compile(r"(\*\*|__)([^\n]{1,1000}?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])[*_](?!\s)([^\n]{1,1000}?)(?<!\s)[*_](?![\w*])"), r"\1"),  # italics
    (re.compile(r"`([^`\n]{0,1000})`"), r"\1"),  # code
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
    page_date = ""
    if extracted is not None:
        data = extracted if isinstance(extracted, dict) else extracted.as_dict()
        body = data.get("text") or ""
        title = data.get("title") or ""
        page_date = data.get("date") or ""
    if not body.strip():
        paragraphs = justext.justext(page.encode("utf-8", "replace"), justext.get_stoplist("English"))
        body = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    cleaned = clean_lines(body.split("\n"), rules)
    return CleanText(cleaned.text, cleaned.dropped_lines, title or cleaned.title, page_date)


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


FUNCTION_WORDS = frozenset(
    "the a an of to in on at for with by from and that as its their his her was were has have is are".split()
)


def is_sentence(line: str) -> bool:
    """A sentence of running prose: eight words or more, function words among them, a full
    stop at the end. Teaser titles and menu items have none of these."""
    words = line.split()
    return len(words) >= 8 and line.rstrip()[-1:] in ".!?\"”’'" and sum(w.lower() in FUNCTION_WORDS for w in words) >= 2


def clean_lines(lines: list[str], rules: tuple[BoilerplateRule, ...]) -> CleanText:
    keep = apply_rules(lines, rules)
    candidates = [(i, lines[i].strip()) for i in range(len(lines)) if keep[i]]
    if len(candidates) >= MIN_JUSTEXT_PARAGRAPHS:
        page = "".join(f"<p>{html.escape(text)}</p>" for _, text in candidates)
        verdicts = justext.justext(page.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
        good = {i for (i, _), p in zip(candidates, verdicts, strict=False) if not p.is_boilerplate}
        # jusText judges one-sentence paragraphs too short; news is full of them
        good |= {i for i, text in candidates if is_sentence(text)}
        if good:
            keep = [k and i in good for i, k in enumerate(keep)]
    kept = [" ".join(lines[i].split()) for i in range(len(lines)) if keep[i]]  # runs of spaces would be tokens
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
