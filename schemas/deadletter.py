"""Dead letters: inputs the worker could not turn into results, with the reason."""

from __future__ import annotations

import base64
from enum import Enum
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class DeadLetterReason(str, Enum):
    undecodable = "undecodable"  # value is not UTF-8
    bad_json = "bad_json"  # UTF-8 but not a JSON object
    schema_violation = "schema_violation"  # JSON that does not validate as NewsItem
    oversize = "oversize"  # value larger than the configured limit
    empty = "empty"  # null or empty value (a tombstone on the input topic)
    inference_error = "inference_error"  # the model failed on this item alone (every failed task named)
    output_rejected = "output_rejected"  # the broker refused one of its outputs for itself (too large, invalid)
    # schema_registry.input = registry:
    not_wire_format = "not_wire_format"  # no magic byte and schema id in front of the JSON
    unknown_schema = "unknown_schema"  # a schema id the registry does not know (or could not be asked about)
    unreadable_schema = "unreadable_schema"  # a schema that is not a JSON Schema (Avro, Protobuf)


class SourcePosition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    topic: str
    partition: int = Field(ge=0)
    offset: int = Field(ge=0)
    timestamp: AwareDatetime | None = None


class DeadLetter(BaseModel):
    """The original bytes of a rejected input, base64-encoded, with why and where.

    A dead letter must fit in one producer request. When the original would
    not, the largest prefix that fits is kept, ``truncated`` names what was
    cut, the reason becomes ``oversize``, and ``key_length``/``value_length``
    and ``value_sha256`` still describe the whole original.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    reason: DeadLetterReason
    message: str = Field(description="Human-readable explanation.")
    key_b64: str | None
    value_b64: str | None
    headers: list[tuple[str, str | None]] = Field(
        default_factory=list,
        description="Original headers: key (UTF-8 text, or base64 when header_keys_b64) and value base64 (null for a null value).",
    )
    header_keys_b64: bool = Field(default=False, description="True when some header key was not UTF-8: every key is then base64.")
    key_length: int | None = Field(default=None, ge=0, description="Bytes in the original key (null for no key).")
    value_length: int | None = Field(default=None, ge=0, description="Bytes in the original value (null for no value).")
    value_sha256: str | None = Field(default=None, description="sha256 (hex) of the whole original value.")
    truncated: list[Literal["key", "value", "headers"]] = Field(
        default_factory=list,
        description="Parts kept only as a prefix (headers: only the first ones) to fit the producer's limit.",
    )
    source: SourcePosition
    task: str | None = Field(default=None, description="The first task that failed (inference_error, output_rejected).")
    tasks: list[str] = Field(
        default_factory=list,
        description="Every task that failed for this input (inference_error) or whose output the broker rejected "
        "(output_rejected); the input's other tasks were published.",
    )
    worker_id: str
    dead_lettered_at: AwareDatetime

    @staticmethod
    def b64(data: bytes | None) -> str | None:
        return None if data is None else base64.b64encode(data).decode("ascii")

    def original_value(self) -> bytes | None:
        return None if self.value_b64 is None else base64.b64decode(self.value_b64)
