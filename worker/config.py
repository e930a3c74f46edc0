"""Settings: the only reader of the environment and of the config file.

Sources, highest priority first: keyword arguments, ``FINNEWS_*`` environment
variables (nested with ``__``, e.g. ``FINNEWS_BATCH__MAX_ITEMS=8``), then the
file named by ``FINNEWS_CONFIG`` (TOML, YAML or JSON), then defaults.
"""

from __future__ import annotations

import os
import socket
from enum import Enum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    JsonConfigSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
    YamlConfigSettingsSource,
)

from schemas.tasks import Profile, TaskKind, TaskSpec, default_tasks
from worker.exceptions import ConfigError

ENV_PREFIX = "FINNEWS_"
CONFIG_FILE_ENV = "FINNEWS_CONFIG"


class KafkaSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    bootstrap_servers: str = Field(default="127.0.0.1:9092", description="Comma-separated host:port list.")
    group_id: str = "finnews-worker"
    session_timeout_s: float = Field(default=30.0, ge=1, le=3600)
    heartbeat_interval_s: float = Field(default=3.0, gt=0, le=600)
    commit_interval_s: float = Field(default=2.0, gt=0, le=86_400, description="How often acked offsets are committed.")
    max_poll_interval_s: float = Field(default=600.0, ge=10)
    rebalance_timeout_s: float = Field(
        default=60.0, ge=1, le=3600, description="How long the group waits for members to rejoin in a rebalance."
    )
    group_instance_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=249,
        description="Static membership (KIP-345): a stable id per worker (the pod name); a restarted worker gets its partitions back without a rebalance.",
    )
    transactional_id_prefix: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="exactly_once: transactional ids are <prefix>/<input topic>/<partition> (default prefix: the group id).",
    )
    leave_group_on_stop: bool = Field(
        default=True, description="A static member that stops cleanly (SIGTERM) removes itself, so its partitions move at once."
    )
    max_message_bytes: int = Field(
        default=1_000_000, ge=65_536, description="Largest record the producer sends; dead letters are cut to fit it."
    )
    delivery_timeout_s: float = Field(
        default=120.0, ge=5, description="How long an output may wait for the broker before the worker fails."
    )
    transaction_init_timeout_s: float = Field(
        default=30.0,
        gt=0,
        le=3600,
        description="exactly_once: registering the transactional ids of newly assigned partitions must finish within "
        "this, or the worker fails (rather than sit in the rebalance while the transaction coordinator is unavailable).",
    )
    retry_backoff_ms: int = Field(
        default=500,
        ge=10,
        le=60_000,
        description="Pause between the Kafka clients' retries (reconnects, coordinator and metadata look-ups). aiokafka's "
        "100 ms made each worker retry about 50 times a second during a broker outage.",
    )
    auto_offset_reset: str = Field(default="earliest", pattern="^(earliest|latest)$")
    linger_ms: int = Field(default=5, ge=0, le=10_000)
    batch_bytes: int = Field(
        default=262_144,
        ge=16_384,
        description="Producer record batch per partition (capped at max_message_bytes). aiokafka's 16 KB default holds "
        "about ten outputs with lineage; every send beyond a full batch waits for it to drain, which cost the worker "
        "several times its CPU per message.",
    )

    @property
    def producer_batch_bytes(self) -> int:
        """The record batch the worker's producers use: ``batch_bytes``, never above ``max_message_bytes``."""
        return min(self.batch_bytes, self.max_message_bytes)

    # Security, passed to every client (worker, admin, publish, tail, replay).
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN"] = "SCRAM-SHA-512"
    sasl_username: str | None = None
    sasl_password: SecretStr | None = Field(default=None, description="Never logged or printed.")
    ssl_cafile: Path | None = Field(default=None, description="CA bundle that signed the brokers' certificates.")
    ssl_certfile: Path | None = Field(default=None, description="Client certificate (mutual TLS).")
    ssl_keyfile: Path | None = None
    ssl_check_hostname: bool = True

    @field_validator("bootstrap_servers")
    @classmethod
    def _hosts(cls, value: str) -> str:
        hosts = [h.strip() for h in value.split(",") if h.strip()]
        if not hosts or any(":" not in h or not h.rsplit(":", 1)[1].isdigit() for h in hosts):
            raise ValueError(f"expected host:port[,host:port...], got {value!r}")
        for host in hosts:
            port = int(host.rsplit(":", 1)[1])
            if not 1 <= port <= 65535:
                raise ValueError(f"port {port} of {host!r} is outside 1-65535")
        return ",".join(hosts)

    @model_validator(mode="after")
    def _check(self) -> "KafkaSettings":
        if self.heartbeat_interval_s >= self.session_timeout_s:
            raise ValueError("heartbeat_interval_s must be below session_timeout_s")
        if self.security_protocol.startswith("SASL") and not (self.sasl_username and self.sasl_password):
            raise ValueError(f"security_protocol={self.security_protocol} needs sasl_username and sasl_password")
        for name in ("ssl_cafile", "ssl_certfile", "ssl_keyfile"):
            path = getattr(self, name)
            if path is not None and not path.is_file():
                raise ValueError(f"{name} {str(path)!r} does not exist")
        return self

    @property
    def uses_tls(self) -> bool:
        return self.security_protocol in ("SSL", "SASL_SSL")

    def _sasl_kwargs(self) -> dict[str, Any]:
        """The SASL arguments kafka-python and aiokafka share (same names in both)."""
        kwargs: dict[str, Any] = {"security_protocol": self.security_protocol}
        if self.security_protocol.startswith("SASL"):
            assert self.sasl_password is not None
            kwargs.update(
                sasl_mechanism=self.sasl_mechanism,
                sasl_plain_username=self.sasl_username,
                sasl_plain_password=self.sasl_password.get_secret_value(),
            )
        return kwargs

    def kafka_python_kwargs(self) -> dict[str, Any]:
        """Security arguments for kafka-python clients (TLS as file paths)."""
        kwargs = self._sasl_kwargs()
        if self.uses_tls:
            kwargs.update(
                ssl_cafile=str(self.ssl_cafile) if self.ssl_cafile else None,
                ssl_certfile=str(self.ssl_certfile) if self.ssl_certfile else None,
                ssl_keyfile=str(self.ssl_keyfile) if self.ssl_keyfile else None,
                ssl_check_hostname=self.ssl_check_hostname,
            )
        return kwargs

    def aiokafka_kwargs(self) -> dict[str, Any]:
        """Security arguments for aiokafka clients (TLS as an SSLContext)."""
        kwargs = self._sasl_kwargs()
        if self.uses_tls:
            kwargs["ssl_context"] = self.ssl_context()
        return kwargs

    def ssl_context(self) -> Any:
        """An ssl.SSLContext for the asyncio clients, or None without TLS."""
        if not self.uses_tls:
            return None
        import ssl

        context = ssl.create_default_context(cafile=str(self.ssl_cafile) if self.ssl_cafile else None)
        context.check_hostname = self.ssl_check_hostname
        if self.ssl_certfile:
            context.load_cert_chain(str(self.ssl_certfile), str(self.ssl_keyfile) if self.ssl_keyfile else None)
        return context

    @property
    def hosts(self) -> list[str]:
        return self.bootstrap_servers.split(",")


class TopicSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    input: str = "news.raw"
    deadletter: str = "news.deadletter"
    partitions: int = Field(default=4, ge=1, le=10_000, description="Partitions when the CLI creates topics.")
    replication_factor: int = Field(default=1, ge=1, le=32)


class HttpSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = Field(default="0.0.0.0", description="Address of the health and metrics server.")
    port: int | None = Field(default=8080, ge=0, le=65535, description="None disables the server; 0 picks a free port.")


class BatchSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_items: int = Field(default=16, ge=1, le=4096)
    max_wait_ms: float = Field(default=25.0, ge=0, le=60_000)
    max_tokens: int = Field(default=8192, ge=16, description="Budget of prompt tokens (all tasks) per batch.")
    max_in_flight: int = Field(
        default=256, ge=1, description="Upper bound of consumed-but-unpublished items; the working limit follows the batch time."
    )
    revoke_timeout_s: float = Field(
        default=20.0,
        gt=0,
        description="In a rebalance, how long in-flight work of revoked partitions may still finish; "
        "the in-flight limit keeps the work queued behind the engine within it. Below kafka.rebalance_timeout_s.",
    )


class ModelSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    base: Path | None = Field(default=None, description="Folder of the base model (from_pretrained).")
    quantize: bool = Field(default=True, description="Load the base in NF4 (bitsandbytes); off only for debugging.")
    compute_dtype: str = Field(
        default="auto",
        pattern="^(auto|bfloat16|float16|float32)$",
        description="NF4 compute dtype. auto: bfloat16 on a GPU; on a CPU bfloat16 when it has AVX512-BF16 or AMX, else float32 "
        "(by its capability flags, the same at every start; logged as compute_dtype_chosen, reported in /healthz and "
        "finnews_compute_dtype_info): bf16 runs ~50x slower on CPUs without them, 3-4x faster with them. Pin it for a mixed fleet.",
    )
    device: str = Field(default="auto", pattern=r"^(auto|cpu|cuda(:\d+)?)$")
    profile: Profile = Field(
        default=Profile.causal,
        description="causal: decoder LM (classify + summarize); encoder: sequence classifier (classify only).",
    )
    max_input_tokens: int = Field(default=512, ge=8, le=131_072)
    torch_threads: int = Field(default=0, ge=0, description="0 = torch's default.")


