"""Summarization as batched greedy generation with a max_new_tokens bound."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch

from worker.engine.routing import rows_on
from worker.engine.scoring import left_pad


@dataclass(frozen=True, slots=True)
class GenerateRow:
    prompt_ids: list[int]
    adapter: str | None


@dataclass(frozen=True, slots=True)
class Generated:
    token_ids: list[int]


@torch.inference_mode()
def generate_rows(
    model: Any,
    rows: list[GenerateRow],
    max_new_tokens: int,
    pad_id: int,
    eos_id: int | None,
    device: torch.device,
) -> list[Generated]:
    """Greedy continuations of left-padded prompts; each cut at its first EOS."""
    input_ids, mask = left_pad([r.prompt_ids for r in rows], pad_id)
    p_max = input_ids.shape[1]
    with rows_on(model, [r.adapter for r in rows]) as kwargs:
        out = model.generate(
            input_ids=input_ids.to(device),
            attention_mask=mask.to(device),
            max_new_tokens=max_new_tokens,
            do_sample=False,
            num_beams=1,
            pad_token_id=pad_id,
            eos_token_id=eos_id,
            **kwargs,
        )
    new = out[:, p_max:].cpu().tolist()
    results = []
    for seq in new:
        if eos_id is not None and eos_id in seq:
            seq = seq[: seq.index(eos_id)]
        results.append(Generated(token_ids=[t for t in seq if t != pad_id]))
    return results
