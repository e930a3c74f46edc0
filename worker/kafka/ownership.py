"""Does this worker still own an input partition? Asked before anything that would fence its owner.

In exactly-once mode the per-partition transactional id is the only fence
(aiokafka's TxnOffsetCommit carries no group generation, KIP-447), and
InitProducerId always bumps the epoch: whoever registers the id last wins.
So a worker registers an id again (after a refused record) only once it
knows the partition is still its own. Two independent witnesses, since
either alone can be stale:

* the group: the consumer is a member of the current generation with the
  partition assigned, confirmed by a heartbeat round trip (a worker expelled
  while paused learns it only from the coordinator);
* the offsets: the group's committed offset of the partition is still the
  one this worker's last transaction committed (a new owner that already
  committed has moved it).

``stable_committed`` reads committed offsets as stable (KIP-447's
require_stable): an ending transaction's offsets are waited for, not missed.
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.protocol.group import JoinGroupRequest

from worker.config import KafkaSettings
from worker.kafka import clients

__all__ = ["NotOwner", "UnknownOwnership", "check_member", "edge_offsets", "in_group", "stable_committed"]


class NotOwner(Exception):
    """This worker no longer owns the partition (the reason says how it knows)."""


class UnknownOwnership(Exception):
    """The group coordinator could not be asked; registering now could fence the owner."""


async def check_member(consumer: AIOKafkaConsumer, tp: TopicPartition, bound: float) -> None:
    """Raise ``NotOwner`` unless ``consumer`` is a member of its group's current generation with ``tp``
    assigned, as the coordinator confirms now; ``UnknownOwnership`` when it cannot be asked.

    A consumer with no subscription is not in a group (a delivery driven by hand: tools, tests);
    only the committed offsets speak for it."""
    subscription = consumer._subscription.subscription  # aiokafka has no public accessor for its group state
    if subscription is None:
        return
    assignment = subscription.assignment
    if assignment is None or tp not in assignment.tps:
        raise NotOwner(f"partition {tp.partition} is no longer assigned to this consumer")
    coordinator = consumer._coordinator
    if not _has_membership(coordinator):
        raise NotOwner("this consumer left its consumer group")
    # aiokafka's own heartbeat: on an unknown member or a stale generation it resets the membership (and
    # rejoins, which revokes the partition here); during a rebalance the member still owns what it has
    # until its revocation, which ends (or cancels) the work that asked.
    try:
        answered = await asyncio.wait_for(coordinator._do_heartbeat(), bound)
    except Exception as exc:  # noqa: BLE001 - a timeout or any client error: the coordinator could not tell
        raise UnknownOwnership(f"heartbeat to the group coordinator failed: {type(exc).__name__}: {exc}") from None
    if not _has_membership(coordinator):
        raise NotOwner("the group coordinator no longer knows this member (expelled: session timeout passed)")
    if not answered:
        raise UnknownOwnership("the group coordinator did not confirm this member")


def in_group(consumer: AIOKafkaConsumer | None) -> bool:
    """Whether ``consumer`` takes its partitions from a consumer group (not assigned by hand: tools, tests)."""
    return consumer is not None and consumer._subscription.subscription is not None


def _has_membership(coordinator: Any) -> bool:
    return coordinator is not None and coordinator.generation > 0 and coordinator.member_id != JoinGroupRequest.UNKNOWN_MEMBER_ID


def stable_committed(
    kafka: KafkaSettings, client_id: str, group_id: str, partitions: list[TopicPartition], timeout_s: float | None = None
) -> dict[TopicPartition, int | None]:
    """The group's committed offset of each partition (None: none committed), read as stable.

    OffsetFetch with require_stable (KIP-447) waits for a transaction that committed offsets and
    is still materialising them; aiokafka's client speaks only older versions of the request, so
    kafka-python's, which sends it for a read_committed consumer, reads them. Blocking: run it in
    a thread."""
    from kafka import TopicPartition as SyncTopicPartition

    consumer = clients.consumer(kafka, client_id, group_id=group_id, isolation_level="read_committed")
    try:
        # kafka-python retries without end while the coordinator is away: a bound, so that no thread outlives its caller.
        timeout_ms = None if timeout_s is None else int(timeout_s * 1000)
        return {tp: consumer.committed(SyncTopicPartition(tp.topic, tp.partition), timeout_ms=timeout_ms) for tp in partitions}
    finally:
        consumer.close()


def edge_offsets(kafka: KafkaSettings, client_id: str, partitions: list[TopicPartition]) -> dict[TopicPartition, int]:
    """Where a partition with no committed offset starts: its beginning or end, as auto_offset_reset says."""
    from kafka import TopicPartition as SyncTopicPartition

    consumer = clients.consumer(kafka, client_id, isolation_level="read_committed")
    try:
        sync = [SyncTopicPartition(tp.topic, tp.partition) for tp in partitions]
        edge = consumer.beginning_offsets if kafka.auto_offset_reset == "earliest" else consumer.end_offsets
        found = edge(sync)
        return {tp: found[s] for tp, s in zip(partitions, sync, strict=True)}
    finally:
        consumer.close()
