"""Records in a schema registry's wire format: what registry-aware consumers (Kafka Connect's JSON
Schema converter, ksqlDB, Confluent's serdes) expect on a topic.

Each value is byte 0, the schema's registry id (4 bytes, big-endian), then the JSON document. The
worker registers (or looks up) each output topic's JSON Schema under the subject ``<topic>-value``
once, at start, and frames every output with that id; it never asks the registry per output. An
input in the wire format is read by its id: ids are learnt at start and as they come (off the
event loop, before their records are read; see ``InputSchemas``); a record without the magic byte,
with an id the registry does not know, or whose schema is not a JSON Schema becomes a dead letter.

The registry is spoken to through confluent-kafka's ``SchemaRegistryClient``: Confluent's own
client of this REST API (Confluent, Karapace and Apicurio's ccompat API answer it), which handles
its error codes, authentication and retries; the framing is five bytes, done here.
"""

from __future__ import annotations

import asyncio
import json
import struct
import time
from collections.abc import Iterable, Sequence
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
#: New input schema ids looked up at once before the lookup_interval_s rate applies.
LOOKUP_BURST = 8
#: An id the registry did not know is asked about again after this long (it may have been registered since).
UNKNOWN_RECHECK_S = 60.0


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
        "timeout": registry.timeout_s,
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
            raise _unreachable(registry, exc) from None
        log.info("schema_registered" if registry.auto_register else "schema_found", subject=name, id=ids[topic])
    return ids


