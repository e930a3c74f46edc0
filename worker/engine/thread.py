"""The bridge between the event loop and the one thread that owns the model.

The event loop never blocks on the model: it hands a batch to the engine
thread and awaits a future, so Kafka polls and heartbeats go on meanwhile.
``EngineThread`` is the event loop's only handle on the engine: each method
says on which thread its work runs, and the event loop reads which adapters
are in service from its own copy, never from the dict the engine thread changes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from schemas.news import NewsItem
from worker.engine.engine import Engine, ItemOutcome, PreparedItem
from worker.engine.loading import AdapterInfo, LoadedModel


class EngineThread:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        # One worker thread: the model is not shared between threads, and a
        # second batch queued behind the first is what keeps the device busy.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="engine")
        self._serving = dict(engine.loaded.adapters)  # the event loop's copy; changed only by ``swap``
        self._footprint = _footprint(engine.loaded)  # CPU: measured here and after each swap, on the engine thread

    @property
    def model(self) -> LoadedModel:
        """The loaded base: read its fixed facts (name, fingerprint, device) only; the engine thread owns the rest."""
        return self._engine.loaded

    # -- caller's thread ---------------------------------------------------
    def prepare(self, item: NewsItem) -> PreparedItem:
        """Tokenize an item's prompts; cheap and thread-safe, so it runs on the caller's thread."""
        return self._engine.prepare(item)

    def memory_bytes(self) -> int:
        """Memory the model takes on its device (CUDA: allocated now; CPU: as of the last load or swap)."""
        import torch

        device = self._engine.loaded.device
        if device.type == "cuda":
            return int(torch.cuda.memory_allocated(device))
        return self._footprint

    def serving(self) -> dict[str, AdapterInfo]:
        """task -> the adapter in service, as of the last swap this handle made."""
        return dict(self._serving)

    # -- engine thread -----------------------------------------------------
    async def run(self, batch: Sequence[PreparedItem]) -> list[ItemOutcome]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._engine.run, batch)

    async def swap(self, task: str, path: Path, version: str) -> AdapterInfo:
        """Put ``version`` in service for ``task`` between two batches; AdapterRefused leaves the old one serving."""

        def swap_and_measure() -> tuple[AdapterInfo, int]:
            return self._engine.swap(task, path, version), _footprint(self._engine.loaded)

        loop = asyncio.get_running_loop()
        new, self._footprint = await loop.run_in_executor(self._executor, swap_and_measure)
        self._serving[task] = new
        return new

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _footprint(loaded: LoadedModel) -> int:
    return int(loaded.model.get_memory_footprint())
