"""Exactly-once outputs: each batch's outputs, dead letters and input offsets in one Kafka transaction.

One transactional producer per owned input partition, with the transactional
id ``<prefix>-<input topic>-<partition>`` (the pattern of Kafka Streams'
first exactly-once mode). Whoever owns a partition initialises its id first:
the broker then fences every older producer of that id (a zombie: a worker
expelled from the group that still runs) and aborts its open transaction, so
a zombie can never commit outputs or offsets for a partition it lost.
aiokafka's ``send_offsets_to_transaction`` takes only a group id (no KIP-447
generation fencing); the per-partition ids give the fencing instead.

A transaction spans only the publishing of a batch that is already computed
(milliseconds to seconds), never the model's work, so however long a batch
runs it cannot outlive the transaction timeout; the timeout is derived from
the producer's delivery timeout. A transaction that fails is aborted: nothing
of it becomes visible to ``read_committed`` consumers and its inputs are
redone.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import structlog
from aiokafka import TopicPartition
from aiokafka.errors import KafkaError, ProducerFenced

from worker.config import Settings
from worker.exceptions import ConfigError
from worker.kafka import clients
from worker.records import OutputMessage

log = structlog.get_logger(__name__)

#: How long a broker may take to answer the start-up probe before the mode is refused.
PROBE_TIMEOUT_S = 30.0


class PartitionTransactions:
    """The transactional producers of the input partitions this worker owns."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.topic = settings.topics.input
        self.group_id = settings.kafka.group_id
        self.prefix = settings.kafka.transactional_id_prefix or settings.kafka.group_id
        self._producers: dict[int, Any] = {}

    def transactional_id(self, partition: int) -> str:
        return f"{self.prefix}-{self.topic}-{partition}"

    def timeout_ms(self) -> int:
        # Publishing a computed batch is bounded by the delivery timeout; the margin covers the EndTxn round trip.
        return int((self.settings.kafka.delivery_timeout_s + 30.0) * 1000)

    def _make(self, transactional_id: str) -> Any:
        k = self.settings.kafka
        return clients.async_producer(
            k,
            f"{self.settings.worker_id}-txn",
            transactional_id=transactional_id,
            transaction_timeout_ms=self.timeout_ms(),
            linger_ms=k.linger_ms,
            max_batch_size=k.producer_batch_bytes,
            max_request_size=k.max_message_bytes,
            request_timeout_ms=int(k.delivery_timeout_s * 1000),
        )

    async def _start(self, transactional_id: str) -> Any:
        """A producer whose transactional id is registered: older producers of that id are fenced by now."""
        producer = self._make(transactional_id)
        try:
            await producer.start()
            # begin waits for InitProducerId (the fencing); an empty transaction ends locally.
            await producer.begin_transaction()
            await producer.abort_transaction()
        except BaseException:
            await producer.stop()
            raise
        return producer

    async def check_broker(self) -> None:
        """Refuse to start, in one line, on a broker without transactions (Tansu)."""
        try:
            probe = await asyncio.wait_for(self._start(f"{self.prefix}-probe-{self.settings.worker_id}"), PROBE_TIMEOUT_S)
        except (KafkaError, OSError, TimeoutError) as exc:
            raise ConfigError(
                f"delivery=exactly_once (FINNEWS_DELIVERY) needs a broker with Kafka transactions, and "
                f"{self.settings.kafka.bootstrap_servers} refused them ({type(exc).__name__}: {exc}); "
                "Tansu has none: use at_least_once there"
            ) from None
        await probe.stop()

    # -- ownership (called by the source, inside the rebalance) ------------------------------
    async def assigned(self, partitions: list[int]) -> None:
        for partition in partitions:
            if partition not in self._producers:
                self._producers[partition] = await self._start(self.transactional_id(partition))
        log.info("transactional_producers_ready", partitions=sorted(self._producers))

    async def revoked(self, partitions: list[int]) -> None:
        for partition in partitions:
            await self._drop(partition)

    async def _drop(self, partition: int) -> None:
        producer = self._producers.pop(partition, None)
        if producer is not None:
            await producer.stop()  # an open transaction of it is aborted by the broker

    async def close(self) -> None:
        for partition in list(self._producers):
            await self._drop(partition)

    # -- publishing ------------------------------------------------------------------------------
    async def publish_atomically(self, partition: int, messages: list[OutputMessage], next_offset: int) -> bool:
        """Publish ``messages`` and commit ``next_offset`` for ``partition`` in one transaction.

        False when this worker no longer owns the partition (revoked, or fenced
        by its new owner): nothing of it was published, the new owner redoes it.
        Any other Kafka failure raises (the transaction is aborted).
        """
        producer = self._producers.get(partition)
        if producer is None:
            return False
        started = time.monotonic()
        try:
            await self._transaction(producer, partition, messages, next_offset)
        except ProducerFenced as exc:
            log.warning("transaction_fenced", partition=partition, error=str(exc))
            self._producers.pop(partition, None)
            _retrieve_transaction_error(producer)
            await producer.stop()
            return False
        except (KafkaError, AssertionError) as exc:
            if self._producers.get(partition) is not producer:
                # Revoked mid-transaction (the producer was stopped): aborted, the new owner redoes it.
                log.warning("transaction_abandoned", partition=partition, error=f"{type(exc).__name__}: {exc}")
                _retrieve_transaction_error(producer)
                return False
            raise
        log.debug(
            "transaction_committed",
            partition=partition,
            next_offset=next_offset,
            messages=len(messages),
            seconds=round(time.monotonic() - started, 3),
        )
        return True

    async def _transaction(self, producer: Any, partition: int, messages: list[OutputMessage], next_offset: int) -> None:
        deliveries: list[asyncio.Future[Any]] = []
        try:
            async with producer.transaction():
                for m in messages:
                    deliveries.append(await producer.send(m.topic, m.value, key=m.key, headers=m.headers))
                offsets = {TopicPartition(self.topic, partition): next_offset}
                await producer.send_offsets_to_transaction(offsets, self.group_id)
            await asyncio.gather(*deliveries)
        except BaseException:
            # The sends of an aborted transaction fail too, and nobody else looks at them.
            for delivery in deliveries:
                delivery.add_done_callback(_retrieve)
            raise


def _retrieve(future: asyncio.Future[Any]) -> None:
    # A failed future nobody retrieves is logged from the garbage collector, at an arbitrary point
    # (on CPython 3.11.7 even in the middle of a compile, which then fails with a SystemError).
    if not future.cancelled():
        future.exception()


def _retrieve_transaction_error(producer: Any) -> None:
    # aiokafka also stores a fatal transaction error in its transaction manager's waiter, which no
    # caller awaits once the producer is given up; aiokafka is pinned to a minor version for such reaches.
    waiter = getattr(getattr(producer, "_txn_manager", None), "_transaction_waiter", None)
    if waiter is not None and waiter.done():
        _retrieve(waiter)
