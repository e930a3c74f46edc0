"""Training at the machine's speed: batches padded to their own longest row and grouped by length,
the compute dtype measured on a CPU (an explicit setting wins)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import torch

from training import finetune as ft
from training.data import Example
from training.finetune import TrainConfig, finetune, grouping_length, length_grouped_order
from worker.config import ModelSettings, load_settings
from worker.engine import dtype as dtype_mod
from worker.engine.loading import compute_dtype, load_tokenizer

TASK = {"name": "move", "kind": "classify", "labels": ["up", "down"], "output_topic": "news.move"}


def mixed_lengths(n: int) -> list[Example]:
    """Half one-word items, half long ones: random batches would pad the short ones a lot."""
    rng = random.Random(1)
    out = []
    for i in range(n):
        text = "Up." if i % 2 else "Acme shares " + " ".join(rng.choice(["rose", "fell", "on", "news"]) for _ in range(12))
        out.append(Example(id=f"m{i}", text=text, label="up" if i % 3 else "down"))
    return out


def _train(tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **cfg: Any) -> tuple[list[Any], Any]:
    """Train two steps; return what the collator got and gave for every batch, and the result."""
    seen: list[tuple[list[int], dict[str, torch.Tensor]]] = []
    collate = ft._Collator.__call__

    def recording(self: Any, rows: list[dict[str, Any]]) -> dict[str, torch.Tensor]:
        batch = collate(self, rows)
        seen.append(([len(r["input_ids"]) for r in rows], batch))
        return batch

    monkeypatch.setattr(ft._Collator, "__call__", recording)
    settings = load_settings(model={"base": tiny_model_dir, "max_input_tokens": 96}, tasks=[TASK])
    config = TrainConfig(max_steps=2, batch_size=4, max_input_tokens=96, warmup_ratio=0.0, **cfg)
    result = finetune(settings.model, settings.task("move"), mixed_lengths(8), config, tmp_path / "out")
    return seen, result


def test_a_training_batch_is_padded_only_to_its_own_longest_row(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen, result = _train(tiny_model_dir, tmp_path, monkeypatch, group_by_length=True)
    assert len(seen) >= 2
    for lengths, batch in seen:
        assert batch["input_ids"].shape == (len(lengths), max(lengths))
        assert batch["attention_mask"].sum(1).tolist() == lengths
        for i, n in enumerate(lengths):
            labels = batch["labels"][i]
            assert (labels[n:] == -100).all()  # nothing on the padding
            assert (labels[:n] != -100).sum() >= 1 and labels[0] == -100  # the target tokens only, after the prompt
    # Grouped by length: the one-word items and the long ones do not share a batch, so hardly any padding.
    assert result.counts.rows == 8 and result.counts.padding_fraction < 0.1
    assert result.counts.padded_tokens == sum(b["input_ids"].numel() for _, b in seen[:2])


def test_the_old_fixed_padding_is_kept_to_measure_against(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen, result = _train(tiny_model_dir, tmp_path, monkeypatch, group_by_length=False, pad_to_max_length=True)
    widths = {batch["input_ids"].shape[1] for _, batch in seen}
    assert len(widths) == 1
    width = widths.pop()
    assert width > 96 and result.counts.padded_tokens == 8 * width  # max_input_tokens plus the label's tokens, every row


def test_length_grouped_order_groups_and_keeps_every_row() -> None:
    lengths = [random.Random(i).randint(5, 200) for i in range(50)]
    generator = torch.Generator().manual_seed(0)
    order = length_grouped_order(lengths, 8, generator, bucket=1)
    assert sorted(order) == list(range(50))
    ranked = sorted(range(50), key=lambda i: lengths[i], reverse=True)
    for start in range(0, 48, 8):  # each full batch is a run of neighbours in length order
        positions = sorted(ranked.index(i) for i in order[start : start + 8])
        assert positions[-1] - positions[0] == 7
    assert len(order[48:]) == 2  # the short batch comes last, so the loader's slices stay aligned
    assert length_grouped_order(lengths, 8, generator, bucket=1) != order  # a new order next epoch


def test_grouping_does_not_sort_batches_by_class(tiny_model_dir: Path) -> None:
    """Same prompt lengths, labels of different token lengths: batches must still mix the labels."""
    settings = load_settings(model={"base": tiny_model_dir, "max_input_tokens": 64}, tasks=[TASK])
    task = settings.task("move")
    examples = [Example(id=str(i), text="Acme shares moved on Monday.", label="up" if i % 2 else "down") for i in range(32)]
    rows = ft._features(task, examples, load_tokenizer(tiny_model_dir), TrainConfig(max_input_tokens=64), settings.model.profile)
    assert len({len(r["input_ids"]) for r in rows}) == 2  # the label tokens differ in number
    order = length_grouped_order([grouping_length(r, task) for r in rows], 8, torch.Generator().manual_seed(0))
    for start in range(0, 32, 8):
        assert len({examples[i].label for i in order[start : start + 8]}) == 2


def test_auto_dtype_is_measured_once_and_an_explicit_setting_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    cpu = torch.device("cpu")
    dtype_mod._cpu_choice.cache_clear()
    logs: list[dict[str, Any]] = []

    class Recorder:
        # The module's own logger, recorded directly: structlog's capture_logs misses loggers that
        # another test's configuration already bound.
        def info(self, event: str, **fields: Any) -> None:
            logs.append({"event": event, **fields})

        # Logged when the timing of the moment disagrees with the CPU's flags: a loaded machine does that.
        warning = info

    monkeypatch.setattr(dtype_mod, "log", Recorder())
    first = compute_dtype(ModelSettings(compute_dtype="auto"), cpu)
    assert compute_dtype(ModelSettings(compute_dtype="auto"), cpu) is first
    assert first in (torch.float32, torch.bfloat16)
    chosen = [e for e in logs if e["event"] == "compute_dtype_chosen"]
    assert len(chosen) == 1 and chosen[0]["dtype"] == str(first).removeprefix("torch.")
    assert chosen[0]["float32_ms"] > 0 and chosen[0]["bfloat16_ms"] > 0
    probe = dtype_mod.cpu_probe()
    if probe.reason == "cpu_flags":  # x86: the CPU's flags decide, the same at every start (the timing is only logged)
        assert (probe.dtype is torch.bfloat16) == bool(probe.bf16_flags)
    else:
        assert (probe.dtype is torch.bfloat16) == (probe.bf16_speedup > dtype_mod.BF16_MARGIN)

    # A timing that disagrees with the flags (a loaded machine) is logged, and the flags still decide.
    logs.clear()
    dtype_mod._cpu_choice.cache_clear()
    slow_bf16 = dtype_mod.DtypeProbe(dtype=torch.float32, float32_ms=1.0, bfloat16_ms=9.0, shape=(1, 1, 1), threads=1)
    monkeypatch.setattr(dtype_mod, "cpu_bf16_flags", lambda: ("avx512_bf16",))
    monkeypatch.setattr(dtype_mod, "measure_cpu_matmul", lambda **_: slow_bf16)
    assert compute_dtype(ModelSettings(compute_dtype="auto"), cpu) is torch.bfloat16
    warned = [e for e in logs if e["event"] == "compute_dtype_timing_disagrees"]
    assert [(e["chosen"], e["timed"]) for e in warned] == [("bfloat16", "float32")]

    def no_measuring(*_: Any, **__: Any) -> Any:
        raise AssertionError("measured although the dtype was given or the device is a GPU")

    monkeypatch.setattr(dtype_mod, "measure_cpu_matmul", no_measuring)
    dtype_mod._cpu_choice.cache_clear()
    for name in ("bfloat16", "float32", "float16"):
        assert compute_dtype(ModelSettings(compute_dtype=name), cpu) is getattr(torch, name)
    assert compute_dtype(ModelSettings(compute_dtype="auto"), torch.device("cuda:0")) is torch.bfloat16
    dtype_mod._cpu_choice.cache_clear()
