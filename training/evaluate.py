"""Held-out evaluation through the worker's own engine (prepare + run).

Classification: macro-F1, accuracy, per-class precision/recall/F1 and the
confusion matrix (scikit-learn). Summarization: ROUGE-1/2/L F-measures
(rouge-score).
"""

from __future__ import annotations

import time
from typing import Any

from schemas.tasks import TaskKind, TaskSpec
from training.data import Example
from worker.engine import Classification, Engine, Summary

PRIMARY = {TaskKind.classify: "macro_f1", TaskKind.summarize: "rouge_l"}


def predict(
    engine: Engine, tasks: list[str], examples: list[Example], batch_size: int = 32
) -> dict[str, list[Classification | Summary | None]]:
    """Each named task's result for every example (None where the item failed)."""
    out: dict[str, list[Classification | Summary | None]] = {t: [] for t in tasks}
    for start in range(0, len(examples), batch_size):
        chunk = examples[start : start + batch_size]
        outcomes = engine.run([engine.prepare(e.item()) for e in chunk])
        for outcome in outcomes:
            for t in tasks:
                out[t].append(outcome.results.get(t))
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


def rouge_metrics(references: list[str], summaries: list[str]) -> dict[str, Any]:
    rows = rouge_per_item(references, summaries)
    n = max(1, len(rows))
    return {k: sum(r[k] for r in rows) / n for k in ("rouge_1", "rouge_2", "rouge_l")}


def metrics_for(task: TaskSpec, examples: list[Example], results: list[Classification | Summary | None]) -> dict[str, Any]:
    failed = sum(r is None for r in results)
    if task.kind is TaskKind.classify:
        gold = [e.label or "" for e in examples]
        predicted = [r.label if isinstance(r, Classification) else "__failed__" for r in results]
        metrics = classification_metrics(list(task.labels), gold, predicted)
    else:
        metrics = rouge_metrics([e.summary or "" for e in examples], [r.text if isinstance(r, Summary) else "" for r in results])
    metrics["examples"] = len(examples)
    metrics["failed"] = failed
    return metrics


def evaluate(engine: Engine, task: TaskSpec, examples: list[Example], engine_task: str | None = None) -> dict[str, Any]:
    """Metrics of ``engine_task`` (default: ``task.name``) on ``examples``, plus items/s."""
    name = engine_task or task.name
    started = time.perf_counter()
    results = predict(engine, [name], examples)[name]
    seconds = time.perf_counter() - started
    metrics = metrics_for(task, examples, results)
    metrics["items_per_second"] = len(examples) / seconds if seconds > 0 else 0.0
    return metrics
