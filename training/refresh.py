"""Periodic refresh: train from the feedback topic when enough new examples arrived."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import structlog

from training.feedback import Position, load_topic
from training.finetune import TrainConfig
from training.train import TrainOutcome, train_and_register
from worker.config import Settings
from worker.registry import Registry

log = structlog.get_logger(__name__)

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([smhd])", text.strip())
    if not match:
        raise ValueError(f"interval {text!r}: expected a number and a unit (s, m, h, d), e.g. 6h")
    return float(match.group(1)) * _UNITS[match.group(2)]


def position_file(registry: Registry, task: str, topic: str) -> Path:
    return registry.task_dir(task) / f"feedback-position.{topic}.json"


def refresh_once(
    settings: Settings,
    task: str,
    topic: str,
    registry: Registry,
    cfg: TrainConfig,
    heldout_fraction: float,
    margin: float,
    min_new: int,
    announce_events: bool = True,
) -> TrainOutcome | None:
    """Train on the whole topic if at least ``min_new`` records arrived since the last run."""
    position = Position(position_file(registry, task, topic))
    before = position.load()
    examples, end = load_topic(settings.kafka, topic, settings.task(task))
    new = Position.new_records(before, end)
    if new < min_new:
        log.info("refresh_skipped", task=task, topic=topic, new_examples=new, min_new=min_new)
        return None
    log.info("refresh_training", task=task, topic=topic, new_examples=new, examples=len(examples))
    outcome = train_and_register(
        settings, task, examples, f"kafka:{topic}", registry, cfg, heldout_fraction, margin, announce_events=announce_events
    )
    # Only a finished run moves the position: a crash retrains on the same records.
    position.save(end)
    return outcome


def refresh_every(interval_s: float, run: Callable[[], object], should_stop: Callable[[], bool] = lambda: False) -> None:
    while not should_stop():
        started = time.monotonic()
        run()
        time.sleep(max(0.0, interval_s - (time.monotonic() - started)))
