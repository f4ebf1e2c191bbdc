"""First run: build the store from the corpus when it is missing or older than the corpus.

Reads the corpus folder's files and the store file's modification time; writes the store with
geopol (pipeline.run, then store.save, which swaps the new file in atomically). Progress is
reported through a callback, so the app can show a bar and tests can run it without Streamlit.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from geopol.problems import Problem

if TYPE_CHECKING:
    from geopol.pipeline import Coder

Progress = Callable[[float, str], None]


def newest_input(corpus: Path) -> float:
    """The latest modification time of the corpus folder and everything directly in it."""
    if not corpus.exists():
        return 0.0
    newest = corpus.stat().st_mtime
    with os.scandir(corpus) as entries:
        for entry in entries:
            try:
                newest = max(newest, entry.stat().st_mtime)
            except OSError:
                continue  # a file removed while we looked is no reason to rebuild
    return newest


def is_stale(store: Path, corpus: Path) -> bool:
    if not store.exists():
        return True
    return store.stat().st_mtime < newest_input(corpus)


def writable_store(store: Path) -> Path:
    """The store path, or one in the system's temporary folder when the checkout is read-only."""
    folder = store.parent
    if (folder.exists() and os.access(folder, os.W_OK)) or (not folder.exists() and os.access(folder.parent, os.W_OK)):
        return store
    return Path(tempfile.gettempdir()) / "geopol" / store.name


def build(store: Path, corpus: Path, coder: Coder | None = None, progress: Progress | None = None) -> list[Problem]:
    """Code every article of the corpus and write the store; returns the skipped-file problems."""
    from geopol import pipeline  # spaCy loads in a second or two: only when there is something to code
    from geopol.store import save

    report = progress or (lambda share, text: None)
    report(0.02, "Loading the dictionaries and the language model…")
    coder = coder or pipeline.Coder()
    files = pipeline.corpus_files([corpus])
    total = max(1, len(files))
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        report(0.1 + 0.8 * min(done, total) / total, f"Coding articles: {done} of {len(files)}")

    report(0.1, f"Coding {len(files)} articles…")
    articles, events, problems = pipeline.run([corpus], coder, progress=step)
    report(0.92, "Writing the event store…")
    store.parent.mkdir(parents=True, exist_ok=True)
    problems = [*problems, *save(store, articles, events, coder.dictionaries.actors, problems)]
    report(1.0, f"Built the store: {len(articles)} articles, {len({e.event_id for e in events})} events.")
    return problems
