"""schema_registry.outputs/input = registry, on Apache Kafka and a real registry (Apicurio Registry's
Confluent-compatible API): every output topic is read by another client than the project's
(confluent-kafka's Consumer and JSONDeserializer), inputs in the wire format are read by their schema
id, bad frames become dead letters, and a schema the registry finds incompatible stops the start."""

from __future__ import annotations

import asyncio
import json
import struct
import time
from pathlib import Path
from typing import Any

import pytest

from schemas import DeadLetter
from schemas.news import NewsItem
from schemas.results import ClassificationResult, SummaryResult
from tests.support.news import lines, news
from tests.support.settings import settings_for
from tests.support.topics import read_topic
from training.replay import _unwrap_for
from worker.config import Settings
from worker.dev.demo import publish_raw
from worker.exceptions import BrokerError, ConfigError
from worker.kafka.schema_registry import InputSchemas, client_for, json_schema, output_schemas, subject
from worker.service import run_worker

pytestmark = pytest.mark.kafka

AVRO = json.dumps({"type": "record", "name": "Quote", "fields": [{"name": "price", "type": "double"}]})


def _settings(broker: Any, model: Path, registry: Any, **wire: Any) -> Settings:
    if broker.name == "tansu":
        pytest.skip("the registry tests run on Apache Kafka")
    wire = {"url": registry.url, "outputs": "registry", "input": "registry", "lookup_interval_s": 0.0, **wire}
    return settings_for(broker, model, schema_registry=wire)


def _framed(schema_id: int, document: bytes) -> bytes:
    return struct.pack(">bI", 0, schema_id) + document


def _read_with_confluent(bootstrap: str, topic: str, registry_url: str, expected: int) -> list[dict[str, Any]]:
    """Every record of ``topic`` as Confluent's own consumer and JSON Schema deserializer read them."""
    from confluent_kafka import Consumer
    from confluent_kafka.schema_registry import SchemaRegistryClient
    from confluent_kafka.schema_registry.json_schema import JSONDeserializer
    from confluent_kafka.serialization import MessageField, SerializationContext

    # Without a schema of its own the deserializer validates each record against the writer's schema, by its id.
    deserialize = JSONDeserializer(None, schema_registry_client=SchemaRegistryClient({"url": registry_url}))
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"confluent-{topic}", "auto.offset.reset": "earliest"})
    consumer.subscribe([topic])
    documents: list[dict[str, Any]] = []
    try:
        for _ in range(200):
            if len(documents) >= expected:
                break
            message = consumer.poll(0.5)
            if message is None:
                continue
            assert message.error() is None, message.error()
            documents.append(deserialize(message.value(), SerializationContext(topic, MessageField.VALUE)))
    finally:
        consumer.close()
    return documents


def test_a_registry_worker_is_read_by_confluents_deserializer(
    broker: Any, tiny_model_dir: Path, engine: Any, schema_registry: Any
) -> None:
    settings = _settings(broker, tiny_model_dir, schema_registry)
    client = client_for(settings.schema_registry)
    from confluent_kafka.schema_registry import Schema

    # A producer of the input registers its schema, as registry-aware producers do.
    news_id = client.register_schema(subject(settings.topics.input), Schema(json_schema(NewsItem), "JSON"))
    avro_id = client.register_schema(f"quotes-{settings.topics.input}-value", Schema(AVRO, "AVRO"))
    valid = news(12)
    bad = {
        "not_wire_format": lines(valid[:1])[0],  # plain JSON: no magic byte
        "unknown_schema": _framed(987_654, lines(valid[:1])[0]),
        "unreadable_schema": _framed(avro_id, b'{"price": 1.5}'),
    }
    publish_raw(broker.bootstrap, settings.topics.input, [_framed(news_id, x) for x in lines(valid)] + list(bad.values()))

    summary = asyncio.run(asyncio.wait_for(run_worker(settings, engine=engine, max_items=15, install_signal_handlers=False), 180))

    assert summary.failed is None and (summary.classified, summary.summarized, summary.dead_lettered) == (12, 12, 3)
    ids = sorted(str(item["id"]) for item in valid)
    url = settings.schema_registry.url
    assert url is not None
    for task in settings.tasks:
        assert task.output_topic is not None
        documents = _read_with_confluent(broker.bootstrap, task.output_topic, url, len(ids))
        assert sorted(d["news_id"] for d in documents) == ids, task.name
    letters = _read_with_confluent(broker.bootstrap, settings.topics.deadletter, url, len(bad))
    assert sorted(d["reason"] for d in letters) == sorted(bad)
    for letter in map(DeadLetter.model_validate, letters):
        assert letter.original_value() == bad[letter.reason.value]  # the input's bytes as they came, frame included
    # Each output topic's records carry the id registered under its subject, the one the registry has as latest.
    for topic in output_schemas(settings):
        latest = client.get_latest_version(subject(topic))
        assert {r.value[:5] for r in read_topic(broker.bootstrap, topic)} == {_framed(latest.schema_id, b"")}


