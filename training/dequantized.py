"""The frozen NF4 base, dequantized once for training on a CPU.

QLoRA keeps the base in NF4 and dequantizes every frozen linear on the fly,
twice a step (the forward, and the backward's input gradient). On a GPU that
saves memory the model needs. On a CPU, where memory is plentiful and time is
not, it is repeated work: the frozen weights never change, so their
dequantized values are the same every step. Dequantizing them once gives
every step exactly the numbers QLoRA computes (the NF4 weights as the worker
serves them), without the per-step dequantization. The saved adapter is the
same LoRA adapter, trained against the same base values.

The cost is memory: the base's linears in the compute dtype (4 bytes a weight
in float32, 8x their NF4 size: 0.4 GB for Gemma 3 270M's 100M linear weights).
"""

from __future__ import annotations

from typing import Any

import structlog
import torch

log = structlog.get_logger(__name__)


def dequantize_frozen_linears(model: Any) -> int:
    """Replace every bitsandbytes 4-bit linear of ``model`` by a frozen ``nn.Linear`` holding its
    dequantized weight (in the layer's compute dtype); returns how many were replaced."""
    import bitsandbytes as bnb

    targets = [(name, module) for name, module in model.named_modules() if isinstance(module, bnb.nn.Linear4bit)]
    for name, module in targets:
        weight = bnb.functional.dequantize_4bit(module.weight.data, module.weight.quant_state)
        dtype = module.compute_dtype or weight.dtype
        linear = torch.nn.Linear(module.in_features, module.out_features, bias=module.bias is not None, device=weight.device)
        linear.weight = torch.nn.Parameter(weight.to(dtype).contiguous(), requires_grad=False)
        if module.bias is not None:
            linear.bias = torch.nn.Parameter(module.bias.data.to(dtype), requires_grad=False)
        parent_name, _, child = name.rpartition(".")
        setattr(model.get_submodule(parent_name) if parent_name else model, child, linear)
    if targets:
        log.info("base_dequantized_for_training", linears=len(targets))
    return len(targets)
