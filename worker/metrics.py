"""Prometheus metrics of one worker (prometheus-client).

Each worker owns a registry, so several workers in one process (tests,
benchmarks) never share counters. Names and meanings are listed in
deploy/README.md; the Grafana dashboard queries only these.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

_LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)
_BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256)


class WorkerMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.inputs = Counter("finnews_inputs", "Input records consumed (valid or not).", registry=r)
        self.items_in = Counter("finnews_items_in", "Valid items handed to the engine, per task.", ["task"], registry=r)
        self.items_out = Counter("finnews_items_out", "Results published and acknowledged, per task.", ["task"], registry=r)
        self.dead_letters = Counter("finnews_dead_letters", "Dead letters published, by reason.", ["reason"], registry=r)
        self.batch_size = Histogram("finnews_batch_size", "Items per engine batch.", buckets=_BATCH_BUCKETS, registry=r)
        self.batch_seconds = Histogram("finnews_batch_seconds", "Engine time per batch.", buckets=_LATENCY_BUCKETS, registry=r)
        self.e2e_seconds = Histogram(
            "finnews_end_to_end_seconds",
            "Input record's Kafka timestamp to the broker acknowledging its last output.",
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.lag = Gauge(
            "finnews_consumer_lag",
            "High watermark minus committed offset, per input partition.",
            ["topic", "partition"],
            registry=r,
        )
        self.adapter = Gauge(
            "finnews_adapter_info", "1 for the adapter version in service per task.", ["task", "adapter", "version"], registry=r
        )
        self.adapter_swaps = Counter(
            "finnews_adapter_swaps", "Adapter swaps attempted, by result (ok, refused).", ["task", "result"], registry=r
        )
        self.model_memory = Gauge(
            "finnews_model_memory_bytes", "Memory held by the model (GPU allocated, else parameters and buffers).", registry=r
        )
        self.in_flight = Gauge("finnews_in_flight", "Inputs consumed but not yet published and acked.", registry=r)
        self.rebalances = Counter(
            "finnews_rebalances", "Partition assignments and revocations this worker went through.", ["event"], registry=r
        )
        self.abandoned = Counter(
            "finnews_abandoned_items",
            "Inputs whose results were discarded because their partition was revoked before they finished (redone by the next owner).",
            registry=r,
        )
        self.compute_dtype = Gauge(
            "finnews_compute_dtype_info",
            "1 for the engine's compute dtype, with why it was chosen (setting, gpu, cpu_flags, timed).",
            ["dtype", "reason"],
            registry=r,
        )
        self.ready = Gauge(
            "finnews_ready", "1 when the worker is ready (model loaded, a group member with partitions, not failed).", registry=r
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)