def test_a_schema_the_registry_finds_incompatible_stops_the_start(
    broker: Any, tiny_model_dir: Path, engine: Any, schema_registry: Any
) -> None:
    settings = _settings(broker, tiny_model_dir, schema_registry)
    from confluent_kafka.schema_registry import Schema

    topic = settings.task("sentiment").output_topic
    assert topic is not None
    client = client_for(settings.schema_registry)
    # What a consumer already depends on: a numeric label. Ours is a string: existing records could not be read.
    earlier = {"type": "object", "properties": {"label": {"type": "integer"}}, "required": ["label"]}
    client.register_schema(subject(topic), Schema(json.dumps(earlier), "JSON"))
    client.set_compatibility(subject(topic), "BACKWARD")

    with pytest.raises(
        ConfigError, match=rf"refuses the ClassificationResult schema under subject '{topic}-value': incompatible"
    ):
        asyncio.run(asyncio.wait_for(run_worker(settings, engine=engine, max_items=1, install_signal_handlers=False), 120))
    assert len(client.get_versions(subject(topic))) == 1  # nothing registered over it


def test_input_ids_are_learnt_off_the_record_path_within_a_budget(
    broker: Any, tiny_model_dir: Path, schema_registry: Any
) -> None:
    settings = _settings(broker, tiny_model_dir, schema_registry, lookup_interval_s=3600.0)
    from confluent_kafka.schema_registry import Schema

    client = client_for(settings.schema_registry)
    news_id = client.register_schema(subject(settings.topics.input), Schema(json_schema(NewsItem), "JSON"))
    calls: list[int] = []

    class Counting:
        def __getattr__(self, name: str) -> Any:
            method = getattr(client, name)

            def call(*args: Any) -> Any:
                calls.append(args[0] if args else 0)
                return method(*args)

            return call

    document = lines(news(1))[0]
    known, unknown, beyond = _framed(news_id, document), _framed(news_id + 1000, document), _framed(news_id + 2000, document)
    schemas = InputSchemas(settings.schema_registry, Counting(), burst=2)
    assert getattr(schemas.unwrap(known), "reason", None) is not None  # unwrap alone never asks the registry
    assert calls == []
    assert schemas.pending([known, known, unknown, beyond, b"{}"]) == [news_id, news_id + 1000, news_id + 2000]
    asyncio.run(schemas.resolve([known, known, unknown, beyond]))
    # The unknown id was asked about twice (a follower may lag a registration); the third id was over the budget.
    assert calls == [news_id, news_id + 1000, news_id + 1000]
    assert schemas.unwrap(known) == document
    assert "not known to the registry" in schemas.unwrap(unknown).message  # type: ignore[union-attr]
    assert "was not looked up" in schemas.unwrap(beyond).message  # type: ignore[union-attr]
    assert schemas.pending([known, unknown]) == []  # both settled: no more calls for them
    # Known at start: the subject's versions, so the first record needs no lookup.
    warm = InputSchemas(settings.schema_registry, None)
    assert warm.prefetch(settings.topics.input, client) == 1 and warm.pending([known]) == []
    assert warm.unwrap(known) == document
    # The replay job reads a registry input the same way, looking new ids up as it goes.
    unwrap = _unwrap_for(settings, settings.topics.input)
    assert unwrap is not None and unwrap(known) == document


def test_a_registry_that_stays_away_stops_the_input_instead_of_dead_lettering_it(
    broker: Any, tiny_model_dir: Path, schema_registry: Any
) -> None:
    from worker.dev.embedded import free_port

    settings = _settings(broker, tiny_model_dir, schema_registry, timeout_s=0.5)
    away = settings.schema_registry.model_copy(update={"url": f"http://127.0.0.1:{free_port()}"})
    schemas = InputSchemas(away, client_for(away, retries=0))
    started = time.monotonic()
    with pytest.raises(BrokerError, match="cannot tell the input's schema id 7"):
        asyncio.run(schemas.resolve([_framed(7, b'{"id": "x"}')]))
    assert time.monotonic() - started < 5  # within 3 x timeout_s, and off the event loop


def test_registry_formats_need_a_url() -> None:
    from worker.config import load_settings

    with pytest.raises(ConfigError, match=r"schema_registry.url is required"):
        load_settings(schema_registry={"outputs": "registry"})
    # compose passes FINNEWS_SCHEMA_REGISTRY__URL= when no registry is wanted
    assert load_settings(schema_registry={"url": " "}).schema_registry.url is None


RELEASED = Path(__file__).parents[1] / "schemas" / "released"


@pytest.mark.parametrize("name", ["classification_result", "summary_result", "dead_letter"])
def test_each_output_schema_reads_what_the_released_one_wrote(schema_registry: Any, name: str) -> None:
    """Today's schema registers over the released one under BACKWARD compatibility (Confluent's default): a
    field added since must be optional, and none may change type, or every worker's start would be refused."""
    from confluent_kafka.schema_registry import Schema, SchemaRegistryClient

    model = {"classification_result": ClassificationResult, "summary_result": SummaryResult, "dead_letter": DeadLetter}[name]
    released = json.loads((RELEASED / f"{name}.schema.json").read_text())
    client = SchemaRegistryClient({"url": schema_registry.url})
    topic = f"released-{name}-{time.monotonic_ns()}"
    client.register_schema(subject(topic), Schema(json.dumps(released, sort_keys=True), "JSON"))
    client.set_compatibility(subject(topic), "BACKWARD")
    client.register_schema(subject(topic), Schema(json_schema(model), "JSON"))
    assert len(client.get_versions(subject(topic))) == (1 if json.loads(json_schema(model)) == released else 2)
