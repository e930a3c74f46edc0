"""The `finnews` console entry point, built here and only here: the worker's
commands (worker.cli.app, merged in) and the training ones: train, evaluate,
replay, and adapters list|show|promote|rollback. Built on this side because the worker
package never imports training.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from worker import cli as worker_cli
from worker.cli_support import fail, one_line_errors, settings_or_exit
from worker.logs import configure_logging

if TYPE_CHECKING:
    from training.train import TrainOutcome
    from worker.config import Settings
    from worker.registry import Registry

app = typer.Typer(help="Label and summarize financial news from Kafka with a 4-bit, LoRA-adapted model.", no_args_is_help=True)
adapters_app = typer.Typer(help="The adapter registry.", no_args_is_help=True)
app.add_typer(adapters_app, name="adapters")
app.add_typer(worker_cli.app)  # no name: its commands and groups join this app's top level

RegistryOpt = Annotated[
    Optional[Path], typer.Option("--registry", help="Registry folder (default: FINNEWS_REGISTRY, else ./registry).")
]


def _registry(path: Path | None, settings: "Settings | None" = None) -> "Registry":
    from worker.registry import Registry

    settings = settings or settings_or_exit()
    return Registry(path or settings.registry or Path("registry"))


def _served(base: Path | None) -> "Settings":
    """The settings, with what the demo serves (Gemma, the bundled adapters, the headline judge) where they name no base."""
    from worker.dev.demo import served_settings

    overrides = {"model": {**settings_or_exit().model.model_dump(), "base": base}} if base else {}
    settings = settings_or_exit(**overrides)
    if settings.model.base is None:
        with one_line_errors(also=(OSError,)):
            settings = served_settings(settings)
    return settings


def _layers(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    try:
        start, end = (int(x) for x in text.split(":"))
    except ValueError:
        raise typer.BadParameter("expected FROM:TO, e.g. 2:6") from None
    if not 0 <= start < end:
        raise typer.BadParameter("expected 0 <= FROM < TO")
    return start, end


@app.command()
def train(
    task: Annotated[str, typer.Option(help="Configured task to train an adapter for.")],
    data: Annotated[
        list[str],
        typer.Option(help="JSONL file of {id, text, label|summary}, or kafka:TOPIC; give it again to train on several files."),
    ],
    base: Annotated[Optional[Path], typer.Option(help="Base model folder (default: model.base).")] = None,
    registry: RegistryOpt = None,
    exclude: Annotated[
        Optional[list[Path]],
        typer.Option(help="JSONL file whose texts stay out of training (an evaluation set from the same source); repeatable."),
    ] = None,
    epochs: Annotated[float, typer.Option(min=0.01)] = 3.0,
    max_steps: Annotated[int, typer.Option(help="> 0 overrides --epochs.")] = -1,
    learning_rate: Annotated[float, typer.Option("--lr")] = 2e-4,
    batch_size: Annotated[int, typer.Option(min=1)] = 16,
    lora_r: Annotated[int, typer.Option(min=1)] = 16,
    lora_alpha: Annotated[int, typer.Option(min=1)] = 32,
    lora_dropout: Annotated[float, typer.Option(min=0.0, max=0.9)] = 0.05,
    target_modules: Annotated[
        Optional[str], typer.Option(help="Comma-separated module names (default: the profile's projections).")
    ] = None,
    layers: Annotated[Optional[str], typer.Option(help="FROM:TO layer range that gets LoRA (default: all).")] = None,
    seed: int = 0,
    heldout: Annotated[float, typer.Option(min=0.05, max=0.5, help="Held-out fraction.")] = 0.2,
    margin: Annotated[float, typer.Option(min=0.0, help="How much the candidate must beat the current version by.")] = 0.0,
    force: Annotated[bool, typer.Option(help="Promote even if the gate says no (logged).")] = False,
    every: Annotated[Optional[str], typer.Option(help="Refresh from kafka:TOPIC every interval (e.g. 6h).")] = None,
    once: Annotated[bool, typer.Option(help="One refresh from kafka:TOPIC (for cron).")] = False,
    min_new: Annotated[int, typer.Option(min=1, help="Refresh trains only when this many new records arrived.")] = 100,
    announce: Annotated[bool, typer.Option(help="Publish promotions on the adapter events topic.")] = True,
    promote: Annotated[
        bool,
        typer.Option(
            help="Promote a version that passes the gate; --no-promote leaves it a candidate for `finnews adapters promote` "
            "(a judge: record its threshold first with `finnews adapters threshold`)."
        ),
    ] = True,
    min_support: Annotated[
        Optional[float],
        typer.Option(
            min=0.0,
            max=1.0,
            help="A judge's threshold, chosen beforehand on pairs this run will not train on (kept in the manifest); "
            "without it a judge version that passes the gate stays a candidate.",
        ),
    ] = None,
    min_support_reason: Annotated[str, typer.Option(help="How --min-support was chosen: the pairs, the rule, the figures.")] = "",
    label_map: Annotated[
        Optional[str], typer.Option(help="Rename the data's labels first: FROM=TO[,FROM=TO...], e.g. bullish=positive.")
    ] = None,
    limit: Annotated[
        Optional[int], typer.Option(min=2, help="Use a seeded random subset of this many records (CPU budgets).")
    ] = None,
    drop_duplicates: Annotated[
        bool, typer.Option(help="Keep the first record of each id instead of refusing a set with duplicate ids.")
    ] = False,
    init_from: Annotated[
        Optional[str],
        typer.Option(help="Continue from this version's weights (VERSION or current): another epoch, or new data."),
    ] = None,
) -> None:
    """Fine-tune a LoRA adapter (QLoRA), evaluate it, register it, and promote it if it beats the current one."""
    from training.data import DataError, load_files, parse_label_map
    from training.feedback import load_topic
    from training.finetune import TrainConfig
    from training.refresh import parse_interval, refresh_every, refresh_once
    from training.train import FORCE_WITHOUT_PROMOTE, threshold_problem, train_and_register

    overrides = {"model": {**settings_or_exit().model.model_dump(), "base": base}} if base else {}
    settings = settings_or_exit(**overrides)
    configure_logging(settings.log_level, settings.log_format)
    if task not in {t.name for t in settings.tasks}:
        raise fail(f"no task {task!r} is configured (tasks: {[t.name for t in settings.tasks]})", 2)
    reg = _registry(registry)
    cfg = TrainConfig(
        lora_r=lora_r,
        lora_alpha=lora_alpha,
        lora_dropout=lora_dropout,
        target_modules=target_modules.split(",") if target_modules else None,
        layers=_layers(layers),
        epochs=epochs,
        max_steps=max_steps,
        learning_rate=learning_rate,
        batch_size=batch_size,
        seed=seed,
        max_input_tokens=settings.model.max_input_tokens,
    )
    if force and not promote:
        raise typer.BadParameter(FORCE_WITHOUT_PROMOTE)
    threshold = (min_support, min_support_reason) if min_support is not None else None
    problem = threshold_problem(settings.task(task), threshold)
    if problem is not None:
        raise typer.BadParameter(problem)
    topics = [d for d in data if d.startswith("kafka:")]
    if topics and (len(data) > 1 or exclude):
        raise typer.BadParameter("--data kafka:TOPIC is read alone (no other --data, no --exclude)")
    with one_line_errors(settings.kafka.bootstrap_servers, also=(DataError, ValueError, OSError)):
        if every or once:
            if not topics:
                raise typer.BadParameter("--every and --once read a feedback topic: --data kafka:TOPIC")
            if not promote:
                raise typer.BadParameter("--no-promote is for one training run: a refresh promotes what passes the gate")
            if threshold is not None:
                raise typer.BadParameter("--min-support belongs to one version, chosen for it: not to every refresh")
            topic = topics[0].removeprefix("kafka:")

            def run() -> None:
                outcome = refresh_once(settings, task, topic, reg, cfg, heldout, margin, min_new, announce)
                typer.echo(_line(outcome) if outcome else f"skipped: fewer than {min_new} new records on {topic}")

            if once:
                run()
            else:
                refresh_every(parse_interval(every or ""), run)
            return
        excluded = 0
        if topics:
            examples, _ = load_topic(settings.kafka, topics[0].removeprefix("kafka:"), settings.task(task))
        else:
            examples, excluded = load_files(
                [Path(d) for d in data], settings.task(task), parse_label_map(label_map), limit, seed, drop_duplicates, exclude
            )
        source = " + ".join(data) + (f" label-map {label_map}" if label_map else "")
        if exclude:
            source += f" less the {excluded} texts also in " + " + ".join(map(str, exclude))
        source += f" limit {limit} seed {seed}" if limit else ""
        source += " first-of-duplicate-ids" if drop_duplicates else ""
        outcome = train_and_register(
            settings, task, examples, source, reg, cfg, heldout, margin, force, announce, init_from, promote, threshold
        )
    typer.echo(_line(outcome))


def _line(outcome: "TrainOutcome") -> str:
    m = outcome.manifest
    return f"{m.task} {m.version} {m.status.value}: {outcome.reason}"


@app.command("judge-data")
def judge_data(
    data: Annotated[Path, typer.Option(help="JSONL of {id, text, summary}: stories with their true headlines.")],
    out: Annotated[Path, typer.Option(help="JSONL of {id, text, headline, label} to write (a judge task's training data).")],
    seed: int = 0,
    limit: Annotated[Optional[int], typer.Option(min=1, help="A seeded random subset of this many stories.")] = None,
) -> None:
    """A judge task's training pairs: each story with its own headline (supported) and a copy with one fact changed."""
    import json
    import random

    from schemas.labels import LabelledText
    from training.judge_data import judge_examples

    records = [LabelledText.model_validate_json(line) for line in data.read_bytes().splitlines() if line.strip()]
    if limit is not None and limit < len(records):
        records = random.Random(seed).sample(records, limit)
    examples, made = judge_examples(records, seed)
    with out.open("w", encoding="utf-8") as f:
        for e in examples:
            f.write(json.dumps(e.model_dump(exclude_none=True), ensure_ascii=False) + "\n")
    typer.echo(f"pairs={len(examples)} " + " ".join(f"{k}={v}" for k, v in sorted(made.items())))


