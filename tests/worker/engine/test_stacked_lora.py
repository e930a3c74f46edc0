"""Mixed-adapter batches through stacked LoRA weights: the same numbers as peft's own mixed path and as
each adapter alone, on the real NF4 model with real peft adapters of different ranks and targets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import structlog
import structlog.testing
import torch

from schemas import NewsItem
from tests.support.adapters import make_adapter
from tests.support.news import news
from worker.config import load_settings
from worker.engine import Engine
from worker.engine.generation import GenerateRow, generate_rows
from worker.engine.loading import attach_adapter, detach_adapter
from worker.engine.routing import BASE_ADAPTER, rows_on
from worker.engine.stacked_lora import stackable

LABELS = ["up", "down", "flat"]


def _engine(model_dir: Path, adapters: dict[str, Path]) -> Engine:
    tasks: list[dict[str, Any]] = [
        {"name": name, "kind": "classify", "labels": LABELS, "adapter": path, "output_topic": f"o-{name}"}
        for name, path in adapters.items()
    ]
    tasks.append({"name": "bare", "kind": "classify", "labels": LABELS, "output_topic": "o-bare"})
    settings = load_settings(model={"base": model_dir}, tasks=tasks)
    return Engine.load(settings.model, settings.tasks)


@pytest.fixture(scope="module")
def adapter_dirs(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("stacked")
    return {
        "a": make_adapter(tiny_model_dir, root / "a", seed=1),
        # Another rank and partly other layers: some layers carry only one of the two adapters.
        "b": make_adapter(tiny_model_dir, root / "b", seed=2, r=4, targets=("q_proj", "o_proj", "up_proj")),
        # The same name reloaded with other weights and other layers.
        "b2": make_adapter(tiny_model_dir, root / "b2", seed=3, r=4, targets=("k_proj", "gate_proj", "q_proj")),
        "dora": make_adapter(tiny_model_dir, root / "dora", seed=4, dora=True),
        "embedding": make_adapter(tiny_model_dir, root / "embedding", seed=5, targets=("embed_tokens", "q_proj")),
    }


@pytest.fixture(scope="module")
def engine_ab(tiny_model_dir: Path, adapter_dirs: dict[str, Path]) -> Engine:
    return _engine(tiny_model_dir, {"a": adapter_dirs["a"], "b": adapter_dirs["b"]})


def _ids(rows: int, seed: int = 0) -> torch.Tensor:
    return torch.randint(5, 200, (rows, 12), generator=torch.Generator().manual_seed(seed))


@torch.inference_mode()
def _logits(model: Any, ids: torch.Tensor, adapters: list[str]) -> tuple[torch.Tensor, dict[str, Any]]:
    with rows_on(model, adapters) as kwargs:
        return model(input_ids=ids, **kwargs).logits, kwargs


def test_a_mixed_batch_matches_peft_mixed_path_and_each_adapter_alone(engine_ab: Engine) -> None:
    model = engine_ab.loaded.model
    a, b = engine_ab.loaded.peft_name("a"), engine_ab.loaded.peft_name("b")
    adapters = [a, b, BASE_ADAPTER, b, a, BASE_ADAPTER]
    ids = _ids(len(adapters))
    with torch.inference_mode():
        peft_mixed = model(input_ids=ids, adapter_names=adapters).logits
    stacked, kwargs = _logits(model, ids, adapters)
    assert kwargs == {}  # the stacked path, not peft's
    torch.testing.assert_close(stacked, peft_mixed, atol=1e-5, rtol=1e-5)
    # A single-adapter batch right after a mixed one runs on its adapter again (and the base row on none).
    for row, name in enumerate(adapters):
        alone, _ = _logits(model, ids[row : row + 1], [name])
        torch.testing.assert_close(stacked[row], alone[0], atol=1e-5, rtol=1e-5)
    # The adapters really act, and differently.
    same_tokens = ids[:1].repeat(3, 1)
    per_adapter, _ = _logits(model, same_tokens, [a, b, BASE_ADAPTER])
    assert (per_adapter[0] - per_adapter[1]).abs().max() > 1e-3
    assert (per_adapter[1] - per_adapter[2]).abs().max() > 1e-3


def test_mixed_generation_matches_each_adapter_alone(engine_ab: Engine) -> None:
    loaded = engine_ab.loaded
    a, b = loaded.peft_name("a"), loaded.peft_name("b")
    prompts = [ids.tolist() for ids in _ids(4, seed=1)]
    prompts[1] = prompts[1][:7]  # left padding in the mixed batch
    names = [a, b, BASE_ADAPTER, b]
    rows = [GenerateRow(p, n) for p, n in zip(prompts, names, strict=True)]

    def run(batch: list[GenerateRow]) -> list[list[int]]:
        out = generate_rows(loaded.model, batch, 6, engine_ab._pad_id, None, loaded.device)
        return [g.token_ids for g in out]

    mixed = run(rows)
    assert mixed == [run([row])[0] for row in rows]
    assert len({tuple(t) for t in mixed[:3]}) == 3  # three adapters (one the bare base), three continuations


def test_a_reloaded_adapter_of_the_same_name_is_restacked(engine_ab: Engine, adapter_dirs: dict[str, Path]) -> None:
    model = engine_ab.loaded.model
    a, b = engine_ab.loaded.peft_name("a"), engine_ab.loaded.peft_name("b")
    ids = _ids(2, seed=2)
    before, _ = _logits(model, ids, [a, b])
    detach_adapter(model, b)
    try:
        attach_adapter(model, adapter_dirs["b2"], b)
        model.eval()
        after, _ = _logits(model, ids, [a, b])
        with torch.inference_mode():
            expected = model(input_ids=ids, adapter_names=[a, b]).logits
        torch.testing.assert_close(after, expected, atol=1e-5, rtol=1e-5)
        assert (after[1] - before[1]).abs().max() > 1e-3
    finally:
        detach_adapter(model, b)
        attach_adapter(model, adapter_dirs["b"], b)
        model.eval()


def test_the_engine_runs_an_unstackable_mix_one_adapter_at_a_time(tiny_model_dir: Path, adapter_dirs: dict[str, Path]) -> None:
    """Adapters stacking cannot take (DoRA, which peft cannot mix in one batch at all; LoRA on the embedding):
    the engine runs each adapter's rows apart."""
    engine = _engine(tiny_model_dir, {k: adapter_dirs[k] for k in ("a", "dora", "embedding")})
    model = engine.loaded.model
    a, dora, embedding = (engine.loaded.peft_name(k) for k in ("a", "dora", "embedding"))
    assert stackable(model, [a]) and not stackable(model, [a, dora]) and not stackable(model, [a, embedding])
    prepared = [engine.prepare(NewsItem.model_validate(d)) for d in news(3)]
    with structlog.testing.capture_logs() as logs:
        together = engine.run(prepared)
    assert all(not o.errors for o in together)
    assert not [e for e in logs if e["log_level"] == "warning"]  # not by failing and retrying item by item
    for spec in engine.tasks:
        for i, item in enumerate(prepared):
            (alone,) = engine._classify([item], [(0, spec)])  # one row, one adapter
            assert together[i].results[spec.name].scores == pytest.approx(alone.scores, abs=1e-4)
    scores = [tuple(together[0].results[t].scores.values()) for t in ("a", "dora", "embedding", "bare")]
    assert len(set(scores)) == 4


def test_the_engine_runs_tasks_of_one_kind_on_their_own_adapters_in_one_batch(engine_ab: Engine) -> None:
    prepared = [engine_ab.prepare(NewsItem.model_validate(d)) for d in news(4)]
    batched = engine_ab.run(prepared)
    alone = [engine_ab.run([p])[0] for p in prepared]
    for together, single in zip(batched, alone, strict=True):
        for task in ("a", "b", "bare"):
            for label in LABELS:
                assert together.results[task].scores[label] == pytest.approx(single.results[task].scores[label], abs=1e-4)
