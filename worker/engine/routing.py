"""Running each row of a batch on its own adapter, taking the plain path when they share one.

peft's mixed-batch path (``adapter_names=[...]``) splits every LoRA layer's
input by adapter and runs each part separately; that is the price of serving
several adapters in one batch, and pure overhead when every row uses the same
one (the usual case: one adapter per task). Then the adapter is made the
active one instead (or all of them disabled, for the bare base).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: peft's name for "no adapter" inside a mixed batch.
BASE_ADAPTER = "__base__"


@contextmanager
def rows_on(model: Any, adapters: list[str | None]) -> Iterator[dict[str, Any]]:
    """Yields the keyword arguments for a forward or generate call that runs row i on ``adapters[i]``.

    None means the model carries no adapters at all; BASE_ADAPTER means this row runs on the bare base.
    Runs on the engine thread (it may change which adapter is active).
    """
    names = set(adapters)
    if names == {None}:
        yield {}
    elif len(names) > 1:
        yield {"adapter_names": list(adapters)}
    elif (name := names.pop()) == BASE_ADAPTER:
        with model.disable_adapter():
            yield {}
    else:
        if model.active_adapter != name:
            model.set_adapter(name, inference_mode=True)
        yield {}
