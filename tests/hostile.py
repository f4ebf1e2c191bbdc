"""Hostile and broken input, made at run time: bad article files, a bad manifest, a store."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

from geopol.records import Article

GOOD = "Niger expelled the French ambassador on Monday."
# A sentence the coder turns into an event, whatever the rest of the file holds.
EVENT = "Russia sent 200 troops to Niamey on 3 May 2024."


def png() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")
    )


def write_text_file(path: Path, megabytes: int) -> None:
    """A plain text file of the given size, written in blocks."""
    block = (EVENT + " ") * 1000
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(megabytes * 1024 * 1024 // len(block) + 1):
            handle.write(block)


SCRIPT_PAGE = (
    "<html><head><title>Niger</title><style>body { color: red } .ad { display: none }</style>"
    "<script>var tracker = 'Russia sent 9999 troops to Niamey';" + "var x = 1;" * 2000 + "</script></head>"
    "<body><script>document.write('France withdrew from Agadez')</script>"
    f"<article><p>{GOOD}</p></article><style>p {{ margin: 0 }}</style>"
    "<script>alert(1)</script></body></html>"
)
# Each skipped file, and the code that must name it.
SKIPPED = {
    "empty.txt": "W001",
    "whitespace.txt": "W009",
    "picture.txt": "W002",
    "huge.txt": "W004",
    "only-scripts.html": "W005",
    "outside.txt": "W007",
    "notes.pdf": "W006",
    "folder": "W010",
    ".hidden.txt": "W011",
}
# Each file that must be coded, with words its article text must hold.
CODED = {
    "latin1.txt": "Le général Tchiani a reçu l'ambassadeur à Niamey.",
    "cp1252.txt": "Niger’s junta “expelled” the French ambassador — on Monday.",
    "utf16.txt": GOOD,
    "crlf.txt": "ambassador on Monday.",
    "nul.txt": GOOD,
    "scripts.html": GOOD,
    "with space ünïcode $(touch pwned); `touch pwned2` & name.txt": GOOD,
    "listed.txt": GOOD,
}
MANIFEST = (
    "id,file,title,url,published,colour\n"  # no outlet or author column; an unknown one
    "listed,listed.txt,Listed,javascript:alert(1),2999-01-01,red\n"
    "listed,cp1252.txt,Duplicate id,,,\n"
    "ghost,ghost.txt,A row whose file does not exist,,,\n"
    "latin,latin1.txt,,https://example.org/a,2024-02-30,\n"
    "crlf,crlf.txt,,,last spring,\n"
)
# Each ignored manifest row (line number), and the code that must name it.
IGNORED_ROWS = {"3": "W103", "4": "W101"}


def write_hostile_corpus(folder: Path, outside: Path) -> None:
    """Every bad file of the issue next to good ones, and a manifest with every bad row."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "whitespace.txt").write_bytes(b" \n\t\r\n  \n")
    (folder / "picture.txt").write_bytes(png())
    write_text_file(folder / "huge.txt", 50)
    (folder / "only-scripts.html").write_text(
        "<html><head><script>alert(1)</script><style>p{}</style></head><body><script>x()</script></body></html>"
    )
    outside.write_text(GOOD)
    os.symlink(outside, folder / "outside.txt")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "folder").mkdir()
    (folder / ".hidden.txt").write_text(GOOD)
    (folder / "latin1.txt").write_bytes((CODED["latin1.txt"] + " " + GOOD).encode("latin-1"))
    (folder / "cp1252.txt").write_bytes(CODED["cp1252.txt"].encode("cp1252"))
    (folder / "utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (folder / "crlf.txt").write_bytes(b"Niger expelled the French\r\nambassador on Monday.\rNo more.\n")
    (folder / "nul.txt").write_bytes(GOOD.replace("French ", "French\x00 ").encode())
    (folder / "scripts.html").write_text(SCRIPT_PAGE)
    (folder / "with space ünïcode $(touch pwned); `touch pwned2` & name.txt").write_text(GOOD)
    (folder / "listed.txt").write_text(GOOD)
    (folder / "sources.csv").write_text(MANIFEST)


def articles(*texts: str) -> list[Article]:
    return [Article(f"a{i}", f"a{i}.txt", text) for i, text in enumerate(texts)]


def write_event_corpus(folder: Path, n: int) -> None:
    """n short articles that each code into events."""
    folder.mkdir(parents=True, exist_ok=True)
    states = ["Russia", "France", "Mali", "Iran", "Algeria", "Chad", "Turkey", "China"]
    for i in range(n):
        a, b = states[i % 8], states[(i * 3 + 1) % 8]
        text = f"{a} sent {100 + i} troops to Niamey on {1 + i % 28} May 2024. Niger signed a defence agreement with {b}."
        (folder / f"a{i:03d}.txt").write_text(text)
