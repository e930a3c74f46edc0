"""Records in a schema registry's wire format: what registry-aware consumers (Kafka Connect's JSON
Schema converter, ksqlDB, Confluent's serdes) expect on a topic.

Each value is byte 0, the schema's registry id (4 bytes, big-endian), then the JSON document. The
worker registers (or looks up) each output topic's JSON Schema under the subject ``<topic>-value``
once, at start, and frames every output with that id; it never asks the registry per output. An
input in the wire format is read by its id: ids seen before are answered from a cache; a new one
is looked up at most once per ``lookup_interval_s``; a record without the magic byte, with an id
the registry does not know, or whose schema is not a JSON Schema becomes a dead letter.

The registry is spoken to through confluent-kafka's ``SchemaRegistryClient``: Confluent's own
client of this REST API (Confluent, Karapace and Apicurio's ccompat API answer it), which handles
its error codes, authentication and retries; the framing is five bytes, done here.
"""

from __future__ import annotations

import json
import struct
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import structlog
from pydantic import BaseModel

from schemas.deadletter import DeadLetter, DeadLetterReason
from schemas.results import ClassificationResult, SummaryResult
from schemas.tasks import TaskKind
from worker.config import RecordFormat, SchemaRegistrySettings, Settings
from worker.exceptions import BrokerError, ConfigError
from worker.intake import Rejection

log = structlog.get_logger(__name__)

MAGIC = b"\x00"
HEADER = struct.Struct(">bI")  # the magic byte, the schema id
#: Records whose value is this short cannot hold the wire format's header and a JSON document.
MIN_LENGTH = HEADER.size + 2


def subject(topic: str) -> str:
    """The subject of a topic's record values (Confluent's default TopicNameStrategy)."""
    return f"{topic}-value"


#: Draft 7: the newest draft every registry's compatibility checker reads (Apicurio's, on the everit
#: library, answers "could not determine version" to 2020-12). pydantic's schemas use nothing newer
#: but "prefixItems" (a dead letter's header pairs), which draft-7 readers skip.
DRAFT = "http://json-schema.org/draft-07/schema#"


def json_schema(model: type[BaseModel]) -> str:
    """The JSON Schema of a record type as registered: what the worker writes (pydantic's serialization
    view), with keys sorted so that the same model always gives the same text."""
    schema = model.model_json_schema(mode="serialization")
    schema["$schema"] = DRAFT
    return json.dumps(schema, sort_keys=True)


def output_schemas(settings: Settings) -> dict[str, type[BaseModel]]:
    """Output topic -> the record type written to it."""
    schemas: dict[str, type[BaseModel]] = {settings.topics.deadletter: DeadLetter}
    for task in settings.tasks:
        if task.output_topic is not None:
            schemas[task.output_topic] = ClassificationResult if task.kind is TaskKind.classify else SummaryResult
    return schemas


def client_for(registry: SchemaRegistrySettings, retries: int = 2) -> Any:
    """A SchemaRegistryClient with the settings' bound on each call."""
    from confluent_kafka.schema_registry import SchemaRegistryClient

    conf: dict[str, Any] = {
        "url": registry.url,
        "timeout": max(1, round(registry.timeout_s)),
        "max.retries": retries,
        "retries.wait.ms": 200,
        "retries.max.wait.ms": 2000,
    }
    if registry.basic_auth_user_info is not None:
        conf["basic.auth.user.info"] = registry.basic_auth_user_info.get_secret_value()
    return SchemaRegistryClient(conf)


def register_outputs(settings: Settings, client: Any) -> dict[str, int]:
    """Register (or, without auto_register, look up) each output topic's schema; topic -> schema id.

    ConfigError when the registry refuses a schema (incompatible with its subject's latest version, or
    invalid) or does not have it; BrokerError when the registry cannot be reached."""
    from confluent_kafka.schema_registry import Schema
    from confluent_kafka.schema_registry.error import SchemaRegistryError

    registry = settings.schema_registry
    ids = {}
    for topic, model in output_schemas(settings).items():
        name, schema = subject(topic), Schema(json_schema(model), "JSON")
        try:
            if registry.auto_register:
                ids[topic] = client.register_schema(name, schema)
            else:
                ids[topic] = client.lookup_schema(name, schema).schema_id
        except SchemaRegistryError as exc:
            raise _refusal(registry, name, model, exc) from None
        except Exception as exc:  # noqa: BLE001 - httpx's transport errors and timeouts: the registry is unreachable
            raise BrokerError(f"schema registry {registry.url} cannot be reached: {type(exc).__name__}: {exc}") from None
        log.info("schema_registered" if registry.auto_register else "schema_found", subject=name, id=ids[topic])
    return ids


def _refusal(registry: SchemaRegistrySettings, name: str, model: type[BaseModel], exc: Any) -> Exception:
    status, message = exc.http_status_code, exc.error_message
    what = f"the {model.__name__} schema under subject {name!r}"
    if status == 409:
        return ConfigError(
            f"schema registry {registry.url} refuses {what}: incompatible with the subject's latest version ({message}); "
            "evolve the subject's schema, or change its compatibility level, before starting this worker"
        )
    if status == 404 and not registry.auto_register:
        return ConfigError(
            f"schema registry {registry.url} has no {what} ({message}); register it, or set schema_registry.auto_register"
        )
    if status in (401, 403):
        return ConfigError(f"schema registry {registry.url} refuses this worker's credentials ({message})")
    if status == 422:
        return ConfigError(f"schema registry {registry.url} finds {what} invalid ({message})")
    return BrokerError(f"schema registry {registry.url} failed on {what}: {exc}")