class RecordFormat(str, Enum):
    """How a topic's record values are written (or read)."""

    json = "json"  # plain JSON, UTF-8
    # Confluent's wire format with JSON Schema: byte 0, the schema's registry id (4 bytes, big-endian), the JSON.
    registry = "registry"


class SchemaRegistrySettings(BaseModel):
    """A Confluent-compatible schema registry (Confluent, Karapace, Apicurio's /apis/ccompat/v7)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str | None = Field(
        default=None,
        pattern=r"^https?://\S+$",
        description="Base URL of the registry's Confluent-compatible REST API, e.g. http://registry:8081 or "
        "http://apicurio:8080/apis/ccompat/v7.",
    )
    outputs: RecordFormat = Field(
        default=RecordFormat.json,
        description="Results and dead letters: plain JSON, or the wire format with each topic's schema id "
        "(subject <topic>-value, registered or looked up once at start).",
    )
    input: RecordFormat = Field(
        default=RecordFormat.json,
        description="The input: plain JSON, or the wire format (each record's schema id looked up once and cached; "
        "a record without the magic byte, with an unknown id or a schema other than JSON is dead-lettered).",
    )
    auto_register: bool = Field(
        default=True,
        description="Register each output schema at start (the registry refuses an incompatible one: the worker does "
        "not start). False: only look it up; a schema not registered yet stops the start.",
    )
    timeout_s: float = Field(default=10.0, gt=0, le=300, description="Bound of each call to the registry.")
    lookup_interval_s: float = Field(
        default=1.0,
        ge=0,
        le=3600,
        description="Input ids not seen before are looked up at most once per this many seconds (a feed of random ids "
        "cannot turn into one registry call per record); records with ids not looked up are dead-lettered.",
    )
    basic_auth_user_info: SecretStr | None = Field(default=None, description="USER:PASSWORD for HTTP basic auth.")

    @field_validator("url", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        # FINNEWS_SCHEMA_REGISTRY__URL= (compose's ${...:-}) means no registry
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def used(self) -> bool:
        return RecordFormat.registry in (self.outputs, self.input)


class Delivery(str, Enum):
    """What a consumer of the output topics may count on."""

    at_least_once = "at_least_once"  # offsets committed after outputs are acked: a crash repeats work
    exactly_once = "exactly_once"  # outputs, dead letters and offsets in one transaction per batch and partition


class Settings(BaseSettings):
    """Everything a worker needs; validated once at start-up, then frozen."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
    )

    kafka: KafkaSettings = KafkaSettings()
    topics: TopicSettings = TopicSettings()
    batch: BatchSettings = BatchSettings()
    model: ModelSettings = ModelSettings()
    http: HttpSettings = HttpSettings()
    schema_registry: SchemaRegistrySettings = SchemaRegistrySettings()
    tasks: list[TaskSpec] = Field(default_factory=default_tasks)
    delivery: Delivery = Field(
        default=Delivery.at_least_once,
        description="exactly_once needs a broker with transactions (Apache Kafka) and read_committed consumers downstream.",
    )
    worker_id: str = Field(default_factory=lambda: f"{socket.gethostname()}-{os.getpid()}")
    max_item_bytes: int = Field(default=1_000_000, ge=64, description="Larger input values are dead-lettered.")
    metrics_interval_s: float = Field(default=5.0, gt=0, le=3600, description="How often lag and memory are sampled.")
    drain_timeout_s: float = Field(default=20.0, ge=0, description="SIGTERM: time to finish in-flight batches.")
    progress_timeout_s: float = Field(
        default=300.0,
        ge=5,
        description="Liveness: with inputs waiting (lag or in flight), no input finished for this long means stuck; "
        "/healthz fails and the worker exits. Must exceed the slowest batch.",
    )
    membership_timeout_s: float = Field(
        default=180.0, ge=5, description="A worker out of its consumer group this long while a broker answers exits non-zero."
    )
    registry: Path | None = Field(default=None, description="Adapter registry; each task serves its current version.")
    adapter_events_topic: str = "adapters.events"
    adapter_reconcile_s: float = Field(
        default=60.0, gt=0, description="How often workers compare served adapters with the registry."
    )
    cache_dir: Path = Field(default=Path.home() / ".cache" / "finnews", description="Demo model and Kafka jars.")
    log_level: str = Field(default="INFO", pattern="^(DEBUG|INFO|WARNING|ERROR)$")
    log_format: str = Field(default="json", pattern="^(json|console)$")

    @model_validator(mode="after")
    def _check_tasks(self) -> "Settings":
        if not self.tasks:
            raise ValueError("at least one task is required")
        names = [t.name for t in self.tasks]
        if len(set(names)) != len(names):
            raise ValueError(f"task names must be unique, got {names}")
        outputs = [t.output_topic for t in self.tasks if t.output_topic is not None]
        summarize = {t.name for t in self.tasks if t.kind is TaskKind.summarize}
        for task in self.tasks:
            if task.judges is not None and task.judges not in summarize:
                raise ValueError(f"task {task.name!r} judges {task.judges!r}, which is not a summarize task of this worker")
        judged = [t.judges for t in self.tasks if t.judges is not None]
        if len(set(judged)) != len(judged):
            raise ValueError("a summarize task takes at most one judge task")
        if len(set(outputs)) != len(outputs):
            raise ValueError("each task needs its own output topic")
        reserved = {self.topics.input, self.topics.deadletter}
        clash = reserved.intersection(outputs)
        if clash:
            raise ValueError(f"output topic(s) {sorted(clash)} clash with the input or dead-letter topic")
        for task in self.tasks:
            if task.adapter is not None and not task.adapter.is_dir():
                raise ValueError(f"task {task.name!r}: adapter folder {str(task.adapter)!r} does not exist")
        if self.registry is not None and not self.registry.is_dir():
            raise ValueError(f"registry {str(self.registry)!r} is not a folder")
        if self.model.profile is Profile.encoder:
            if any(t.kind is not TaskKind.classify for t in self.tasks):
                raise ValueError(
                    "a worker on an encoder base serves classification tasks only; remove the summarize tasks or use a causal base"
                )
            if len({len(t.labels) for t in self.tasks}) != 1:
                raise ValueError("an encoder base needs classify tasks that all have the same number of labels")
        if self.batch.revoke_timeout_s >= self.kafka.rebalance_timeout_s:
            raise ValueError("batch.revoke_timeout_s must be below kafka.rebalance_timeout_s")
        if self.schema_registry.used and self.schema_registry.url is None:
            raise ValueError("schema_registry.url is required when schema_registry.outputs or .input is 'registry'")
        if self.model.base is not None and not (self.model.base / "config.json").is_file():
            raise ValueError(f"model.base {str(self.model.base)!r} has no config.json")
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        path = os.environ.get(CONFIG_FILE_ENV)
        if path:
            sources.append(_file_source(settings_cls, Path(path)))
        return tuple(sources)

    def task(self, name: str) -> TaskSpec:
        for task in self.tasks:
            if task.name == name:
                return task
        raise KeyError(name)


