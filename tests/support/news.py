"""News items made up for the tests."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

_HEADLINES = [
    "{c} beats estimates and raises guidance",
    "{c} cuts outlook on weak demand",
    "{c} names a new chief financial officer",
    "{c} wins a large supply contract",
    "{c} faces a probe over accounting",
]


def news(n: int, prefix: str = "n", body: str | None = None) -> list[dict[str, object]]:
    start = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
    items = []
    for i in range(n):
        company = f"Company{i % 7}"
        items.append(
            {
                "id": f"{prefix}-{i:04d}",
                "headline": _HEADLINES[i % len(_HEADLINES)].format(c=company),
                "body": body if body is not None else f"{company} said quarterly revenue changed by {i % 13}% as orders moved.",
                "source": "test-wire",
                "published_at": (start + timedelta(minutes=i)).isoformat(),
                "tickers": [f"C{i % 7}"],
            }
        )
    return items


def lines(items: list[dict[str, object]]) -> list[bytes]:
    return [json.dumps(item).encode() for item in items]


MALFORMED: dict[str, bytes] = {
    "undecodable": b'{"id": "x", "headline": "\xff\xfe"}',
    "bad_json": b"not json",
    "schema_violation": b'{"id": "x1", "headline": "no time", "source": "s", "published_at": "2026-11-02T09:00:00"}',
    "empty": b"",
}
