"""What every `finnews` command shares: settings that fail as one line, and known errors as one line.

A command never shows a traceback for a condition the user can fix: a bad
setting exits 2, a refused operation (the package's own errors, a Kafka client
error, or what the command names) exits 1, each with one line on stderr.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from worker.config import Settings, load_settings
from worker.exceptions import ConfigError, FinnewsError, kafka_error


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``finnews: message`` on stderr; raise the returned Exit."""
    typer.echo(f"finnews: {message}", err=True)
    return typer.Exit(code)


def settings_or_exit(**overrides: object) -> Settings:
    try:
        return load_settings(**overrides)
    except ConfigError as exc:
        raise fail(str(exc), 2) from None


@contextmanager
def one_line_errors(bootstrap: str | None = None, also: tuple[type[Exception], ...] = ()) -> Iterator[None]:
    """The package's errors, Kafka client errors (naming ``bootstrap``) and ``also`` as one line, exit 1."""
    from kafka.errors import KafkaError

    try:
        yield
    except (FinnewsError, *also) as exc:
        raise fail(str(exc)) from None
    except KafkaError as exc:
        raise fail(f"Kafka at {bootstrap}: {kafka_error(exc)}") from None
