"""Classification as label scoring: one forward pass over (prompt, label) rows.

Each label's probability is the model's probability of the label's tokens
after the prompt, normalized over the configured labels, so the answer is
always one of them. Training optimizes exactly this quantity (the loss on the
label tokens after the same prompt).

Each row carries its adapter's temperature: the label logits (the labels'
log-likelihoods, or the encoder head's logits) are divided by it before the
softmax, so the probabilities are calibrated (training.calibration fits it);
the most probable label is the same at any temperature. An adapter may also
carry one bias per label, added after the temperature: it gives back the
real class prior that class-weighted training skews, and it can change the
most probable label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch

from worker.engine.routing import rows_on


@dataclass(frozen=True, slots=True)
class ScoreRow:
    prompt_ids: list[int]
    label_ids: list[list[int]]  # one token sequence per label
    adapter: str | None  # peft adapter name, or None when the model has no adapters
    temperature: float = 1.0  # the adapter's: label logits / temperature before the softmax
    bias: tuple[float, ...] | None = None  # the adapter's, one per label: added after the temperature


def calibrated(label_logits: torch.Tensor, temperature: float, bias: tuple[float, ...] | None) -> list[float]:
    """Label probabilities from one row's label logits, at the adapter's temperature and biases."""
    scaled = label_logits / temperature
    if bias is not None:
        scaled = scaled + torch.tensor(bias, dtype=scaled.dtype)
    return torch.softmax(scaled, dim=-1).tolist()


def label_token_ids(tokenizer: Any, labels: tuple[str, ...]) -> list[list[int]]:
    """Tokens of each label as it follows a prompt ending in ':' (with a leading space)."""
    ids = [tokenizer(" " + label, add_special_tokens=False)["input_ids"] for label in labels]
    if any(not seq for seq in ids):
        raise ValueError(f"a label tokenizes to nothing: {labels}")
    return ids


def left_pad(prompts: list[list[int]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Prompts left-padded to the longest, and their attention mask."""
    p_max = max(len(p) for p in prompts)
    input_ids = torch.full((len(prompts), p_max), pad_id, dtype=torch.long)
    mask = torch.zeros((len(prompts), p_max), dtype=torch.long)
    for i, prompt in enumerate(prompts):
        input_ids[i, p_max - len(prompt) :] = torch.tensor(prompt)
        mask[i, p_max - len(prompt) :] = 1
    return input_ids, mask


@torch.inference_mode()
def score_rows(model: Any, rows: list[ScoreRow], pad_id: int, device: torch.device) -> list[list[float]]:
    """Probabilities over each row's labels, from one batched forward pass."""
    if all(len(label) == 1 for row in rows for label in row.label_ids):
        return _score_single_token_labels(model, rows, pad_id, device)
    return _score_expanded(model, rows, pad_id, device)


def _score_expanded(model: Any, rows: list[ScoreRow], pad_id: int, device: torch.device) -> list[list[float]]:
    """One (prompt, label) row per label: any label length."""
    expanded = [(row.prompt_ids, lab, row.adapter) for row in rows for lab in row.label_ids]
    p_max = max(len(p) for p, _, _ in expanded)
    l_max = max(len(lab) for _, lab, _ in expanded)
    n = len(expanded)
    # Prompts are left-padded and labels right-padded, so every label starts at
    # column p_max and only the last l_max + 1 positions' logits are needed.
    input_ids = torch.full((n, p_max + l_max), pad_id, dtype=torch.long)
    mask = torch.zeros((n, p_max + l_max), dtype=torch.long)
    targets = torch.zeros((n, l_max), dtype=torch.long)
    target_mask = torch.zeros((n, l_max), dtype=torch.bool)
    for r, (prompt, label, _) in enumerate(expanded):
        start = p_max - len(prompt)
        input_ids[r, start:p_max] = torch.tensor(prompt)
        input_ids[r, p_max : p_max + len(label)] = torch.tensor(label)
        mask[r, start : p_max + len(label)] = 1
        targets[r, : len(label)] = torch.tensor(label)
        target_mask[r, : len(label)] = True
    position_ids = (mask.cumsum(-1) - 1).clamp(min=0)
    with rows_on(model, [adapter for _, _, adapter in expanded]) as kwargs:
        out = model(
            input_ids=input_ids.to(device),
            attention_mask=mask.to(device),
            position_ids=position_ids.to(device),
            logits_to_keep=l_max + 1,
            use_cache=False,
            **kwargs,
        )
    # logits[:, k] predicts the token at column p_max + k.
    logprobs = torch.log_softmax(out.logits[:, :l_max, :].float(), dim=-1).cpu()
    token_lp = logprobs.gather(-1, targets.unsqueeze(-1)).squeeze(-1)
    seq_lp = (token_lp * target_mask).sum(-1)
    result: list[list[float]] = []
    pos = 0
    for row in rows:
        k = len(row.label_ids)
        result.append(calibrated(seq_lp[pos : pos + k], row.temperature, row.bias))
        pos += k
    return result


@torch.inference_mode()
def classify_sequences(
    model: Any,
    rows: list[list[int]],
    adapters: list[str | None],
    pad_id: int,
    device: torch.device,
    temperatures: list[float] | None = None,
    biases: list[tuple[float, ...] | None] | None = None,
) -> list[list[float]]:
    """Label probabilities from a sequence-classification head (the encoder profile), each row's
    logits divided by its adapter's temperature (default 1) and its biases added (default none)."""
    longest = max(len(r) for r in rows)
    input_ids = torch.full((len(rows), longest), pad_id, dtype=torch.long)
    mask = torch.zeros((len(rows), longest), dtype=torch.long)
    for i, ids in enumerate(rows):
        input_ids[i, : len(ids)] = torch.tensor(ids)
        mask[i, : len(ids)] = 1
    with rows_on(model, adapters) as kwargs:
        logits = model(input_ids=input_ids.to(device), attention_mask=mask.to(device), **kwargs).logits
    temperatures = temperatures or [1.0] * len(rows)
    biases = biases or [None] * len(rows)
    return [calibrated(row, t, b) for row, t, b in zip(logits.float().cpu(), temperatures, biases, strict=True)]


def _score_single_token_labels(model: Any, rows: list[ScoreRow], pad_id: int, device: torch.device) -> list[list[float]]:
    """When every label is one token, one row per item: the labels' probabilities are read off
    the prompt's last position, so the prompt runs once instead of once per label (the same
    numbers as the expanded form, at 1/labels of the cost)."""
    input_ids, mask = left_pad([row.prompt_ids for row in rows], pad_id)
    position_ids = (mask.cumsum(-1) - 1).clamp(min=0)
    with rows_on(model, [row.adapter for row in rows]) as kwargs:
        out = model(
            input_ids=input_ids.to(device),
            attention_mask=mask.to(device),
            position_ids=position_ids.to(device),
            logits_to_keep=1,
            use_cache=False,
            **kwargs,
        )
    logprobs = torch.log_softmax(out.logits[:, -1, :].float(), dim=-1).cpu()
    result = []
    for r, row in enumerate(rows):
        label_lp = logprobs[r, [label[0] for label in row.label_ids]]
        result.append(calibrated(label_lp, row.temperature, row.bias))
    return result
