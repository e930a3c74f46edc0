"""`python -m tests.support.slow_worker`: the real `finnews worker`, with every engine batch
taking at least FINNEWS_TEST_BATCH_DELAY_S seconds (tests and the fault benchmark use it to
make batches outlive max.poll.interval without a big model), and every transaction held open
FINNEWS_TEST_COMMIT_DELAY_S seconds before its commit (the fault benchmark's zombie pauses a
worker that holds one)."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Sequence
from typing import Any

from worker.engine import Engine


def slow_down(delay: float) -> None:
    run = Engine.run

    def slow_run(self: Engine, batch: Sequence[Any]) -> Any:
        started = time.monotonic()
        outcomes = run(self, batch)
        time.sleep(max(0.0, delay - (time.monotonic() - started)))
        return outcomes

    Engine.run = slow_run  # type: ignore[method-assign]


def slow_commits(delay: float) -> None:
    from aiokafka import AIOKafkaProducer

    commit = AIOKafkaProducer.commit_transaction

    async def slow_commit(self: AIOKafkaProducer) -> None:
        await asyncio.sleep(delay)
        await commit(self)

    AIOKafkaProducer.commit_transaction = slow_commit  # type: ignore[method-assign]


if __name__ == "__main__":
    slow_down(float(os.environ.get("FINNEWS_TEST_BATCH_DELAY_S", "0")))
    slow_commits(float(os.environ.get("FINNEWS_TEST_COMMIT_DELAY_S", "0")))
    from training.cli import app

    app(["worker"])
