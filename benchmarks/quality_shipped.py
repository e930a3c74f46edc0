"""The adapters the project ships, on whole held-out sets: no training, through `finnews evaluate`'s code.

    .venv/bin/python -m benchmarks.quality --shipped [--limit N] [--edtsum-items N] [--only twitter|fpb|edtsum]
        [--base DIR] [--out DIR]

Runs the bundled registry's current sentiment and headline versions
(worker/dev/demo_adapters) on Gemma 3 270M (converted by `finnews model gemma`):
  - sentiment on Twitter Financial News validation (bullish/bearish -> positive/negative)
  - sentiment on Financial PhraseBank, all annotators agree (never trained on)
  - headline on EDTSum test (500 items): ROUGE-1, and the share of published
    headlines that are ungrounded or loop (after the task's grounding policy)
Each set gets a report folder under --out (report.json/md and PNGs, as
`finnews evaluate` writes them). --limit N takes a seeded sample of N per set
(the whole sets took 35-40 minutes on two CPU cores); --edtsum-items N samples
EDTSum alone (generation is the slow part: about 2 s a headline there).
Skips a set whose data is absent.

Last line: twitter_valid_macro_f1=A fpb_allagree_macro_f1=B edtsum_rouge1=C ungrounded=D looping=E ece=F
model_unsupported=G published_unsupported=H edtsum_lead_rouge1=I
(F: the expected calibration error on Twitter validation as served, i.e. with
the adapter's temperature when its manifest has one; G: the share of the model's own
headlines the worker's checks (fact rules and the headline judge) rejected before the
grounding policy replaced them; H: the share still unsupported as published; I: the story's own lead cut
at 20 words, dateline and asides dropped, as a headline: the baseline C must beat).
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

from schemas.tasks import default_tasks
from training.evaluate import metrics_for
from training.evaluate_report import save
from training.evaluate_run import EvaluationRequest, run_evaluation
from training.replay import VersionRef
from worker.config import load_settings
from worker.dev.demo import JUDGE, bundled_registry, judge_task
from worker.registry import Registry

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
TWITTER_LABELS = {"bullish": "positive", "bearish": "negative", "neutral": "neutral"}


def _sets(data: Path) -> list[tuple[str, str, Path, dict[str, str]]]:
    return [
        ("twitter_valid", "sentiment", data / "twitter_financial_news_sentiment" / "valid.jsonl", TWITTER_LABELS),
        ("fpb_allagree", "sentiment", data / "financial_phrasebank" / "allagree.jsonl", {}),
        ("edtsum", "headline", data / "edtsum" / "test.jsonl", {}),
    ]


def run_shipped(
    base: Path,
    limit: int | None,
    out: Path | None,
    data: Path = DATA,
    edtsum_limit: int | None = None,
    only: str | None = None,
) -> dict[str, dict[str, Any]]:
    """Each set's metrics by name; ``only`` ("twitter", "fpb" or "edtsum") runs that set alone."""
    if not (base / "config.json").is_file():
        print(f"skipped: no converted Gemma at {base} (run `finnews model gemma`)")
        return {}
    out = out or Path(tempfile.mkdtemp(prefix="finnews-shipped-"))
    registry_root = bundled_registry()
    registry = Registry(registry_root)
    # The headline task with the judge the bundled registry ships, as the demo serves it.
    tasks = [*default_tasks(), *([judge_task()] if registry.current(JUDGE) else [])]
    settings = load_settings(
        model={"base": base, "max_input_tokens": 512}, registry=registry_root, tasks=[t.model_dump() for t in tasks]
    )
    figures: dict[str, dict[str, Any]] = {}
    for name, task, path, label_map in _sets(data):
        if only and not name.startswith(only):
            continue
        if not path.is_file():
            print(f"{name}: skipped, {path} is absent")
            continue
        path = _with_references(path, out / f"{name}.jsonl")
        limits = [n for n in (limit, edtsum_limit if name == "edtsum" else None) if n]
        request = EvaluationRequest(
            data=path,
            adapter=VersionRef.parse(f"{task}@current"),
            label_map=label_map,
            limit=min(limits) if limits else None,
            seed=0,
        )
        started = time.perf_counter()
        run = run_evaluation(settings, registry, request)
        metrics = metrics_for(run.spec, run.examples, run.results, run.temperature, run.bias)
        save(run, out / name)
        figures[name] = metrics
        shown = {k: round(v, 4) for k, v in metrics.items() if isinstance(v, float)}
        print(
            f"{name}: {run.subject.name} on {len(run.examples)} items, {time.perf_counter() - started:.0f} s: {shown}", flush=True
        )
    print(f"reports in {out}")
    return figures


def _with_references(path: Path, copy: Path) -> Path:
    """``path``, or a copy without the records that have no reference (EDTSum test has one)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if line.strip() and any(json.loads(line).get(k) for k in ("label", "summary"))]
    if len(kept) == len(lines):
        return path
    print(f"{path.name}: {len(lines) - len(kept)} records without a reference left out")
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return copy


def last_line(figures: dict[str, dict[str, Any]]) -> str:
    def get(name: str, key: str, transform: Any = None) -> str:
        value = figures.get(name, {}).get(key)
        if value is None:
            return "nan"
        return f"{transform(value) if transform else value:.4f}"

    return (
        f"twitter_valid_macro_f1={get('twitter_valid', 'macro_f1')} fpb_allagree_macro_f1={get('fpb_allagree', 'macro_f1')} "
        f"edtsum_rouge1={get('edtsum', 'rouge_1')} ungrounded={get('edtsum', 'grounding_rate', lambda g: 1.0 - g)} "
        f"looping={get('edtsum', 'looping_rate')} ece={get('twitter_valid', 'ece_after')} "
        f"model_unsupported={get('edtsum', 'model_unsupported_rate')} published_unsupported={get('edtsum', 'published_unsupported_rate')} "
        f"edtsum_lead_rouge1={get('edtsum', 'lead', lambda lead: lead['rouge_1'])}"
    )
