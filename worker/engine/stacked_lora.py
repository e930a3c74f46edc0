"""Several LoRA adapters in one batch for about the price of one: stacked weights and a row mask.

peft's mixed-batch path (``adapter_names=[...]``) splits every LoRA layer's
input by adapter at every forward step: a Python pass over the rows, an index
gather, two small matmuls and an index write per adapter. Here each layer's
adapters are stacked once (and cached while their weights stay the same):

    A_all = [A_1; ...; A_n]            (sum of ranks x in)
    B_all = [s_1 B_1, ..., s_n B_n]    (out x sum of ranks, scaling folded in)

and each row keeps only its own adapter's block of ``x A_all^T`` through a 0/1
mask built once per batch, so ``delta = ((x A_all^T) * mask) B_all^T``: two
matmuls per layer whatever the mix, the same as one adapter. The wasted work
is ``(n - 1) * r`` columns per row, tiny next to the base layer at LoRA ranks
(Punica and S-LoRA gather each row's weights instead, which pays off at many
adapters; this engine serves one per task).

The delta is added by a forward hook on each LoRA layer's base layer while
the layer's own adapters are set aside, so the base runs exactly as in peft. Only plain
LoRA on linear layers qualifies (no DoRA or other variants, no LoRA bias, no
modules_to_save heads); `stackable` says no otherwise and the caller keeps
peft's path.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

#: Stacks kept per layer (one per combination of adapters seen; old ones go first).
MAX_STACKS_PER_LAYER = 8


@dataclass(frozen=True, slots=True)
class Stack:
    """One layer's adapters, stacked in the order of ``names``."""

    a: torch.Tensor  # (sum of ranks, in)
    b: torch.Tensor  # (out, sum of ranks), each block times its adapter's scaling
    ranks: tuple[int, ...]  # per name; 0 where the adapter does not touch this layer
    sources: tuple[torch.Tensor, ...]  # the weights it was built from: a rebuilt adapter is a new stack


@dataclass(slots=True)
class _Survey:
    """What one set of loaded adapters looks like to this module; redone whenever an adapter is (re)loaded."""

    configs: tuple[Any, ...]  # every load makes a new config object, even under an old name
    layers: list[nn.Module] | None
    verdicts: dict[frozenset[str], bool] = field(default_factory=dict)


_surveys: "weakref.WeakKeyDictionary[nn.Module, _Survey]" = weakref.WeakKeyDictionary()
_stacks: "weakref.WeakKeyDictionary[nn.Module, dict[tuple[str, ...], Stack]]" = weakref.WeakKeyDictionary()


def _survey(model: Any) -> _Survey | None:
    from peft import PeftModel
    from peft.tuners.lora import LoraLayer
    from peft.tuners.tuners_utils import BaseTunerLayer
    from peft.utils.other import AuxiliaryTrainingWrapper

    if not isinstance(model, PeftModel) or model.training:
        return None
    configs = tuple(model.peft_config.values())
    survey = _surveys.get(model)
    if survey is not None and len(survey.configs) == len(configs) and all(a is b for a, b in zip(survey.configs, configs)):
        return survey
    layers: list[nn.Module] | None = []
    for module in model.modules():
        if isinstance(module, LoraLayer):
            layers.append(module)
        elif isinstance(module, (BaseTunerLayer, AuxiliaryTrainingWrapper)):
            layers = None  # e.g. a modules_to_save head: its per-row choice is peft's to make
            break
    survey = _surveys[model] = _Survey(configs, layers)
    return survey


def lora_layers(model: Any) -> list[nn.Module] | None:
    """The model's LoRA layers, or None when it holds anything this path cannot stand in for."""
    survey = _survey(model)
    return None if survey is None else survey.layers


def _plain(layer: Any, name: str) -> bool:
    """Plain LoRA on a linear layer: nothing of this adapter's but its A and B (no embedding or magnitude weights)."""
    others = (getattr(layer, attr, {}) for attr in layer.adapter_layer_names if attr not in ("lora_A", "lora_B"))
    return (
        not any(name in weights for weights in others)
        and (name in layer.lora_A) == (name in layer.lora_B)
        and (name not in layer.lora_A or isinstance(layer.lora_A[name], nn.Linear))
        and (name not in layer.lora_B or isinstance(layer.lora_B[name], nn.Linear))
        and name not in layer.lora_variant
        and not layer.lora_bias.get(name, False)
    )


def stackable(model: Any, names: Sequence[str]) -> bool:
    """Whether every layer's adapters among ``names`` are plain LoRA that `rows_stacked` can run."""
    survey = _survey(model)
    if survey is None or survey.layers is None:
        return False
    key = frozenset(names)
    if key not in survey.verdicts:
        survey.verdicts[key] = all(
            all(_plain(layer, n) for n in key) and len({layer.lora_A[n].weight.dtype for n in key if n in layer.lora_A}) <= 1
            for layer in survey.layers
        )
    return survey.verdicts[key]


