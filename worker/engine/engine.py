"""The engine: runs batches of news items through every configured task.

Error policy (after vLLM's engine core): a failure of one item is recoverable
and reported on that item alone (the worker dead-letters it), however many of
its batch-mates failed too. Only a failure of the engine itself is fatal
(FatalEngineError, so the orchestrator restarts the worker): when every item
of a batch failed, a known-good item is run through every task, and the
engine is declared broken only if that fails as well. Counting failed batches
instead would crash-loop a worker on a run of poison inputs, which are never
acked and come back after every restart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import structlog

from schemas.news import NewsItem
from schemas.tasks import Profile, TaskKind, TaskSpec
from worker.config import ModelSettings
from worker.engine.adapters import AdapterRefused, verify_fit
from worker.engine.constraints import fact_token_sequences, repeatable_token_ids
from worker.engine.generation import GenerateRow, generate_rows
from worker.engine.headlines import Headline, apply_judge, judge, story_text, write_headlines
from worker.engine.loading import (
    AdapterInfo,
    LoadedModel,
    adapter_info,
    attach_adapter,
    detach_adapter,
    load_model,
    min_support_of,
)
from worker.engine.prompts import encoder_ids, render_prompt_ids
from worker.engine.results import Classification, JudgeRef, Summary
from worker.engine.routing import one_call_serves
from worker.engine.scoring import ScoreRow, classify_sequences, label_token_ids, score_rows
from worker.exceptions import FatalEngineError, FinnewsError, ItemInferenceError, PromptError
from worker.faithfulness import visible

log = structlog.get_logger(__name__)

#: The known-good item of warm-ups and health probes.
PROBE_TEXT = "Shares rose after the company raised its outlook."

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
    errors: dict[str, ItemInferenceError] = field(default_factory=dict)


def _warn_if_default_threshold(judge: TaskSpec, info: AdapterInfo) -> None:
    """A judge version with no threshold of its own, and a task that sets none, serves at the default: say so, since
    the right threshold differs from version to version."""
    if judge.min_support is None and info.min_support is None:
        log.warning(
            "judge_threshold_default",
            task=judge.name,
            version=info.version,
            min_support=min_support_of(judge, info),
            message=(
                f"judge {judge.name}@{info.version} has no threshold of its own: it serves at the default; record the one "
                "chosen for it with `finnews adapters threshold`, or set the task's min_support"
            ),
        )


class Engine:
    """One base model in memory with one adapter per task."""

    def __init__(self, loaded: LoadedModel, tasks: Sequence[TaskSpec], max_input_tokens: int) -> None:
        self.loaded = loaded
        self.tasks = list(tasks)
        self.max_input_tokens = max_input_tokens
        tok = loaded.tokenizer
        self._pad_id: int = tok.pad_token_id
        self._eos_id: int | None = tok.eos_token_id
        self._label_ids = (
            {t.name: label_token_ids(tok, t.labels) for t in self.tasks if t.kind is TaskKind.classify}
            if loaded.profile is Profile.causal
            else {}
        )
        # A judge task scores its summarize task's headlines after they are written, not items; with no
        # such task beside it (training, evaluation, replay of the judge itself), it is a plain classifier
        # of the (story, headline) pairs its items carry.
        summarize = {t.name for t in self.tasks if t.kind is TaskKind.summarize}
        self._judges = {t.judges: t for t in self.tasks if t.judges is not None and t.judges in summarize}
        judging = {t.name for t in self._judges.values()}
        self._item_tasks = [t for t in self.tasks if t.name not in judging]
        for spec in self._judges.values():
            _warn_if_default_threshold(spec, loaded.adapters[spec.name])

    @classmethod
    def load(cls, settings: ModelSettings, tasks: Sequence[TaskSpec], registry: Path | None = None) -> "Engine":
        return cls(load_model(settings, list(tasks), registry), tasks, settings.max_input_tokens)

    # -- event-loop side -------------------------------------------------
    def prepare(self, item: NewsItem) -> PreparedItem:
        """Tokenize every task's prompt (cheap; runs on the event loop). Raises PromptError for this item alone."""
        tok = self.loaded.tokenizer
        try:
            if self.loaded.profile is Profile.encoder:
                ids = encoder_ids(item, tok, self.max_input_tokens)
                return PreparedItem(item=item, prompt_ids={t.name: ids for t in self._item_tasks})
            return PreparedItem(
                item=item,
                prompt_ids={t.name: render_prompt_ids(item, t, tok, self.max_input_tokens) for t in self._item_tasks},
            )
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            # What str.format and the tokenizers raise on an item they cannot take.
            raise PromptError(f"prompt rendering failed: {type(exc).__name__}: {exc}") from exc

    # -- engine-thread side ----------------------------------------------
    def run(self, batch: Sequence[PreparedItem]) -> list[ItemOutcome]:
        """Run every task on every item; failures are isolated to their item."""
        outcomes = [ItemOutcome() for _ in batch]
        for task_group, runner in self._groups():
            pairs = [(i, task) for i in range(len(batch)) for task in task_group]
            for part in self._by_adapter(pairs):
                self._run_isolated(batch, part, runner, outcomes)
        if batch and all(o.errors and not o.results for o in outcomes):
            self._probe()
        return outcomes

    def _probe(self) -> None:
        """Every item failed: the items, or the engine? Raises FatalEngineError when a known-good item fails too."""
        for task in self.tasks:
            try:
                self._warm_up(task)
            except Exception as exc:  # noqa: BLE001 - any failure on the known-good item means the engine is broken
                raise FatalEngineError(
                    f"the engine fails on a known-good item (task {task.name}): {type(exc).__name__}: {exc}"
                ) from exc
        log.warning("batch_failed_on_every_item", verdict="the items (a known-good item runs): each is dead-lettered")

    def _groups(self) -> list[tuple[list[TaskSpec], Callable[..., list[Any]]]]:
        classify = [t for t in self._item_tasks if t.kind is TaskKind.classify]
        summarize = [t for t in self._item_tasks if t.kind is TaskKind.summarize]
        groups: list[tuple[list[TaskSpec], Callable[..., list[Any]]]] = [(classify, self._classify)]
        # generate() takes one max_new_tokens, so tasks are grouped by it.
        for bound in sorted({t.max_new_tokens for t in summarize}):
            groups.append(([t for t in summarize if t.max_new_tokens == bound], self._summarize))
        return groups

    def _by_adapter(self, pairs: list[tuple[int, TaskSpec]]) -> list[list[tuple[int, TaskSpec]]]:
        """All pairs in one call when the model can serve their adapters together, else one call per adapter."""
        if not pairs:
            return []
        adapters = [self._adapter(t) for _, t in pairs]
        if one_call_serves(self.loaded.model, adapters):
            return [pairs]
        parts: dict[str | None, list[tuple[int, TaskSpec]]] = {}
        for pair, adapter in zip(pairs, adapters, strict=True):
            parts.setdefault(adapter, []).append(pair)
        return list(parts.values())

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
                outcomes[i].errors[task.name] = ItemInferenceError(f"{type(exc).__name__}: {exc}")
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
        adapters = [self._adapter(t) for _, t in pairs]
        # Each adapter's fitted temperature and label biases (its manifest's), so the probabilities are calibrated.
        infos = [self.loaded.adapters[t.name] for _, t in pairs]
        if self.loaded.profile is Profile.encoder:
            rows = [batch[i].prompt_ids[t.name] for i, t in pairs]
            probs = classify_sequences(
                self.loaded.model,
                rows,
                adapters,
                self._pad_id,
                self.loaded.device,
                [info.temperature for info in infos],
                [info.bias for info in infos],
            )
        else:
            score_rows_ = [
                ScoreRow(batch[i].prompt_ids[t.name], self._label_ids[t.name], a, info.temperature, info.bias)
                for (i, t), a, info in zip(pairs, adapters, infos)
            ]
            probs = score_rows(self.loaded.model, score_rows_, self._pad_id, self.loaded.device)
        results = []
        for (_, task), p in zip(pairs, probs, strict=True):
            scores = dict(zip(task.labels, p, strict=True))
            info = self.loaded.adapters[task.name]
            label = max(scores, key=scores.__getitem__)
            results.append(Classification(label=label, scores=scores, adapter=info.name, version=info.version))
        return results

    def _summarize(self, batch: Sequence[PreparedItem], pairs: list[tuple[int, TaskSpec]]) -> list[Summary]:
        rows = [GenerateRow(batch[i].prompt_ids[t.name], self._adapter(t), t.no_repeat_ngram_size) for i, t in pairs]
        bound = pairs[0][1].max_new_tokens
        tok = self.loaded.decode_tokenizer  # the engine thread's tokenizer instance
        repeatable = repeatable_token_ids(tok)

        def generate(todo: list[GenerateRow]) -> list[tuple[str, int]]:
            out = generate_rows(self.loaded.model, todo, bound, self._pad_id, self._eos_id, self.loaded.device, repeatable)
            return [(tok.decode(g.token_ids, skip_special_tokens=True).strip(), len(g.token_ids)) for g in out]

        stories = [story_text(batch[i].item) for i, _ in pairs]

        def support(todo: list[tuple[int, str]]) -> list[tuple[float, bool] | None]:
            return self._support([(batch[pairs[k][0]].item, stories[k], pairs[k][1], text) for k, text in todo])

        # Each headline checked against its story; the task's grounding policy decides what becomes of the others.
        headlines = write_headlines(
            rows,
            stories,
            [t.grounding for _, t in pairs],
            generate,
            lambda facts: fact_token_sequences(tok, facts),
            support if any(t.name in self._judges for _, t in pairs) else None,
        )
        infos = [self.loaded.adapters[t.name] for _, t in pairs]
        # Swaps run on this thread between batches, so the judge now is the one that scored these headlines.
        judges = {name: self.judge_of(name) for name in {t.name for _, t in pairs}}
        return [
            Summary(
                text=h.text,
                input_tokens=len(row.prompt_ids),
                output_tokens=h.output_tokens,
                adapter=info.name,
                version=info.version,
                grounded=h.grounded and h.supported,
                unsupported=h.unsupported,
                looping=h.looping,
                headline_source=h.source,
                support=h.support,
                judge=None if h.support is None else judges[t.name],
            )
            for row, h, info, (_, t) in zip(rows, headlines, infos, pairs, strict=True)
        ]

    def check_headlines(self, pairs: Sequence[tuple[NewsItem, str]], task: str) -> list[Headline]:
        """The worker's verdict on given headlines of ``task`` (a summarize task): the rules and, where the task has
        a judge, the judge's support, exactly as a generated headline gets them before the grounding policy."""
        spec = next((t for t in self._item_tasks if t.name == task and t.kind is TaskKind.summarize), None)
        if spec is None:
            raise ValueError(f"this engine serves no summarize task {task!r}")
        stories = [story_text(item) for item, _ in pairs]
        headlines = [judge(text, 0, story, "model") for (_, text), story in zip(pairs, stories, strict=True)]

        def support(todo: list[tuple[int, str]]) -> list[tuple[float, bool] | None]:
            return self._support([(pairs[k][0], stories[k], spec, text) for k, text in todo])

        apply_judge(headlines, range(len(headlines)), support if task in self._judges else None)
        return headlines

    def judge_of(self, task: str) -> JudgeRef | None:
        """The judge of summarize task ``task`` as served now: its task, adapter, version and threshold; None: no judge."""
        judge = self._judges.get(task)
        if judge is None:
            return None
        info = self.loaded.adapters[judge.name]
        return JudgeRef(judge.name, info.name, info.version, min_support_of(judge, info))

    def _support(self, todo: list[tuple[NewsItem, str, TaskSpec, str]]) -> list[tuple[float, bool] | None]:
        """The judge's support for each (item, story, summarize task, headline), and whether it reaches min_support;
        None where the task has no judge. One scoring call for all of them (stacked LoRA mixes the judges' adapters)."""
        tok = self.loaded.decode_tokenizer
        rows: list[ScoreRow] = []
        judged: list[tuple[int, TaskSpec]] = []
        out: list[tuple[float, bool] | None] = [None] * len(todo)
        for k, (item, story, task, headline) in enumerate(todo):
            judge = self._judges.get(task.name)
            if judge is None:
                continue
            # The judge reads what the rules read: no characters that print nothing ("Ac\u00adme"), ASCII digits.
            pair = item.model_copy(update={"headline": visible(headline), "body": visible(story)})
            info = self.loaded.adapters[judge.name]
            ids = render_prompt_ids(pair, judge, tok, self.max_input_tokens)
            rows.append(ScoreRow(ids, self._label_ids[judge.name], self._adapter(judge), info.temperature, info.bias))
            judged.append((k, judge))
        if rows:
            probs = score_rows(self.loaded.model, rows, self._pad_id, self.loaded.device)
            for (k, judge), p in zip(judged, probs, strict=True):
                out[k] = (p[0], p[0] >= min_support_of(judge, self.loaded.adapters[judge.name]))
        return out

    # -- adapter swap (engine thread, between batches) --------------------
    def swap(self, task: str, path: Path, version: str) -> AdapterInfo:
        """Load ``version`` beside the adapter in service, verify and warm it, switch, unload the old.

        Runs on the engine thread, so it lands between two batches: every
        batch runs wholly on one version. Raises AdapterRefused and leaves
        the old version serving on any failure.
        """
        spec = next((t for t in self.tasks if t.name == task), None)
        if spec is None:
            raise AdapterRefused(f"this worker serves no task {task!r}")
        old = self.loaded.adapters[task]
        if old.version == version:
            return old
        manifest = verify_fit(path, self.loaded.fingerprint, spec, self.loaded.profile)
        new = adapter_info(f"{task}__{version}", version, path, manifest)
        try:
            self.loaded.model = attach_adapter(self.loaded.model, path, new.name)
            self.loaded.model.eval()
        except FinnewsError as exc:
            raise AdapterRefused(str(exc)) from exc
        self.loaded.adapters[task] = new
        try:
            self._warm_up(spec)
        except Exception as exc:  # noqa: BLE001 - any failure of the new version means: keep the old one
            self.loaded.adapters[task] = old
            detach_adapter(self.loaded.model, new.name)
            raise AdapterRefused(f"warm-up of {task}@{version} failed: {type(exc).__name__}: {exc}") from exc
        if old.name != "none" and old.name not in {a.name for a in self.loaded.adapters.values()}:
            detach_adapter(self.loaded.model, old.name)
        # A judge's threshold belongs to its version: say which one the new version serves at.
        extra: dict[str, float] = {}
        if spec.judges is not None:
            _warn_if_default_threshold(spec, new)
            extra["min_support"] = min_support_of(spec, new)
        log.info("adapter_swapped", task=task, old=old.version, new=version, **extra)
        return new

    def _warm_up(self, task: TaskSpec) -> None:
        from schemas.news import news_from_text

        probe = news_from_text("warm-up", PROBE_TEXT)
        judged = next((name for name, judge in self._judges.items() if judge.name == task.name), None)
        if judged is not None:
            spec = next(t for t in self.tasks if t.name == judged)
            self._support([(probe, story_text(probe), spec, PROBE_TEXT)])
            return
        item = self.prepare(probe)
        pairs = [(0, task)]
        (self._classify if task.kind is TaskKind.classify else self._summarize)([item], pairs)