@dataclass
class Framing:
    """The wire format's header of each output topic; topics not in it are written as plain JSON."""

    headers: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def of(cls, ids: dict[str, int]) -> "Framing":
        return cls({topic: HEADER.pack(0, schema_id) for topic, schema_id in ids.items()})

    def frame(self, topic: str, value: bytes) -> bytes:
        header = self.headers.get(topic)
        return value if header is None else header + value


class InputSchemas:
    """Reads input values in the wire format: the JSON document behind a known JSON Schema id.

    A lookup blocks its caller for at most the client's timeout; each id is looked up once (found or
    not: unknown ids are remembered too), and new ids at most once per ``lookup_interval_s``. An id
    that could not be looked up (not yet, or the registry did not answer) is not remembered."""

    def __init__(self, registry: SchemaRegistrySettings, client: Any) -> None:
        self.registry = registry
        self.client = client
        self._known: dict[int, Rejection | None] = {}  # id -> None (readable) or the dead letter's reason
        self._lock = threading.Lock()  # the cache and the lookup clock
        self._last_lookup = float("-inf")

    def prefetch(self, topic: str) -> int:
        """Learn the ids of every version under the input topic's subject now; how many (none registered: 0)."""
        from confluent_kafka.schema_registry.error import SchemaRegistryError

        name = subject(topic)
        try:
            versions = self.client.get_versions(name)
            for version in versions:
                registered = self.client.get_version(name, version)
                self._known[registered.schema_id] = _readable(registered.schema_id, registered.schema.schema_type)
        except SchemaRegistryError as exc:
            if exc.http_status_code == 404:
                return 0  # producers have not registered one yet: their ids are looked up as they come
            raise BrokerError(f"schema registry {self.registry.url} failed on subject {name!r}: {exc}") from None
        except Exception as exc:  # noqa: BLE001 - transport errors and timeouts
            raise BrokerError(f"schema registry {self.registry.url} cannot be reached: {type(exc).__name__}: {exc}") from None
        log.info("input_schemas_known", subject=name, ids=sorted(self._known))
        return len(versions)

    def unwrap(self, value: bytes) -> bytes | Rejection:
        """The JSON document of a wire-format value, or why it is a dead letter."""
        if len(value) < MIN_LENGTH or value[:1] != MAGIC:
            first = f"starts with byte 0x{value[0]:02x}" if value else "is empty"
            return Rejection(
                DeadLetterReason.not_wire_format,
                f"value {first} and is {len(value)} bytes: not the schema registry's wire format "
                "(byte 0, a 4-byte schema id, the JSON document)",
            )
        _, schema_id = HEADER.unpack_from(value)
        rejection = self._verdict(schema_id)
        return value[HEADER.size :] if rejection is None else rejection

    def _verdict(self, schema_id: int) -> Rejection | None:
        with self._lock:
            if schema_id in self._known:
                return self._known[schema_id]
            now = time.monotonic()
            if now - self._last_lookup < self.registry.lookup_interval_s:
                return Rejection(
                    DeadLetterReason.unknown_schema,
                    f"schema id {schema_id} is not known here and was not looked up: new ids are looked up at most "
                    f"once per {self.registry.lookup_interval_s:g} s (schema_registry.lookup_interval_s)",
                )
            self._last_lookup = now
            verdict, remember = self._look_up(schema_id)
            if remember:
                self._known[schema_id] = verdict
            return verdict

    def _look_up(self, schema_id: int) -> tuple[Rejection | None, bool]:
        """The id's verdict, and whether it holds for good (False: the registry did not answer)."""
        from confluent_kafka.schema_registry.error import SchemaRegistryError

        try:
            schema = self.client.get_schema(schema_id)
        except SchemaRegistryError as exc:
            if exc.http_status_code == 404:
                log.warning("input_schema_unknown", id=schema_id)
                message = f"schema id {schema_id} is not known to the registry {self.registry.url}"
                return Rejection(DeadLetterReason.unknown_schema, message), True
            message = f"schema id {schema_id} could not be looked up: {exc}"
            return Rejection(DeadLetterReason.unknown_schema, message), False
        except Exception as exc:  # noqa: BLE001 - transport errors and timeouts
            message = f"schema id {schema_id} could not be looked up: the registry did not answer ({type(exc).__name__}: {exc})"
            return Rejection(DeadLetterReason.unknown_schema, message), False
        log.info("input_schema_learned", id=schema_id, schema_type=schema.schema_type or "AVRO")
        return _readable(schema_id, schema.schema_type), True


def _readable(schema_id: int, schema_type: str | None) -> Rejection | None:
    kind = schema_type or "AVRO"  # the REST API leaves schemaType out for Avro, its default
    if kind == "JSON":
        return None
    return Rejection(
        DeadLetterReason.unreadable_schema,
        f"schema id {schema_id} is a {kind} schema: this worker reads JSON Schema records only",
    )


@dataclass(frozen=True)
class WireFormat:
    """What the worker writes and reads through the registry, set up once at start."""

    framing: Framing
    inputs: InputSchemas | None


def connect(settings: Settings) -> WireFormat:
    """Register the output schemas and learn the input's, as the settings ask; blocking (call off the loop)."""
    registry = settings.schema_registry
    if not registry.used:
        return WireFormat(Framing(), None)
    client = client_for(registry)
    ids = register_outputs(settings, client) if registry.outputs is RecordFormat.registry else {}
    inputs = None
    if registry.input is RecordFormat.registry:
        # Per-record lookups must not retry: the caller waits for them.
        inputs = InputSchemas(registry, client_for(registry, retries=0))
        inputs.prefetch(settings.topics.input)
    return WireFormat(Framing.of(ids), inputs)


__all__ = [
    "Framing",
    "InputSchemas",
    "WireFormat",
    "connect",
    "json_schema",
    "output_schemas",
    "register_outputs",
    "subject",
]
