"""An engine whose model fails on any row holding a poison token ('@'), for isolation tests."""

from __future__ import annotations

from typing import Any

import torch

from worker.config import Settings
from worker.engine import Engine

POISON_TEXT = "@@ poisoned @@"


class _Poisoned:
    """Wraps the model; any forward or generate over a row holding the poison token fails."""

    def __init__(self, model: Any, poison: int) -> None:
        self._model, self._poison = model, poison

    def _check(self, input_ids: torch.Tensor) -> None:
        if (input_ids == self._poison).any():
            raise RuntimeError("poisoned row")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self._check(kwargs["input_ids"])
        return self._model(*args, **kwargs)

    def generate(self, *args: Any, **kwargs: Any) -> Any:
        self._check(kwargs["input_ids"])
        return self._model.generate(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        # Everything else (memory footprint, adapters, eval) is the wrapped model's.
        return getattr(self._model, name)


def poisoned_engine(settings: Settings) -> Engine:
    """A freshly loaded engine (never the shared one) that fails on items containing POISON_TEXT."""
    engine = Engine.load(settings.model, settings.tasks)
    poison = engine.loaded.tokenizer("@", add_special_tokens=False)["input_ids"][0]
    engine.loaded.model = _Poisoned(engine.loaded.model, poison)
    return engine
