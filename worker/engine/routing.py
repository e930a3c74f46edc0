"""Running each row of a batch on its own adapter, taking the plain path when they share one.

When every row uses the same adapter (the usual case: one adapter per task),
that adapter is made the active one. A real mix of plain LoRA adapters (and
the bare base) runs through stacked weights and a row mask
(worker.engine.stacked_lora), at about the cost of one adapter; what that
cannot take (DoRA, modules_to_save heads, ...) goes through peft's mixed-batch
path (``adapter_names=[...]``), which splits every layer's input by adapter
at every step, or peft's disable_adapter() for the bare base.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from worker.engine.stacked_lora import layers_on, rows_stacked, stackable

#: peft's name for "no adapter" inside a mixed batch.
BASE_ADAPTER = "__base__"


def _named(adapters: list[str | None]) -> list[str]:
    """The adapters these rows name, without "no adapter" (None) or "the bare base", sorted."""
    return sorted({a for a in adapters if a is not None and a != BASE_ADAPTER})


def one_call_serves(model: Any, adapters: list[str | None]) -> bool:
    """Whether `rows_on` runs these rows in one call at about one adapter's cost: one adapter for all,
    or a mix that stacked LoRA can take. Otherwise the caller had better run each adapter's rows apart
    (peft's mixed path splits every layer's input anyway, and cannot mix some variants at all, e.g. DoRA)."""
    return len(set(adapters)) <= 1 or stackable(model, _named(adapters))


@contextmanager
def rows_on(model: Any, adapters: list[str | None]) -> Iterator[dict[str, Any]]:
    """Yields the keyword arguments for a forward or generate call that runs row i on ``adapters[i]``.

    None means the model carries no adapters at all; BASE_ADAPTER means this row runs on the bare base.
    Runs on the engine thread (it may change which adapter is active).
    """
    names = set(adapters)
    plain = _named(adapters)
    if names == {None}:
        yield {}
    elif len(names) == 1 and plain:
        if not layers_on(model, plain):
            model.set_adapter(plain[0], inference_mode=True)
        yield {}
    elif stackable(model, plain):
        # A mix, or only the bare base: no adapter active, each row's delta added per layer.
        with rows_stacked(model, adapters):
            yield {}
    elif len(names) > 1:
        yield {"adapter_names": list(adapters)}
    else:
        with model.disable_adapter():
            yield {}
