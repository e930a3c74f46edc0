"""The bridge between the event loop and the one thread that owns the model.

The event loop never blocks on the model: it hands a batch to the engine
thread and awaits a future, so Kafka polls and heartbeats go on meanwhile.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from schemas.news import NewsItem
from worker.engine.engine import Engine, ItemOutcome, PreparedItem

T = TypeVar("T")


class EngineThread:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # One worker thread: the model is not shared between threads, and a
        # second batch queued behind the first is what keeps the device busy.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="engine")

    def prepare(self, item: NewsItem) -> PreparedItem:
        """Tokenize an item's prompts; cheap and thread-safe, so it runs on the caller's thread."""
        return self.engine.prepare(item)

    async def run(self, batch: Sequence[PreparedItem]) -> list[ItemOutcome]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self.engine.run, batch)

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn`` on the engine thread, between batches (adapter swaps)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, fn, *args)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
