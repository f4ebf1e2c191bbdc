"""Coding on Dask: a local cluster of one process per core, or any cluster by its address.

Reads batches of decoded files; adds their coded Partitions, in the order they finish. Each
worker loads the coder once (a worker plugin) and codes whole batches; the driver sends the
decoded text and gets Parquet back, so neither the corpus nor the cache need be on a disk the
workers share. At most a few batches per worker are in flight, so the driver's memory does not
grow with the corpus.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from geopol.batches import Item, code_batch
from geopol.cache import Partition, coder_version

if TYPE_CHECKING:
    from geopol.pipeline import Coder

PLUGIN = "geopol-coder"
IN_FLIGHT_PER_WORKER = 3  # enough to keep a worker busy while the driver reads the next files


class CoderPlugin(WorkerPlugin):
    """The coder of one worker, loaded once when the worker starts (or joins later)."""

    name = PLUGIN

    def __init__(self, data_dir: Path | None = None, model_dir: Path | None = None) -> None:
        self.data_dir, self.model_dir = data_dir, model_dir  # None: the worker's own (geopol.paths)
        self.lock = threading.Lock()
        self.loaded: tuple[Coder, str] | None = None  # loaded on the worker (spaCy)

    def __getstate__(self) -> dict:
        return {"data_dir": self.data_dir, "model_dir": self.model_dir}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["data_dir"], state["model_dir"])  # type: ignore[misc]

    def setup(self, worker: object) -> None:
        with contextlib.suppress(Exception):  # a failure is raised again by the first task, with its message
            self.coder()

    def coder(self) -> tuple[Coder, str]:
        """The worker's coder and the version of what it codes with."""
        with self.lock:
            if self.loaded is None:
                from geopol import paths
                from geopol.pipeline import Coder

                data_dir, model_dir = self.data_dir or paths.DATA_DIR, self.model_dir or paths.MODEL_DIR
                self.loaded = (Coder(data_dir), coder_version(data_dir, model_dir).digest)
            return self.loaded


def code_on_worker(items: list[Item], today: date | None) -> Partition:
    plugin = get_worker().plugins[PLUGIN]
    coder, version = plugin.coder()  # type: ignore[attr-defined]
    return code_batch(items, coder, version, today)


@contextlib.contextmanager
def client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client of the cluster at scheduler, or of a new local cluster of workers processes
    (default: one per core), each with one thread (spaCy holds the GIL)."""
    quiet = logging.getLogger("distributed")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # start-up chatter is not the build's output
    try:
        if scheduler:
            with Client(scheduler, timeout=30) as remote:
                yield remote
            return
        # on loopback; ":0": any free port for the scheduler's web routes, not 8787, which may be taken
        local = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        with local, Client(local) as connected:
            yield connected
    finally:
        quiet.setLevel(level)


def register_coder(connected: Client, data_dir: Path | None, model_dir: Path | None) -> None:
    connected.register_plugin(CoderPlugin(data_dir, model_dir), name=PLUGIN)


def worker_count(connected: Client) -> int:
    return max(1, len(connected.scheduler_info(n_workers=-1)["workers"]))


def code_batches(connected: Client, batches: Iterable[list[Item]], today: date | None = None) -> Iterator[Partition]:
    """Every batch coded on the cluster, yielded as each finishes. Dask's as_completed keeps a
    bounded number of batches in flight: a new one is submitted when one finishes."""
    pending = iter(batches)
    window = IN_FLIGHT_PER_WORKER * worker_count(connected)
    running = as_completed([connected.submit(code_on_worker, batch, today, pure=False) for batch in islice(pending, window)])
    for future in running:
        partition = future.result()
        future.release()
        following = next(pending, None)
        if following is not None:
            running.add(connected.submit(code_on_worker, following, today, pure=False))
        yield partition