def _unreachable(registry: SchemaRegistrySettings, exc: Exception) -> BrokerError:
    return BrokerError(f"schema registry {registry.url} cannot be reached: {type(exc).__name__}: {exc}")


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

    ``unwrap`` answers from what is known and never calls the registry. New ids are learnt before
    their records are handed over (``resolve``, off the event loop; the transport awaits it), so a
    registry that is slow or away holds the input back instead of turning valid records into dead
    letters: after ``3 x timeout_s`` of failed lookups the worker stops, with nothing of those records
    committed. An id the registry does not know (asked twice, a second apart: followers may lag a new
    registration) is a dead letter, and asked about again after ``UNKNOWN_RECHECK_S``. New ids are
    looked up at most ``LOOKUP_BURST`` at once and then one per ``lookup_interval_s``: records with
    ids beyond that (a feed of random ids) are dead letters, and the registry sees a bounded rate."""

    def __init__(self, registry: SchemaRegistrySettings, client: Any, burst: int | None = None) -> None:
        self.registry = registry
        self.client = client
        self.burst = LOOKUP_BURST if burst is None else burst
        self._known: dict[int, Rejection | None] = {}  # id -> None (readable) or the dead letter's reason
        self._unknown: dict[int, float] = {}  # id -> when the registry said it does not know it
        self._tokens = float(self.burst)
        self._refilled = time.monotonic()

    def prefetch(self, topic: str, client: Any | None = None) -> int:
        """Learn the ids of every version under the input topic's subject now; how many (none registered: 0)."""
        from confluent_kafka.schema_registry.error import SchemaRegistryError

        client = client or self.client
        name = subject(topic)
        try:
            versions = client.get_versions(name)
            for version in versions:
                registered = client.get_version(name, version)
                self._known[registered.schema_id] = _readable(registered.schema_id, registered.schema.schema_type)
        except SchemaRegistryError as exc:
            if exc.http_status_code == 404:
                return 0  # producers have not registered one yet: their ids are looked up as they come
            raise BrokerError(f"schema registry {self.registry.url} failed on subject {name!r}: {exc}") from None
        except Exception as exc:  # noqa: BLE001 - transport errors and timeouts
            raise _unreachable(self.registry, exc) from None
        log.info("input_schemas_known", subject=name, ids=sorted(self._known))
        return len(versions)

    def unwrap(self, value: bytes) -> bytes | Rejection:
        """The JSON document of a wire-format value, or why it is a dead letter (from what is known only)."""
        schema_id = _schema_id(value)
        if schema_id is None:
            first = f"starts with byte 0x{value[0]:02x}" if value else "is empty"
            return Rejection(
                DeadLetterReason.not_wire_format,
                f"value {first} and is {len(value)} bytes: not the schema registry's wire format "
                "(byte 0, a 4-byte schema id, the JSON document)",
            )
        if schema_id in self._known:
            rejection = self._known[schema_id]
            return value[HEADER.size :] if rejection is None else rejection
        if schema_id in self._unknown:
            message = f"schema id {schema_id} is not known to the registry {self.registry.url}"
            return Rejection(DeadLetterReason.unknown_schema, message)
        return Rejection(
            DeadLetterReason.unknown_schema,
            f"schema id {schema_id} was not looked up: more new schema ids came than the lookup budget allows "
            f"({self.burst} at once, then one per {self.registry.lookup_interval_s:g} s: schema_registry.lookup_interval_s)",
        )

    def pending(self, values: Iterable[bytes | None]) -> list[int]:
        """The ids among ``values`` the registry has to be asked about, each once, in order of appearance."""
        now = time.monotonic()
        for schema_id, since in list(self._unknown.items()):
            if now - since > UNKNOWN_RECHECK_S:
                del self._unknown[schema_id]
        ids: dict[int, None] = {}
        for value in values:
            schema_id = _schema_id(value) if value else None
            if schema_id is not None and schema_id not in self._known and schema_id not in self._unknown:
                ids[schema_id] = None
        return list(ids)

    async def resolve(self, values: Sequence[bytes | None]) -> None:
        """Learn the new ids among ``values`` (off the event loop) before their records are read."""
        ids = self.pending(values)
        if ids:
            await asyncio.to_thread(self.learn, ids)

    def learn(self, ids: Sequence[int]) -> None:
        """Look ``ids`` up, within the lookup budget (blocking). BrokerError when the registry stays away."""
        for schema_id in ids:
            if not self._take_token():
                log.warning("input_schema_lookups_limited", skipped=len(ids) - ids.index(schema_id))
                return
            self._learn_one(schema_id)

    def _take_token(self) -> bool:
        interval = self.registry.lookup_interval_s
        now = time.monotonic()
        if interval > 0:
            self._tokens = min(float(self.burst), self._tokens + (now - self._refilled) / interval)
        else:
            self._tokens = float(self.burst)
        self._refilled = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True

    def _learn_one(self, schema_id: int) -> None:
        from confluent_kafka.schema_registry.error import SchemaRegistryError

        deadline = time.monotonic() + 3 * self.registry.timeout_s
        not_found, pause = 0, 0.25
        while True:
            try:
                schema = self.client.get_schema(schema_id)
            except SchemaRegistryError as exc:
                if exc.http_status_code == 404:
                    not_found += 1
                    if not_found >= 2:
                        self._unknown[schema_id] = time.monotonic()
                        log.warning("input_schema_unknown", id=schema_id)
                        return
                    time.sleep(1.0)  # a follower may not have the new registration yet
                    continue
                failure = f"{exc}"
            except Exception as exc:  # noqa: BLE001 - transport errors and timeouts
                failure = f"{type(exc).__name__}: {exc}"
            else:
                self._known[schema_id] = _readable(schema_id, schema.schema_type)
                log.info("input_schema_learned", id=schema_id, schema_type=schema.schema_type or "AVRO")
                return
            if time.monotonic() + pause > deadline:
                raise BrokerError(
                    f"schema registry {self.registry.url} cannot tell the input's schema id {schema_id} ({failure}): "
                    "its records are not read until it can (nothing of them is committed)"
                )
            log.warning("input_schema_lookup_failed", id=schema_id, error=failure)
            time.sleep(pause)
            pause = min(pause * 2, 4.0)


def _schema_id(value: bytes) -> int | None:
    if len(value) < MIN_LENGTH or value[:1] != MAGIC:
        return None
    return HEADER.unpack_from(value)[1]


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
    try:
        client = client_for(registry)
        lookups = client_for(registry, retries=0)  # InputSchemas retries lookups itself, within its own bound
    except ValueError as exc:  # the client's own checks of its configuration
        raise ConfigError(f"schema_registry: {exc}") from None
    ids = register_outputs(settings, client) if registry.outputs is RecordFormat.registry else {}
    inputs = None
    if registry.input is RecordFormat.registry:
        inputs = InputSchemas(registry, lookups)
        inputs.prefetch(settings.topics.input, client)
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
