"""The batcher closes batches on item count, token budget and wait time."""

from __future__ import annotations

import asyncio
import time

from worker.batching import Batcher
from worker.config import BatchSettings


def _run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


def test_closes_on_item_count() -> None:
    async def go() -> list[list[int]]:
        b: Batcher[int] = Batcher(BatchSettings(max_items=3, max_wait_ms=10_000, max_tokens=1000), cost=lambda x: 1)
        for i in range(7):
            b.put(i)
        return [await b.next_batch(), await b.next_batch()]

    assert _run(go()) == [[0, 1, 2], [3, 4, 5]]


def test_closes_before_the_token_budget_is_exceeded_and_carries_the_item_over() -> None:
    async def go() -> list[list[int]]:
        b: Batcher[int] = Batcher(BatchSettings(max_items=100, max_wait_ms=0, max_tokens=100), cost=lambda x: x)
        for cost in (40, 50, 30, 80, 10):
            b.put(cost)
        return [await b.next_batch() for _ in range(3)]

    assert _run(go()) == [[40, 50], [30], [80, 10]]


def test_an_oversized_item_still_runs_alone() -> None:
    async def go() -> list[int]:
        b: Batcher[int] = Batcher(BatchSettings(max_items=10, max_wait_ms=0, max_tokens=16), cost=lambda x: x)
        b.put(500)
        return await b.next_batch()

    assert _run(go()) == [500]


def test_closes_after_max_wait_from_the_first_item() -> None:
    async def go() -> tuple[list[int], float]:
        b: Batcher[int] = Batcher(BatchSettings(max_items=10, max_wait_ms=150, max_tokens=1000), cost=lambda x: 1)
        b.put(1)
        started = time.monotonic()

        async def late() -> None:
            await asyncio.sleep(0.05)
            b.put(2)

        task = asyncio.create_task(late())
        batch = await b.next_batch()
        await task
        return batch, time.monotonic() - started

    batch, waited = _run(go())
    assert batch == [1, 2]
    assert 0.12 <= waited < 1.0


def test_queued_items_are_taken_at_once_even_past_the_deadline() -> None:
    async def go() -> tuple[list[int], float]:
        b: Batcher[int] = Batcher(BatchSettings(max_items=4, max_wait_ms=20, max_tokens=1000), cost=lambda x: 1)
        for i in range(4):
            b.put(i)
        await asyncio.sleep(0.1)  # the engine was busy; all four are overdue
        started = time.monotonic()
        return await b.next_batch(), time.monotonic() - started

    batch, waited = _run(go())
    assert batch == [0, 1, 2, 3] and waited < 0.02
