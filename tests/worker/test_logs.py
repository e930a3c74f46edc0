"""A broker outage must not flood the logs: repeated Kafka client errors fold into one line
per broker per interval, with a count."""

from __future__ import annotations

import logging

from worker.logs import RateLimit


def _record(name: str, msg: str, *args: object, level: int = logging.ERROR) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, msg, args, None)


def test_repeated_connection_errors_fold_per_broker_with_a_count() -> None:
    limit = RateLimit(interval=30.0)
    passed = [
        limit.filter(_record("aiokafka.conn", "Unable connect to node with id %s: %s", node, "refused"))
        for _ in range(3600)
        for node in (1, 2)
    ]
    assert sum(passed) == 2  # one line per broker
    # Once the interval is over, the next line says how many were folded.
    for key, (since, folded) in list(limit._seen.items()):
        limit._seen[key] = (since - 31.0, folded)
    record = _record("aiokafka.conn", "Unable connect to node with id %s: %s", 1, "refused")
    assert limit.filter(record) and "3599 more like this" in str(record.msg)


def test_other_loggers_and_info_lines_pass_untouched() -> None:
    limit = RateLimit(interval=30.0)
    assert all(limit.filter(_record("finnews", "boom")) for _ in range(10))
    assert all(limit.filter(_record("aiokafka", "joined", level=logging.INFO)) for _ in range(10))
