"""Record batches whose header keys are not UTF-8 must not stop the consumer.

Kafka header keys are Strings on the wire, but any producer can write any
bytes there. aiokafka decodes them strictly while it unpacks a fetched batch,
so one such record raises UnicodeDecodeError inside the fetcher, every poll,
forever: the partition stops and the process looks alive.

``install()`` puts a batch wrapper into aiokafka's fetcher. It iterates with
aiokafka's fast (Cython) batch as usual; only when that raises
UnicodeDecodeError does it re-read the same batch with the pure-Python
reader, decoding header keys with ``surrogateescape``, which maps every byte
back losslessly: ``key.encode("utf-8", "surrogateescape")`` returns the
original bytes (see ``header_key_bytes``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from aiokafka.consumer import fetcher as _fetcher
from aiokafka.record import default_records, legacy_records, memory_records

_installed = False


class _LenientBytes(bytearray):
    """A bytearray whose slices decode with surrogateescape (the reader decodes header keys from slices)."""

    def __getitem__(self, key: Any) -> Any:
        item = super().__getitem__(key)
        return _LenientBytes(item) if isinstance(key, slice) else item

    def decode(self, encoding: str = "utf-8", errors: str = "strict") -> str:
        return bytearray.decode(self, encoding, "surrogateescape")


class _LenientBatch(default_records._DefaultRecordBatchPy):
    def _maybe_uncompress(self) -> None:
        super()._maybe_uncompress()
        if not isinstance(self._buffer, _LenientBytes):
            self._buffer = _LenientBytes(self._buffer)


class _TolerantBatch:
    """aiokafka's batch, falling back to the lenient reader on undecodable header keys."""

    def __init__(self, data: memoryview) -> None:
        self._data = data
        self._batch = default_records.DefaultRecordBatch(data)
        self._iterator: Iterator[Any] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._batch, name)

    def __iter__(self) -> Iterator[Any]:
        last = -1
        try:
            for record in self._batch:
                last = record.offset
                yield record
        except UnicodeDecodeError:
            for record in _LenientBatch(bytes(self._data)):
                if record.offset > last:
                    yield record

    def __next__(self) -> Any:
        # Used by aiokafka for control batches (transaction markers) only.
        if self._iterator is None:
            self._iterator = iter(self)
        return next(self._iterator)


class _TolerantMemoryRecords(memory_records._MemoryRecordsPy):
    def next_batch(self, *_: Any) -> Any:
        next_slice = self._next_slice
        if next_slice is None:
            return None
        if len(next_slice) < self.MIN_SLICE:
            from aiokafka.errors import CorruptRecordException

            raise CorruptRecordException("Record size is less than the minimum record overhead")
        self._cache_next()
        magic = next_slice[self.MAGIC_OFFSET]
        if magic >= 2:
            return _TolerantBatch(next_slice)
        return legacy_records.LegacyRecordBatch(next_slice, magic)


def install() -> None:
    """Make aiokafka's fetcher tolerate header keys that are not UTF-8 (idempotent)."""
    global _installed
    if not _installed:
        _fetcher.MemoryRecords = _TolerantMemoryRecords  # type: ignore[misc]
        _installed = True


def header_key_bytes(key: str | bytes) -> bytes:
    """The header key's original bytes, whichever reader decoded it."""
    return key if isinstance(key, bytes) else key.encode("utf-8", "surrogateescape")
