"""Micro-batching bounded three ways: item count, wait time and total tokens."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from worker.config import BatchSettings

T = TypeVar("T")


class Batcher(Generic[T]):
    """An asyncio queue that hands out batches.

    A batch closes when it holds ``max_items``, when the next item would push
    it over ``max_tokens``, or ``max_wait_ms`` after its first item arrived.
    Items that queued up while the engine was busy are taken at once: waiting
    only ever applies to a batch that is not full yet.
    """

    def __init__(self, settings: BatchSettings, cost: Callable[[T], int]) -> None:
        self.settings = settings
        self._cost = cost
        self._queue: asyncio.Queue[tuple[float, T]] = asyncio.Queue()
        self._carry: tuple[float, T] | None = None

    def put(self, item: T) -> None:
        self._queue.put_nowait((time.monotonic(), item))

    def __len__(self) -> int:
        return self._queue.qsize() + (self._carry is not None)

    def remove(self, predicate: Callable[[T], bool]) -> list[T]:
        """Take every queued item matching ``predicate`` out of the queue (revoked partitions)."""
        kept: list[tuple[float, T]] = []
        removed: list[T] = []
        entries = ([self._carry] if self._carry is not None else []) + [
            self._queue.get_nowait() for _ in range(self._queue.qsize())
        ]
        self._carry = None
        for entry in entries:
            if predicate(entry[1]):
                removed.append(entry[1])
            else:
                kept.append(entry)
        for entry in kept:
            self._queue.put_nowait(entry)
        return removed

    async def next_batch(self) -> list[T]:
        first = self._carry or await self._queue.get()
        self._carry = None
        arrived, item = first
        batch, tokens = [item], self._cost(item)
        deadline = arrived + self.settings.max_wait_ms / 1000.0
        while len(batch) < self.settings.max_items:
            try:
                entry = self._queue.get_nowait()
            except asyncio.QueueEmpty:
                timeout = deadline - time.monotonic()
                if timeout <= 0:
                    break
                try:
                    entry = await asyncio.wait_for(self._queue.get(), timeout)
                except TimeoutError:
                    break
            cost = self._cost(entry[1])
            if tokens + cost > self.settings.max_tokens:
                self._carry = entry
                break
            batch.append(entry[1])
            tokens += cost
        return batch
