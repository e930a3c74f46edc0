"""The engine: runs batches of news items through every configured task.

Error policy (after vLLM's engine core): a failure of one item is recoverable
and reported on that item alone; an engine that keeps failing whole batches is
fatal (FatalEngineError) so the orchestrator restarts the worker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import structlog

from schemas.news import NewsItem
from schemas.tasks import TaskKind, TaskSpec
from worker.config import ModelSettings
from worker.engine.generation import GenerateRow, generate_rows
from worker.engine.loading import LoadedModel, load_model
from worker.engine.prompts import render_prompt_ids
from worker.engine.results import Classification, Summary
from worker.engine.scoring import ScoreRow, label_token_ids, score_rows
from worker.exceptions import FatalEngineError

log = structlog.get_logger(__name__)

#: Whole batches failing in a row (every item, even alone) before the engine gives up.
MAX_FAILED_BATCHES = 3

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class PreparedItem:
    """A news item with each task's prompt already tokenized."""

    item: NewsItem
    prompt_ids: dict[str, list[int]]  # task name -> prompt token ids

    @property
    def tokens(self) -> int:
        return sum(len(ids) for ids in self.prompt_ids.values())


@dataclass(slots=True)
class ItemOutcome:
    """Per task, either a result or the reason it failed."""

    results: dict[str, Classification | Summary] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


class Engine:
    """One base model in memory with one adapter per task."""

    def __init__(self, loaded: LoadedModel, tasks: Sequence[TaskSpec], max_input_tokens: int) -> None:
        self.loaded = loaded
        self.tasks = list(tasks)
        self.max_input_tokens = max_input_tokens
        tok = loaded.tokenizer
        self._pad_id: int = tok.pad_token_id
        self._eos_id: int | None = tok.eos_token_id
        self._label_ids = {
            t.name: label_token_ids(tok, t.labels) for t in self.tasks if t.kind is TaskKind.classify
        }
        self._failed_batches = 0

    @classmethod
    def load(cls, settings: ModelSettings, tasks: Sequence[TaskSpec]) -> "Engine":
        return cls(load_model(settings, list(tasks)), tasks, settings.max_input_tokens)

    # -- event-loop side -------------------------------------------------
    def prepare(self, item: NewsItem) -> PreparedItem:
        """Tokenize every task's prompt (cheap; runs on the event loop)."""
        tok = self.loaded.tokenizer
        return PreparedItem(
            item=item,
            prompt_ids={t.name: render_prompt_ids(item, t, tok, self.max_input_tokens) for t in self.tasks},
        )

    # -- engine-thread side ----------------------------------------------
    def run(self, batch: Sequence[PreparedItem]) -> list[ItemOutcome]:
        """Run every task on every item; failures are isolated to their item."""
        outcomes = [ItemOutcome() for _ in batch]
        for task_group, runner in self._groups():
            pairs = [(i, task) for i in range(len(batch)) for task in task_group]
            if pairs:
                self._run_isolated(batch, pairs, runner, outcomes)
        if batch and all(o.errors and not o.results for o in outcomes):
            self._failed_batches += 1
            if self._failed_batches >= MAX_FAILED_BATCHES:
                raise FatalEngineError(f"{self._failed_batches} batches in a row failed on every item")
        else:
            self._failed_batches = 0
        return outcomes

    def _groups(self) -> list[tuple[list[TaskSpec], Callable[..., list[Any]]]]:
        classify = [t for t in self.tasks if t.kind is TaskKind.classify]
        summarize = [t for t in self.tasks if t.kind is TaskKind.summarize]
        groups: list[tuple[list[TaskSpec], Callable[..., list[Any]]]] = [(classify, self._classify)]
        # generate() takes one max_new_tokens, so tasks are grouped by it.
        for bound in sorted({t.max_new_tokens for t in summarize}):
            groups.append(([t for t in summarize if t.max_new_tokens == bound], self._summarize))
        return groups

    def _run_isolated(
        self,
        batch: Sequence[PreparedItem],
        pairs: list[tuple[int, TaskSpec]],
        runner: Callable[[Sequence[PreparedItem], list[tuple[int, TaskSpec]]], list[Any]],
        outcomes: list[ItemOutcome],
    ) -> None:
        try:
            results = runner(batch, pairs)
        except Exception as exc:  # noqa: BLE001 - the isolation boundary: retry each item alone
            if len(pairs) == 1:
                i, task = pairs[0]
                outcomes[i].errors[task.name] = f"{type(exc).__name__}: {exc}"
                log.warning("item_inference_failed", news_id=batch[i].item.id, task=task.name, error=str(exc))
                return
            log.warning("batch_inference_failed_retrying_items", items=len(pairs), error=str(exc))
            for pair in pairs:
                self._run_isolated(batch, [pair], runner, outcomes)
            return
        for (i, task), result in zip(pairs, results, strict=True):
            outcomes[i].results[task.name] = result

    def _adapter(self, task: TaskSpec) -> str | None:
        return self.loaded.peft_name(task.name) if self.loaded.has_adapters else None

    def _classify(self, batch: Sequence[PreparedItem], pairs: list[tuple[int, TaskSpec]]) -> list[Classification]:
        rows = [
            ScoreRow(batch[i].prompt_ids[t.name], self._label_ids[t.name], self._adapter(t)) for i, t in pairs
        ]
        probs = score_rows(self.loaded.model, rows, self._pad_id, self.loaded.device)
        results = []
        for (_, task), p in zip(pairs, probs, strict=True):
            scores = dict(zip(task.labels, p, strict=True))
            results.append(Classification(label=max(scores, key=scores.__getitem__), scores=scores))
        return results

    def _summarize(self, batch: Sequence[PreparedItem], pairs: list[tuple[int, TaskSpec]]) -> list[Summary]:
        rows = [GenerateRow(batch[i].prompt_ids[t.name], self._adapter(t)) for i, t in pairs]
        bound = pairs[0][1].max_new_tokens
        generated = generate_rows(self.loaded.model, rows, bound, self._pad_id, self._eos_id, self.loaded.device)
        decode = self.loaded.decode_tokenizer.decode
        return [
            Summary(
                text=decode(g.token_ids, skip_special_tokens=True).strip(),
                input_tokens=len(row.prompt_ids),
                output_tokens=len(g.token_ids),
            )
            for row, g in zip(rows, generated, strict=True)
        ]
