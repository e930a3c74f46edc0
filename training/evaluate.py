"""Held-out evaluation through the worker's own engine (prepare + run).

Classification: macro-F1, accuracy, per-class precision/recall/F1 and the
confusion matrix (scikit-learn), and calibration: the temperature and the
ECE without and with it (training.calibration). Summarization: ROUGE-1/2/L
F-measures (rouge-score), and the rates of summaries that are grounded in
their story and that loop (worker.faithfulness.grounding, the worker's own checks).

The promotion gate (training.train), `finnews evaluate` and the benchmarks
all compute their figures here, so a number means the same everywhere.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from schemas.tasks import TaskKind, TaskSpec
from training.calibration import (
    Calibration,
    ReliabilityBin,
    calibrate,
    logits_from_probabilities,
    out_of_fold_choices,
    reliability,
    softmax,
)
from training.data import Example
from worker.engine import Classification, Engine, Summary
from worker.faithfulness.grounding import extractive_headline, tidy_headline

if TYPE_CHECKING:
    from worker.faithfulness.grounding import Grounding

PRIMARY = {TaskKind.classify: "macro_f1", TaskKind.summarize: "rouge_l"}


def predict(
    engine: Engine,
    tasks: list[str],
    examples: list[Example],
    batch_size: int = 32,
    on_batch: Callable[[int], None] | None = None,
) -> dict[str, list[Classification | Summary | None]]:
    """Each named task's result for every example (None where the item failed); ``on_batch(n)`` after each batch."""
    out: dict[str, list[Classification | Summary | None]] = {t: [] for t in tasks}
    for start in range(0, len(examples), batch_size):
        chunk = examples[start : start + batch_size]
        outcomes = engine.run([engine.prepare(e.item()) for e in chunk])
        for outcome in outcomes:
            for t in tasks:
                out[t].append(outcome.results.get(t))
        if on_batch is not None:
            on_batch(len(chunk))
    return out


def classification_metrics(labels: list[str], gold: list[str], predicted: list[str]) -> dict[str, Any]:
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support

    p, r, f, s = precision_recall_fscore_support(gold, predicted, labels=labels, zero_division=0)
    return {
        "macro_f1": float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0)),
        "accuracy": float(accuracy_score(gold, predicted)),
        "per_class": {
            lab: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
            for i, lab in enumerate(labels)
        },
        "confusion_matrix": {"labels": labels, "matrix": confusion_matrix(gold, predicted, labels=labels).tolist()},
    }


def rouge_per_item(references: list[str], summaries: list[str]) -> list[dict[str, float]]:
    """ROUGE-1/2/L F-measures of each (reference, summary) pair."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    rows = []
    for ref, hyp in zip(references, summaries, strict=True):
        scores = scorer.score(ref, hyp)
        rows.append(
            {"rouge_1": scores["rouge1"].fmeasure, "rouge_2": scores["rouge2"].fmeasure, "rouge_l": scores["rougeL"].fmeasure}
        )
    return rows


#: Words of the lead baseline: the story's own lead cut at 20, as issue 27 measured it (EDTSum: ROUGE-1 0.384).
LEAD_WORDS = 20


def lead(text: str, words: int = LEAD_WORDS) -> str:
    """The baseline a headline must beat: the story's own lead cut at ``words`` words, its dateline and asides
    dropped (the extractive headline the grounding policy falls back to; EDTSum test: ROUGE-1 0.38, where the
    first 20 words as they stand score 0.27)."""
    return tidy_headline(extractive_headline(text, max_words=words), text)


def rouge_metrics(references: list[str], summaries: list[str]) -> dict[str, Any]:
    rows = rouge_per_item(references, summaries)
    n = max(1, len(rows))
    return {k: sum(r[k] for r in rows) / n for k in ("rouge_1", "rouge_2", "rouge_l")}


def label_logits(
    task: TaskSpec,
    examples: list[Example],
    results: list[Classification | Summary | None],
    temperature: float = 1.0,
    bias: list[float] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The label logits at T = 1 (rows in ``task.labels`` order) and the true label's index, of every
    classified item with a known label.

    The engine served its probabilities at ``temperature`` and ``bias`` (the adapter's):
    ``log p = logits / T + bias - c``, so ``T * (log p - bias)`` undoes that, up to a per-row
    constant the softmax ignores.
    """
    labels = list(task.labels)
    rows, gold = [], []
    for e, r in zip(examples, results, strict=True):
        if isinstance(r, Classification) and e.label in labels:
            rows.append([r.scores[label] for label in labels])
            gold.append(labels.index(e.label))
    if not rows:
        return np.zeros((0, len(labels))), np.zeros(0, dtype=int)
    logp = logits_from_probabilities(np.array(rows))
    if bias is not None:
        logp = logp - np.asarray(bias, dtype=np.float64)
    return temperature * logp, np.array(gold, dtype=int)


def calibration_for(
    task: TaskSpec,
    examples: list[Example],
    results: list[Classification | Summary | None],
    temperature: float | None = 1.0,
    bias: list[float] | None = None,
) -> Calibration:
    """Calibration of results the engine served at ``temperature`` and ``bias``: ECE at T = 1 and as served.
    ``None``: results served at T = 1, and a temperature (and biases where they help) fitted on them
    (training does this)."""
    logits, gold = label_logits(task, examples, results, temperature or 1.0, bias if temperature else None)
    return calibrate(logits, gold, temperature, bias if temperature else None)