def _file_source(settings_cls: type[BaseSettings], path: Path) -> PydanticBaseSettingsSource:
    if not path.is_file():
        raise ConfigError(f"{CONFIG_FILE_ENV}: config file {str(path)!r} does not exist")
    suffix = path.suffix.lower()
    if suffix == ".toml":
        return TomlConfigSettingsSource(settings_cls, toml_file=path)
    if suffix in {".yaml", ".yml"}:
        return YamlConfigSettingsSource(settings_cls, yaml_file=path)
    if suffix == ".json":
        return JsonConfigSettingsSource(settings_cls, json_file=path)
    raise ConfigError(f"{CONFIG_FILE_ENV}: unsupported config file type {suffix!r} (use .toml, .yaml or .json)")


def load_settings(**overrides: Any) -> Settings:
    """Build and validate the settings; a bad setting raises ConfigError with one line."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise ConfigError(describe_validation_error(exc)) from None
    except ValueError as exc:  # malformed env JSON or config file content
        raise ConfigError(f"invalid settings: {exc}") from None


def describe_validation_error(exc: ValidationError) -> str:
    """One line naming each bad setting (as its environment variable) and what is wrong."""
    parts = []
    for err in exc.errors():
        loc = [str(p) for p in err["loc"]]
        dotted = ".".join(loc) or "settings"
        env = ENV_PREFIX + "__".join(p.upper() for p in loc if not p.isdigit()) if loc else ENV_PREFIX
        msg = err["msg"].removeprefix("Value error, ")
        parts.append(f"{dotted} ({env}): {msg}")
    return "invalid setting: " + "; ".join(parts)
