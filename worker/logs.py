"""structlog set-up: JSON lines (production) or console (demo), with bound context."""

from __future__ import annotations

import logging
import sys
import time

import structlog

# Client libraries log every reconnect and metadata refresh at INFO; their
# warnings and errors still come through.
_NOISY = ("aiokafka", "kafka", "transformers", "peft", "bitsandbytes", "httpx", "urllib3")


class RateLimit(logging.Filter):
    """One line per (logger, message, first argument) per ``interval`` seconds, with a count.

    A broker outage makes aiokafka log every reconnect attempt and metadata
    refresh at ERROR, thousands of lines a minute per worker. The first
    argument of those messages is the broker (node id or address), so each
    broker still gets its line every interval, saying how many were folded.
    """

    def __init__(self, interval: float = 30.0) -> None:
        super().__init__()
        self.interval = interval
        self._seen: dict[tuple[str, str, str], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or not record.name.startswith(_KAFKA_LOGGERS):
            return True
        first = record.args[0] if isinstance(record.args, tuple) and record.args else ""
        key = (record.name, str(record.msg), str(first))
        now = time.monotonic()
        since, folded = self._seen.get(key, (0.0, 0))
        if now - since < self.interval:
            self._seen[key] = (since, folded + 1)
            return False
        self._seen[key] = (now, 0)
        if folded:
            record.msg = f"{record.msg} [{folded} more like this in the last {now - since:.0f}s]"
        return True


#: Loggers of the Kafka clients, whose connection errors repeat during an outage.
_KAFKA_LOGGERS = ("aiokafka", "kafka")
_rate_limit = RateLimit()


def _not_slow_step(record: logging.LogRecord) -> bool:
    return "blocking the event loop" not in str(record.msg)


def configure_logging(level: str = "INFO", fmt: str = "json") -> None:
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer() if fmt == "json" else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        # Resolve sys.stderr on every call, not once: whoever swaps it later
        # (test runners, CLI harnesses) must not leave us a closed stream.
        logger_factory=lambda *_: structlog.PrintLogger(sys.stderr),
        cache_logger_on_first_use=False,
    )
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    for name in _NOISY:
        logging.getLogger(name).setLevel(logging.WARNING if level != "DEBUG" else logging.INFO)
    # bitsandbytes warns on every CPU load that an optional kernel hub package is missing.
    logging.getLogger("bitsandbytes").setLevel(logging.ERROR)
    logging.getLogger("aiokafka.cluster").setLevel(logging.CRITICAL)
    # kafka-python's own scheduler warns when one of its steps takes over 0.1 s, which a CPU busy loading a
    # model causes without anything being wrong (the tools' clients are blocking by design); the demo's first screen showed it.
    selector = logging.getLogger("kafka.net.selector")
    if _not_slow_step not in selector.filters:
        selector.addFilter(_not_slow_step)
    # Filters on a logger do not see its children's records; handlers see them all.
    for handler in logging.getLogger().handlers:
        if _rate_limit not in handler.filters:
            handler.addFilter(_rate_limit)
