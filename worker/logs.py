"""structlog set-up: JSON lines (production) or console (demo), with bound context."""

from __future__ import annotations

import logging
import sys

import structlog

# Client libraries log every reconnect and metadata refresh at INFO; their
# warnings and errors still come through.
_NOISY = ("faust", "aiokafka", "mode", "kafka", "transformers", "peft", "bitsandbytes", "httpx", "urllib3")


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
    # The assignor warns about its optional leader topic on every rebalance; it is harmless.
    logging.getLogger("faust.assignor.partition_assignor").setLevel(logging.ERROR)
    logging.getLogger("aiokafka.cluster").setLevel(logging.CRITICAL)