def without_biases(
    results: list[Classification | Summary | None], labels: list[str], bias: list[float] | None
) -> list[Classification | Summary | None]:
    """``results`` with each classification's probabilities and label as the model gives them at
    its temperature, the label biases taken back out (what the gate judges)."""
    if bias is None:
        return list(results)
    out: list[Classification | Summary | None] = []
    for r in results:
        if isinstance(r, Classification):
            logp = logits_from_probabilities(np.array([r.scores[label] for label in labels])) - np.asarray(bias)
            p = softmax(logp[None, :])[0]
            r = dataclasses.replace(r, label=labels[int(p.argmax())], scores=dict(zip(labels, p.tolist(), strict=True)))
        out.append(r)
    return out


def served_out_of_fold(task: TaskSpec, examples: list[Example], results: list[Classification | Summary | None]) -> dict[str, Any]:
    """Macro-F1, accuracy and per-class figures of the labels chosen with a temperature and label
    biases fitted on the other half of ``examples`` (results served at T = 1, no biases)."""
    logits, gold = label_logits(task, examples, results)
    labels = list(task.labels)
    chosen = out_of_fold_choices(logits, gold)
    figures = classification_metrics(labels, [labels[g] for g in gold], [labels[c] for c in chosen])
    return {k: figures[k] for k in ("macro_f1", "accuracy", "per_class")}


def reliability_for(
    task: TaskSpec,
    examples: list[Example],
    results: list[Classification | Summary | None],
    temperature: float = 1.0,
    bias: list[float] | None = None,
) -> tuple[list[ReliabilityBin], list[ReliabilityBin]]:
    """The reliability diagram's bins of results served at ``temperature`` and ``bias``: at T = 1, and as served."""
    logits, gold = label_logits(task, examples, results, temperature, bias)
    return reliability(softmax(logits), gold), reliability(softmax(logits, temperature, bias), gold)


def grounding_per_item(stories: list[str], summaries: list[str | None]) -> list["Grounding | None"]:
    """The worker's grounding check of each summary against its story (None where no summary was made)."""
    # Imported here: only summarization needs it.
    from worker.faithfulness.grounding import check_grounding

    return [None if text is None else check_grounding(text, story) for story, text in zip(stories, summaries, strict=True)]


def summary_checks(stories: list[str], summaries: list[str | None]) -> dict[str, float]:
    """Of the summaries made: the fraction grounded in their story, and the fraction that loop."""
    from worker.faithfulness.grounding import is_looping

    checks = [g for g in grounding_per_item(stories, summaries) if g is not None]
    made = [text for text in summaries if text is not None]
    n = max(1, len(made))
    return {
        "grounding_rate": sum(g.grounded for g in checks) / n,
        "looping_rate": sum(is_looping(text) for text in made) / n,
    }


def served_checks(summaries: list[Summary]) -> dict[str, float]:
    """What the worker's own checks (fact rules and, where the task has one, its judge) said as the headlines were made:
    the share of the model's own first headlines they rejected (before the grounding policy replaced them) and the
    share still unsupported as published (the flag policy publishes them; the others replace them)."""
    if not summaries:
        return {}
    n = len(summaries)
    figures = {
        "model_unsupported_rate": sum(s.headline_source != "model" or not s.grounded for s in summaries) / n,
        "published_unsupported_rate": sum(not s.grounded for s in summaries) / n,
    }
    supports = [s.support for s in summaries if s.support is not None]
    if supports:
        figures["mean_support"] = sum(supports) / len(supports)
    return figures


def metrics_for(
    task: TaskSpec,
    examples: list[Example],
    results: list[Classification | Summary | None],
    temperature: float = 1.0,
    bias: list[float] | None = None,
) -> dict[str, Any]:
    """The held-out figures of ``results`` (one per example, None where it failed); ``temperature`` and
    ``bias``: what the engine served classification at (the adapter's), so calibration is reported
    without and with them."""
    failed = sum(r is None for r in results)
    if task.kind is TaskKind.classify:
        gold = [e.label or "" for e in examples]
        predicted = [r.label if isinstance(r, Classification) else "__failed__" for r in results]
        metrics = classification_metrics(list(task.labels), gold, predicted)
        metrics.update(calibration_for(task, examples, results, temperature, bias).figures())
    else:
        texts = [r.text if isinstance(r, Summary) else None for r in results]
        references = [e.summary or "" for e in examples]
        metrics = rouge_metrics(references, [t or "" for t in texts])
        # The bar a headline model must clear: the story's own lead (the extractive headline), which costs nothing.
        metrics["lead"] = rouge_metrics(references, [lead(e.text) for e in examples])
        metrics.update(summary_checks([e.text for e in examples], texts))
        metrics.update(served_checks([r for r in results if isinstance(r, Summary)]))
    metrics["examples"] = len(examples)
    metrics["failed"] = failed
    return metrics


def evaluate(engine: Engine, task: TaskSpec, examples: list[Example], engine_task: str | None = None) -> dict[str, Any]:
    """Metrics of ``engine_task`` (default: ``task.name``) on ``examples``, plus items/s."""
    name = engine_task or task.name
    started = time.perf_counter()
    results = predict(engine, [name], examples)[name]
    seconds = time.perf_counter() - started
    info = engine.loaded.adapters[name]
    metrics = metrics_for(task, examples, results, info.temperature, info.bias)
    metrics["items_per_second"] = len(examples) / seconds if seconds > 0 else 0.0
    return metrics