def stack_for(layer: Any, names: tuple[str, ...]) -> Stack | None:
    """The layer's stacked weights for ``names`` (None when none of them touches it)."""
    present = [n for n in names if n in layer.lora_A]
    if not present:
        return None
    sources = tuple(w for n in present for w in (layer.lora_A[n].weight, layer.lora_B[n].weight))
    per_layer = _stacks.setdefault(layer, {})
    stack = per_layer.get(names)
    if stack is not None and len(stack.sources) == len(sources) and all(a is b for a, b in zip(stack.sources, sources)):
        return stack
    with torch.no_grad():
        a = torch.cat([layer.lora_A[n].weight for n in present], dim=0)
        b = torch.cat([layer.lora_B[n].weight * layer.scaling[n] for n in present], dim=1)
    ranks = tuple(layer.lora_A[n].weight.shape[0] if n in layer.lora_A else 0 for n in names)
    stack = Stack(a=a, b=b, ranks=ranks, sources=sources)
    per_layer.pop(names, None)
    per_layer[names] = stack
    while len(per_layer) > MAX_STACKS_PER_LAYER:
        per_layer.pop(next(iter(per_layer)))
    return stack


def row_mask(rows: Sequence[int], ranks: tuple[int, ...], dtype: torch.dtype, device: torch.device) -> torch.Tensor:
    """(batch, 1, sum of ranks): 1 over row i's adapter's block, 0 elsewhere (all 0 for a base row, index -1)."""
    starts = [sum(ranks[:k]) for k in range(len(ranks))]
    mask = torch.zeros((len(rows), 1, sum(ranks)), dtype=dtype)
    for i, k in enumerate(rows):
        if k >= 0:
            mask[i, 0, starts[k] : starts[k] + ranks[k]] = 1
    return mask.to(device)


def _add_delta(stack: Stack, mask: torch.Tensor, module: nn.Module, args: tuple[Any, ...], output: torch.Tensor) -> torch.Tensor:
    x = args[0] if args else None
    if not isinstance(x, torch.Tensor) or x.dim() != 3 or x.shape[0] != mask.shape[0]:
        shape = tuple(x.shape) if isinstance(x, torch.Tensor) else type(x).__name__
        # Rows can only be told apart on a (batch, sequence, features) input.
        raise RuntimeError(f"stacked LoRA needs a (batch={mask.shape[0]}, seq, features) input, got {shape}")
    delta = F.linear(F.linear(x.to(stack.a.dtype), stack.a) * mask, stack.b)
    return output + delta.to(output.dtype)


def layers_on(model: Any, names: list[str]) -> bool:
    """Whether every LoRA layer of the model has exactly ``names`` active (peft sets them model-wide)."""
    layers = lora_layers(model)
    if layers is None:
        return [model.active_adapter] == names
    return all(layer.active_adapters == names for layer in layers)


@contextmanager
def rows_stacked(model: Any, adapters: Sequence[str | None]) -> Iterator[None]:
    """Within the block, row i of every forward or generate call runs on ``adapters[i]``.

    A name the model does not hold (or None, or peft's "__base__") means the
    bare base. Check `stackable` first. Runs on the engine thread: it hooks
    the model's layers for the duration, and leaves peft's own adapters set
    aside in every layer (no active adapter) until something sets one again:
    consecutive mixed batches then pay nothing for the switch (a per-layer
    set_adapter costs ~0.1 ms; peft's model-wide disable_adapter() surveys the
    whole model, 4 ms on the tiny one).
    """
    layers = lora_layers(model)
    if layers is None:
        raise ValueError("this model cannot take stacked LoRA (check stackable() first)")
    for layer in layers:
        if layer.active_adapters:
            layer.set_adapter([], inference_mode=True)
    names = tuple(sorted(set(adapters) & set(model.peft_config)))
    position = {n: k for k, n in enumerate(names)}
    rows = [position.get(a, -1) for a in adapters]
    masks: dict[tuple[Any, ...], torch.Tensor] = {}
    with ExitStack() as hooks:
        for layer in layers:
            stack = stack_for(layer, names)
            if stack is None:
                continue
            key = (stack.ranks, stack.a.dtype, stack.a.device)
            if key not in masks:
                masks[key] = row_mask(rows, stack.ranks, stack.a.dtype, stack.a.device)
            # On the base layer: the LoRA layer, with no adapter active, returns its base output plus this delta.
            hooks.callback(layer.get_base_layer().register_forward_hook(partial(_add_delta, stack, masks[key])).remove)
        yield
