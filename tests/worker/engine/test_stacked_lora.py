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

# Tolerances, set by the kernel the NF4 layers run through, which bitsandbytes (0.50) picks by CPU:
#
# - Without AVX512-BF16 (e.g. an AMD EPYC with AVX2 only): `matmul_4bit` takes the default `gemm_4bit`, which
#   dequantizes the weight to float32 and lets torch multiply in float32 (fp32 matmul precision "highest", no
#   oneDNN bf16). The stacked path and peft's then differ only in the order of float32 sums: measured <= 1.2e-6
#   on logits of magnitude <= 1.6, so 1e-5 on logits and 1e-4 on scores.
# - With AVX512-BF16 (an Intel Xeon with AMX, an AMD Zen 4): `Linear4bit.forward` repacks the weight at the first
#   inference call (`_convert_weight_packed_for_cpu`, absmax to bf16) and `matmul_4bit` hands every CPU input,
#   one row or many, to `gemv_4bit`, whose CPU kernel (`gemv_4bit_inference_cpu_nf4_bf16`, registered only when
#   `has_avx512bf16()`; AVX512-BF16 dot products, no AMX) casts the input to bfloat16, reads the NF4 codes as
#   bfloat16, accumulates in float32 and rounds its output to bfloat16. It computes each row alike whatever the
#   batch, but every NF4 layer's input and output pass through bf16 (eps = 2^-7): where the stacked path's float32
#   LoRA delta differs from peft's in the last bits (scaling folded into B, one matmul over all ranks), an element
#   on a rounding boundary moves by one bf16 ulp and the next layers carry that to the logits. Measured: up to
#   0.3 * eps * max|logits| in a quarter of the elements (2.0e-3 on such a Xeon; 3.4e-3 with this kernel's
#   roundings emulated on float32, where peft's own mixed path also moved that much against one row alone, in
#   4 of 12 batches, and not at all in the others: its spread is no bound to scale). Allowed: 2 * eps *
#   max|logits| (~0.02). What the stacked path must get right moves logits far more: a mask shifted by one row,
#   a missing scaling or a rank column left out changes each affected row by 0.4 to 1.9, and the tests check
#   that the adapters move logits by over 10x the tolerance, so that a mix-up cannot hide under it.
#   Scores are a softmax over the label logits, which move a probability by at most half their own change
#   (|dp_i| <= 2 p_i (1 - p_i) max|dz|); a label logit's change is about one bf16 rounding of a logit of
#   magnitude <= 1 (measured 1.2e-4 in probability on the Xeon, 7e-5 emulated), so eps / 4 (~2e-3) there.


def _nf4_precision(model: Any) -> torch.dtype:
    """The least precise dtype the model computes in: its NF4 layers' (see above) and its other weights'."""
    from bitsandbytes.functional import has_avx512bf16
    from bitsandbytes.nn import Linear4bit

    fused_cpu_kernel = has_avx512bf16()  # bitsandbytes' own test for its bf16-in, bf16-out CPU kernel
    dtypes = {p.dtype for p in model.parameters() if p.is_floating_point()}
    for module in model.modules():
        if isinstance(module, Linear4bit):
            dtypes.add(module.compute_dtype or torch.float32)
            if module.weight.device.type == "cpu" and fused_cpu_kernel:
                dtypes.add(torch.bfloat16)
    return max(dtypes, key=lambda d: torch.finfo(d).eps)


def _logits_tol(model: Any, reference: torch.Tensor) -> float:
    dtype = _nf4_precision(model)
    return 1e-5 if dtype == torch.float32 else 2 * torch.finfo(dtype).eps * reference.abs().max().item()


def _score_tol(model: Any) -> float:
    dtype = _nf4_precision(model)
    return 1e-4 if dtype == torch.float32 else torch.finfo(dtype).eps / 4


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
    tol = _logits_tol(model, peft_mixed)
    torch.testing.assert_close(stacked, peft_mixed, atol=tol, rtol=0)
    # A single-adapter batch right after a mixed one runs on its adapter again (and the base row on none).
    for row, name in enumerate(adapters):
        alone, _ = _logits(model, ids[row : row + 1], [name])
        torch.testing.assert_close(stacked[row], alone[0], atol=tol, rtol=0)
    # The adapters really act, and differently: far more than the tolerance, or a row on the wrong one could pass.
    same_tokens = ids[:1].repeat(3, 1)
    per_adapter, _ = _logits(model, same_tokens, [a, b, BASE_ADAPTER])
    assert (per_adapter[0] - per_adapter[1]).abs().max() > 10 * tol
    assert (per_adapter[0] - per_adapter[2]).abs().max() > 10 * tol
    assert (per_adapter[1] - per_adapter[2]).abs().max() > 10 * tol


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
        tol = _logits_tol(model, expected)
        torch.testing.assert_close(after, expected, atol=tol, rtol=0)
        assert (after[1] - before[1]).abs().max() > 10 * tol
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
    tol = _score_tol(model)
    for spec in engine.tasks:
        for i, item in enumerate(prepared):
            (alone,) = engine._classify([item], [(0, spec)])  # one row, one adapter
            assert together[i].results[spec.name].scores == pytest.approx(alone.scores, abs=tol)
    scores = [tuple(together[0].results[t].scores.values()) for t in ("a", "dora", "embedding", "bare")]
    assert len(set(scores)) == 4


def test_the_engine_runs_tasks_of_one_kind_on_their_own_adapters_in_one_batch(engine_ab: Engine) -> None:
    prepared = [engine_ab.prepare(NewsItem.model_validate(d)) for d in news(4)]
    batched = engine_ab.run(prepared)
    alone = [engine_ab.run([p])[0] for p in prepared]  # still a mixed batch: one row per task
    tol = _score_tol(engine_ab.loaded.model)
    for item, together, single in zip(prepared, batched, alone, strict=True):
        for spec in engine_ab.tasks:
            # One row on its adapter alone: peft's own path, no stacking.
            (reference,) = engine_ab._classify([item], [(0, spec)])
            assert together.results[spec.name].scores == pytest.approx(single.results[spec.name].scores, abs=tol)
            assert together.results[spec.name].scores == pytest.approx(reference.scores, abs=tol)
    # Each pair of tasks scores some item apart by far more than the tolerance: a row on the wrong adapter shows.
    for x, y in (("a", "b"), ("a", "bare"), ("b", "bare")):
        assert max(abs(o.results[x].scores[k] - o.results[y].scores[k]) for o in alone for k in LABELS) > 10 * tol
