"""Which input offsets may be committed: the lowest one not yet acked, per partition.

Inputs finish out of order (dead letters before results, one batch before the
next), but a commit says "everything below this offset is done". So each
partition keeps the offsets handed to the pipeline and not yet acked; its
committable offset is the lowest of them, or one past the last consumed when
none is pending. Nothing is ever committed ahead of an unacked input.

Each assignment of a partition gets a new epoch. An ack carries the epoch it
was consumed in; acks from an earlier epoch (a batch that outlived a
revocation) are ignored, so they can never move a commit for a partition
another worker now owns.
"""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass, field

from worker.records import Partition

_epochs = itertools.count(1)


@dataclass
class _PartitionOffsets:
    epoch: int
    pending: list[int] = field(default_factory=list)  # min-heap of unacked offsets
    acked: set[int] = field(default_factory=set)  # acked offsets still in the heap
    next_offset: int | None = None  # one past the last consumed offset
    committed: int | None = None  # the last offset we committed

    def committable(self) -> int | None:
        while self.pending and self.pending[0] in self.acked:
            self.acked.discard(heapq.heappop(self.pending))
        return self.pending[0] if self.pending else self.next_offset


class OffsetTracker:
    def __init__(self) -> None:
        self._partitions: dict[Partition, _PartitionOffsets] = {}

    def assign(self, partition: Partition) -> int:
        """Start tracking ``partition`` afresh; returns its epoch."""
        state = _PartitionOffsets(epoch=next(_epochs))
        self._partitions[partition] = state
        return state.epoch

    def revoke(self, partition: Partition) -> None:
        self._partitions.pop(partition, None)

    def epoch(self, partition: Partition) -> int | None:
        state = self._partitions.get(partition)
        return None if state is None else state.epoch

    def owns(self, partition: Partition, epoch: int) -> bool:
        state = self._partitions.get(partition)
        return state is not None and state.epoch == epoch

    def consumed(self, partition: Partition, offset: int) -> None:
        state = self._partitions[partition]
        heapq.heappush(state.pending, offset)
        state.next_offset = offset + 1

    def passed(self, partition: Partition, position: int) -> None:
        """Every offset below ``position`` was consumed or holds no record (a transaction marker, an
        aborted record): when nothing is pending, the committable offset moves up to it."""
        state = self._partitions.get(partition)
        if state is not None and (state.next_offset is None or position > state.next_offset):
            state.next_offset = position

    def lowest_pending(self, partition: Partition) -> int | None:
        """The lowest offset consumed and not yet acked (None when none is)."""
        state = self._partitions.get(partition)
        if state is None:
            return None
        state.committable()  # pops the acked prefix
        return state.pending[0] if state.pending else None

    def acked(self, partition: Partition, offset: int, epoch: int) -> bool:
        """Record an ack; False (and ignored) when the partition was revoked since."""
        state = self._partitions.get(partition)
        if state is None or state.epoch != epoch:
            return False
        state.acked.add(offset)
        return True

    def pending(self, partition: Partition) -> int:
        state = self._partitions.get(partition)
        return 0 if state is None else len(state.pending) - len(state.acked)

    def position(self, partition: Partition) -> int | None:
        """One past the last consumed offset (None before the first record)."""
        state = self._partitions.get(partition)
        return None if state is None else state.next_offset

    def to_commit(self, partitions: set[Partition] | None = None) -> dict[Partition, int]:
        """Committable offsets that moved since the last ``committed`` call."""
        out = {}
        for partition, state in self._partitions.items():
            if partitions is not None and partition not in partitions:
                continue
            offset = state.committable()
            if offset is not None and offset != state.committed:
                out[partition] = offset
        return out

    def committed(self, offsets: dict[Partition, int]) -> None:
        for partition, offset in offsets.items():
            state = self._partitions.get(partition)
            if state is not None:
                state.committed = offset

    def last_committed(self, partition: Partition) -> int | None:
        state = self._partitions.get(partition)
        return None if state is None else state.committed