@app.command()
def evaluate(
    data: Annotated[Path, typer.Option(help="Labelled JSONL file of {id, text, label|summary}.")],
    out: Annotated[Path, typer.Option(help="Folder for report.json, report.md and the PNG plots.")],
    task: Annotated[
        Optional[str], typer.Option(help="Configured task (needed for a folder without a manifest, or the bare base).")
    ] = None,
    adapter: Annotated[Optional[str], typer.Option(help="Registry version TASK@VERSION (VERSION may be 'current').")] = None,
    adapter_dir: Annotated[Optional[Path], typer.Option(help="Or an adapter folder (with or without a manifest).")] = None,
    label_map: Annotated[
        Optional[str], typer.Option(help="Rename the data's labels first: FROM=TO[,FROM=TO...], e.g. bullish=positive.")
    ] = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="Evaluate a seeded random subset of this many records.")] = None,
    seed: int = 0,
    base: Annotated[Optional[Path], typer.Option(help="Base model folder (default: model.base).")] = None,
    registry: RegistryOpt = None,
    batch_size: Annotated[int, typer.Option(min=1, max=1024)] = 16,
    progress: Annotated[bool, typer.Option(help="Show a progress bar with ETA on stderr.")] = True,
) -> None:
    """Evaluate a registry version, an adapter folder or the bare base on a labelled file: the gate's metrics,
    calibration (classification) or grounding and looping (summaries), report.json/md and PNGs."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from training.data import DataError, parse_label_map
    from training.evaluate_report import save, summary_line
    from training.evaluate_run import EvaluationRequest, run_evaluation
    from training.replay import VersionRef

    settings = _served(base)
    configure_logging(settings.log_level, settings.log_format)
    with one_line_errors(also=(DataError, OSError)):
        request = EvaluationRequest(
            data=data,
            task=task,
            adapter=VersionRef.parse(adapter) if adapter else None,
            adapter_dir=adapter_dir,
            label_map=parse_label_map(label_map),
            limit=limit,
            seed=seed,
            batch_size=batch_size,
        )
        columns = (
            TextColumn("evaluate"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=Console(stderr=True), disable=not progress) as bar:
            job = bar.add_task("evaluate", total=None)
            run = run_evaluation(
                settings,
                _registry(registry, settings),
                request,
                on_batch=lambda n, total: bar.update(job, advance=n, total=total),
            )
        report = save(run, out)
    if run.skipped_unlabelled:
        typer.echo(f"skipped {run.skipped_unlabelled} records without a label or summary")
    typer.echo(f"report: {out / 'report.md'}")
    typer.echo(summary_line(report))


@app.command()
def verify(
    data: Annotated[
        Path,
        typer.Option(help="JSONL of {id, text, headline} pairs (headline or summary; optional: label, kind, for the rates)."),
    ],
    out: Annotated[Path, typer.Option(help="Folder for verdicts.jsonl and rates.json.")],
    task: Annotated[str, typer.Option(help="The summarize task whose checks and judge to apply.")] = "headline",
    base: Annotated[Optional[Path], typer.Option(help="Base model folder (default: model.base, else the demo's).")] = None,
    batch_size: Annotated[int, typer.Option(min=1, max=1024)] = 16,
    strict: Annotated[
        bool,
        typer.Option(
            help="Refuse the whole file for one line that is not a pair (default: leave such lines out, "
            "each listed with its reason in rates.json and counted on stderr)."
        ),
    ] = False,
    resume: Annotated[
        bool,
        typer.Option(
            help="Go on from the verdicts a stopped run over the same file left in --out's verdicts.jsonl "
            "(default: start over, replacing them)."
        ),
    ] = False,
) -> None:
    """Score given headlines against their stories with exactly the fact rules and judge the worker uses:
    each pair's verdict, support and unsupported facts (verdicts.jsonl, written as they are scored), and the
    rates (rates.json, once every pair has its verdict)."""
    import time

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from training.verify import PairVerdict, VerifyError, begin, load_pairs, rates, verify_pairs, write_rates
    from worker.engine import Engine

    settings = _served(base)
    configure_logging(settings.log_level, settings.log_format)
    with one_line_errors(also=(VerifyError, OSError, ValueError)):
        pairs, skipped = load_pairs(data, strict=strict)
        if skipped:
            first = skipped[0]
            typer.echo(
                f"finnews: {len(skipped)} line(s) of {data} are not pairs and are left out "
                f"(first: line {first.line}, {first.reason}); each is listed in rates.json",
                err=True,
            )
        engine = Engine.load(settings.model, settings.tasks, settings.registry)
        served = engine.judge_of(task)
        # rates.json names the judge as before; run.json, which a resume is checked against, its adapter too.
        judge = run_judge = None
        if served is not None:
            judge = {"task": served.task, "version": served.version, "min_support": served.min_support}
            run_judge = {**judge, "adapter": served.adapter}
        verdicts_file = out / "verdicts.jsonl"
        if not resume and verdicts_file.is_file() and (earlier := verdicts_file.read_bytes().count(b"\n")):
            typer.echo(
                f"finnews: {earlier} verdict(s) of an earlier run in {out} are replaced (--resume goes on from them)", err=True
            )
        about = {
            "task": task,
            "judge": run_judge,
            "base": engine.loaded.fingerprint,
        }
        done = begin(out, pairs, about, resume)
        if done:
            typer.echo(f"finnews: {len(done)} of {len(pairs)} pairs already have their verdict in {verdicts_file}", err=True)
        todo = pairs[len(done) :]
        started = time.perf_counter()
        new: list[PairVerdict] = []
        with verdicts_file.open("a", encoding="utf-8") as sink:

            def keep(batch: list[PairVerdict]) -> None:
                # Each batch on disk as soon as it is judged: a run stopped after hours keeps what it scored.
                sink.write("".join(v.model_dump_json() + "\n" for v in batch))
                sink.flush()

            if todo:
                columns = (TextColumn("verify"), BarColumn(), MofNCompleteColumn(), TextColumn("eta"), TimeRemainingColumn())
                with Progress(*columns, console=Console(stderr=True)) as bar:
                    job = bar.add_task("verify", total=len(todo))
                    try:
                        new = verify_pairs(
                            engine, task, todo, batch_size, progress=lambda n: bar.update(job, advance=n), on_batch=keep
                        )
                    except BaseException:
                        typer.echo(
                            f"finnews: stopped; the verdicts scored so far are in {verdicts_file} "
                            "(the same command with --resume goes on from there)",
                            err=True,
                        )
                        raise
        seconds = time.perf_counter() - started
        verdicts = done + new
        figures = rates(verdicts)
        if judge is not None:
            figures["judge"] = judge
        figures["skipped"] = {"count": len(skipped), "lines": [s.model_dump() for s in skipped]}
        figures["resumed"] = len(done)
        repeated = figures["repeated_ids"]
        assert isinstance(repeated, dict)
        if repeated["count"]:
            typer.echo(f"finnews: {repeated['count']} id(s) of {data} are given more than once, each scored", err=True)
        write_rates(out, figures, seconds, len(new))
    overall = figures["all"]
    assert isinstance(overall, dict)
    typer.echo(f"verdicts: {verdicts_file}")
    typer.echo(
        f"pairs={overall['n']} unsupported={overall['unsupported']:.4f} by_rules={overall['by_rules']:.4f} "
        f"by_judge={overall['by_judge']:.4f} seconds_per_pair={seconds / max(1, len(new)):.3f} skipped={len(skipped)}"
    )


@adapters_app.command("list")
def adapters_list(task: Annotated[Optional[str], typer.Argument()] = None, registry: RegistryOpt = None) -> None:
    """Versions per task with their status and held-out metric; * marks current."""
    reg = _registry(registry)
    for name in [task] if task else reg.tasks():
        current = reg.current(name)
        for version in reg.versions(name):
            m = reg.manifest(name, version)
            value = m.metrics.get(m.primary_metric)
            shown = f"{value:.4f}" if isinstance(value, float) else "-"
            mark = "*" if version == current else " "
            threshold = f"  min_support={m.min_support:g}" if m.min_support is not None else ""
            typer.echo(
                f"{mark} {name:<16} {version}  {m.status.value:<9} {m.primary_metric}={shown}  parent={m.parent_version or '-'}  "
                f"{m.created_at:%Y-%m-%d %H:%M}{threshold}"
            )


@adapters_app.command("show")
def adapters_show(
    task: str, version: Annotated[Optional[str], typer.Argument(help="Default: current.")] = None, registry: RegistryOpt = None
) -> None:
    """The manifest of a version, as JSON."""
    with one_line_errors():
        manifest = _registry(registry).resolve(task, version or "current")
    typer.echo(manifest.model_dump_json(indent=2))


@adapters_app.command("promote")
def adapters_promote(
    task: str,
    version: str,
    registry: RegistryOpt = None,
    force: Annotated[
        bool, typer.Option(help="Promote a rejected version, or a judge with no threshold, anyway (logged).")
    ] = False,
    announce: Annotated[bool, typer.Option(help="Publish the promotion on the adapter events topic.")] = True,
) -> None:
    """Make a version current (a rejected one, or a judge with no threshold, only with --force) and announce it."""
    from schemas.adapters import VersionStatus
    from training.train import JUDGE_WITHOUT_THRESHOLD, lacks_threshold, promote

    settings = settings_or_exit()
    configure_logging(settings.log_level, settings.log_format)
    reg = _registry(registry)
    with one_line_errors(settings.kafka.bootstrap_servers):
        manifest = reg.manifest(task, version)
        if manifest.status is VersionStatus.rejected and not force:
            raise fail(f"{task} {version} was rejected ({manifest.status_reason}); use --force to promote it anyway")
        spec = next((t for t in settings.tasks if t.name == task), None)
        if lacks_threshold(spec, manifest) and not force:
            why = JUDGE_WITHOUT_THRESHOLD.replace(", then `finnews adapters promote`", "")
            raise fail(f"{task} {version}: {why}; --force serves it at the default (0.5)")
        sent = promote(settings, reg, task, version, "operator promotion", force, announce)
    typer.echo(f"{task} current={version} announced={str(sent).lower()}")


@adapters_app.command("threshold")
def adapters_threshold(
    task: str,
    version: str,
    min_support: Annotated[float, typer.Argument(min=0.0, max=1.0, help="Support below which a headline is unsupported.")],
    reason: Annotated[str, typer.Option(help="How it was chosen: the pairs, the rule, the figures (kept in the manifest).")],
    registry: RegistryOpt = None,
    force: Annotated[
        bool, typer.Option(help="Change the current version's threshold anyway (workers serving it keep the old one).")
    ] = False,
) -> None:
    """Record the threshold chosen for a judge version in its manifest; workers serve it with the version
    (unless a task sets min_support). Set it before promoting: a worker reads it when it loads the version."""
    with one_line_errors():
        reg = _registry(registry)
        before = reg.manifest(task, version).min_support
        reg.set_min_support(task, version, min_support, reason, allow_current=force)
    was = "none" if before is None else f"{before:g}"
    typer.echo(f"{task} {version} min_support={min_support:g} (was {was})")


@adapters_app.command("rollback")
def adapters_rollback(
    task: str,
    registry: RegistryOpt = None,
    announce: Annotated[bool, typer.Option(help="Publish the rollback on the adapter events topic.")] = True,
) -> None:
    """Return a task to the version that was current before the current one."""
    from training.train import rollback

    settings = settings_or_exit()
    configure_logging(settings.log_level, settings.log_format)
    with one_line_errors(settings.kafka.bootstrap_servers):
        old, new, sent = rollback(settings, _registry(registry), task, "operator rollback", announce)
    typer.echo(f"{task} current={new} (was {old}) announced={str(sent).lower()}")


# The slice bounds of `finnews replay` (offsets or times, each side optional).
FromOffset = Annotated[
    Optional[str], typer.Option(help="First offset: N on every partition, or P=N,P=N (default: the beginning).")
]
ToOffset = Annotated[Optional[str], typer.Option(help="End offset, exclusive: N or P=N,P=N (default: the end now).")]
FromTime = Annotated[
    Optional[str], typer.Option(help="ISO 8601 time with zone: the first record at or after it starts the slice.")
]
ToTime = Annotated[Optional[str], typer.Option(help="ISO 8601 time with zone: the first record at or after it ends the slice.")]


def _when(text: str | None, option: str) -> datetime | None:
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not an ISO 8601 time, e.g. 2026-11-24T09:30:00+00:00", param_hint=option) from None


@app.command()
def replay(
    topic: Annotated[str, typer.Option(help="Topic to replay a slice of.")],
    adapter: Annotated[str, typer.Option(help="TASK@VERSION to run (VERSION may be 'current').")],
    out: Annotated[Path, typer.Option(help="Folder for report.json, report.md and the PNG plots.")],
    from_offset: FromOffset = None,
    to_offset: ToOffset = None,
    from_time: FromTime = None,
    to_time: ToTime = None,
    compare: Annotated[Optional[str], typer.Option(help="TASK@VERSION to compare with (same task).")] = None,
    labels: Annotated[
        Optional[Path], typer.Option(help="Ground truth: JSONL of {id, label|summary} (publish --labels-out).")
    ] = None,
    label_field: Annotated[Optional[str], typer.Option(help="Ground truth: this (dotted) field of each record.")] = None,
    to_topic: Annotated[Optional[str], typer.Option(help="Publish the outputs of --adapter to this sandbox topic.")] = None,
    allow_live: Annotated[bool, typer.Option(help="Let --to-topic be a live output topic (backfill on purpose).")] = False,
    base: Annotated[Optional[Path], typer.Option(help="Base model folder (default: model.base).")] = None,
    registry: RegistryOpt = None,
    batch_size: Annotated[int, typer.Option(min=1, max=1024)] = 16,
    progress: Annotated[bool, typer.Option(help="Show a progress bar with ETA on stderr.")] = True,
) -> None:
    """Replay a slice of a topic (offsets or times) through adapter versions and write a report."""
    from pydantic import ValidationError

    from training.replay import ReplayRequest, VersionRef
    from training.replay import replay as run_replay
    from training.replay_files import save
    from training.replay_report import summary_line
    from worker.kafka.topic_reader import SliceSpec, parse_offsets

    overrides = {"model": {**settings_or_exit().model.model_dump(), "base": base}} if base else {}
    settings = settings_or_exit(**overrides)
    configure_logging(settings.log_level, settings.log_format)
    try:
        spec = SliceSpec(
            topic=topic,
            from_offset=parse_offsets(from_offset),
            to_offset=parse_offsets(to_offset),
            from_time=_when(from_time, "--from-time"),
            to_time=_when(to_time, "--to-time"),
        )
    except ValidationError as exc:
        raise fail(exc.errors()[0]["msg"].removeprefix("Value error, "), 2) from None
    except ValueError as exc:
        raise fail(str(exc), 2) from None
    with one_line_errors(settings.kafka.bootstrap_servers):
        request = ReplayRequest(
            slice=spec,
            adapter=VersionRef.parse(adapter),
            compare=VersionRef.parse(compare) if compare else None,
            labels=labels,
            label_field=label_field,
            to_topic=to_topic,
            allow_live=allow_live,
            batch_size=batch_size,
        )
        run = run_replay(settings, _registry(registry), request, progress=progress)
        report = save(run, out)
    if report.comparison is not None:
        typer.echo(report.comparison.verdict)
    typer.echo(f"report: {out / 'report.md'}")
    typer.echo(summary_line(report))
