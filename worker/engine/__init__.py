"""Inference engine: one quantized base model, one LoRA adapter per task.

Knows nothing of Kafka. ``Engine.prepare`` turns a news item into token ids
(cheap, called on the event loop); ``Engine.run`` runs a batch on the engine
thread; ``EngineThread`` is the only bridge between the two.
"""

from worker.engine.engine import Engine, ItemOutcome, PreparedItem
from worker.engine.results import Classification, Summary
from worker.engine.thread import EngineThread

__all__ = ["Classification", "Engine", "EngineThread", "ItemOutcome", "PreparedItem", "Summary"]
