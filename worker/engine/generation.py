"""Summarization as batched greedy generation with a max_new_tokens bound."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
from transformers import LogitsProcessorList

from worker.engine.constraints import BannedSequences, NoRepeatInOutput
from worker.engine.routing import rows_on
from worker.engine.scoring import left_pad


@dataclass(frozen=True, slots=True)
class GenerateRow:
    prompt_ids: list[int]
    adapter: str | None
    no_repeat_ngram_size: int = 0  # the row never repeats an n-gram of its own output (0: no limit)
    banned: tuple[tuple[int, ...], ...] = ()  # token sequences the row must not write (a regenerated headline's facts)


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
    repeatable: frozenset[int] = frozenset(),
) -> list[Generated]:
    """Greedy continuations of left-padded prompts; each cut at its first EOS.

    Each row's constraints (worker/engine/constraints.py) hold for that row alone, so one
    batch may mix rows with and without them. ``repeatable``: token ids whose n-grams alone
    may repeat (digits and separators, see ``repeatable_token_ids``).
    """
    input_ids, mask = left_pad([r.prompt_ids for r in rows], pad_id)
    p_max = input_ids.shape[1]
    processors = LogitsProcessorList()
    if any(r.no_repeat_ngram_size > 0 for r in rows):
        processors.append(NoRepeatInOutput([r.no_repeat_ngram_size for r in rows], p_max, repeatable))
    if any(r.banned for r in rows):
        processors.append(BannedSequences([r.banned for r in rows]))
    with rows_on(model, [r.adapter for r in rows]) as kwargs:
        out = model.generate(
            input_ids=input_ids.to(device),
            attention_mask=mask.to(device),
            max_new_tokens=max_new_tokens,
            do_sample=False,
            num_beams=1,
            pad_token_id=pad_id,
            eos_token_id=eos_id,
            logits_processor=processors,
            **kwargs,
        )
    new = out[:, p_max:].cpu().tolist()
    results = []
    for seq in new:
        if eos_id is not None and eos_id in seq:
            seq = seq[: seq.index(eos_id)]
        results.append(Generated(token_ids=[t for t in seq if t != pad_id]))
    return results
