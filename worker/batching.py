"""Micro-batching bounded three ways: item count, wait time and total tokens."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

from worker.config import BatchSettings

T = TypeVar("T")


class Batcher(Generic[T]):
    """A queue that hands out batches.

    A batch closes when it holds ``max_items``, when the next item would push
    it over ``max_tokens``, or ``max_wait_ms`` after its first item arrived.
    Items that queued up while the engine was busy are taken at once: waiting
    only ever applies to a batch that is not full yet.

    A deque and one event rather than ``asyncio.Queue``: a batch costs one
    timer, not a ``wait_for`` task per item (measured: a tenth of the worker's
    CPU per message when items arrive one by one).
    """

    def __init__(self, settings: BatchSettings, cost: Callable[[T], int]) -> None:
        self.settings = settings
        self._cost = cost
        self._items: deque[tuple[float, T]] = deque()  # (arrival time, item)
        self._arrived = asyncio.Event()

    def put(self, item: T) -> None:
        self._items.append((time.monotonic(), item))
        self._arrived.set()

    def __len__(self) -> int:
        return len(self._items)

    def remove(self, predicate: Callable[[T], bool]) -> list[T]:
        """Take every queued item matching ``predicate`` out of the queue (revoked partitions)."""
        removed = [item for _, item in self._items if predicate(item)]
        if removed:
            self._items = deque(entry for entry in self._items if not predicate(entry[1]))
        return removed

    async def next_batch(self) -> list[T]:
        while not self._items:
            self._arrived.clear()
            await self._arrived.wait()
        deadline = self._items[0][0] + self.settings.max_wait_ms / 1000.0
        batch: list[T] = []
        tokens = 0
        timer: asyncio.TimerHandle | None = None
        try:
            while True:
                while self._items and len(batch) < self.settings.max_items:
                    cost = self._cost(self._items[0][1])
                    if batch and tokens + cost > self.settings.max_tokens:
                        return batch  # the item stays first in line for the next batch
                    batch.append(self._items.popleft()[1])
                    tokens += cost
                if len(batch) >= self.settings.max_items or time.monotonic() >= deadline:
                    return batch
                if timer is None:
                    timer = asyncio.get_running_loop().call_at(
                        asyncio.get_running_loop().time() + deadline - time.monotonic(), self._arrived.set
                    )
                self._arrived.clear()
                await self._arrived.wait()
        finally:
            if timer is not None:
                timer.cancel()
