"""Bad input records: the classes outside fuzzing found, a hypothesis strategy, and a raw producer.

A record here is (key, value, headers) with header keys as bytes: real Kafka
clients insist on text header keys, so ``produce`` smuggles arbitrary bytes
through kafka-python's encoder with a str subclass.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from worker.kafka import clients

Raw = tuple[bytes | None, bytes | None, list[tuple[bytes, bytes | None]]]


class RawHeaderKey(str):
    """A header key that encodes to exactly these bytes (UTF-8 or not)."""

    raw: bytes

    def __new__(cls, raw: bytes) -> "RawHeaderKey":
        obj = super().__new__(cls, raw.decode("latin-1"))
        obj.raw = raw
        return obj

    def encode(self, *_: Any, **__: Any) -> bytes:  # type: ignore[override]
        return self.raw


def produce(bootstrap: str, topic: str, records: list[Raw], partition: int | None = None) -> None:
    producer = clients.producer(bootstrap, "test-poison", max_request_size=2_000_000)
    try:
        for key, value, headers in records:
            producer.send(topic, key=key, value=value, headers=[(RawHeaderKey(k), v) for k, v in headers], partition=partition)
        producer.flush()
    finally:
        producer.close()


def news_json(**overrides: Any) -> bytes:
    item: dict[str, Any] = {
        "id": "p-1",
        "headline": "Company raises guidance",
        "source": "wire",
        "published_at": "2026-11-02T09:00:00+00:00",
    }
    item.update(overrides)
    return json.dumps(item).encode()


#: The classes outside fuzzing found, one example each (value, expected dead-letter reason).
KNOWN_POISON: dict[str, tuple[Raw, str]] = {
    "deep_nesting": ((b"deep", b'{"id": "d", "x": ' + b"[" * 995 + b"]" * 995 + b"}", []), "bad_json"),
    "huge_integer": ((b"int", news_json(extra=0).replace(b"0}", b"9" * 5000 + b"}"), []), "bad_json"),
    "non_utf8_header_key": ((b"hdr", b"not json", [(b"\xff\xfe\x80key", b"v"), (b"ok", b"")]), "bad_json"),
    "oversize_bad_json": ((b"big", b"{" + b"x" * 900_000, []), "oversize"),
    "nan": ((b"nan", news_json(tickers=["A"]).replace(b'["A"]', b"NaN"), []), "bad_json"),
}


@st.composite
def bad_records(draw: st.DrawFn) -> Raw:
    """Records a worker must dead-letter (or, by chance, process), never choke on."""
    kind = draw(
        st.sampled_from(
            ["binary", "text", "json_scalar", "wrong_fields", "deep", "bigint", "surrogate", "long_field", "empty", "utf8_bom"]
        )
    )
    value: bytes | None
    if kind == "binary":
        value = draw(st.binary(min_size=1, max_size=64))
    elif kind == "text":
        value = draw(st.text(max_size=40)).encode("utf-8", "surrogatepass")
    elif kind == "json_scalar":
        value = json.dumps(
            draw(st.one_of(st.integers(), st.floats(allow_nan=False), st.text(max_size=10), st.lists(st.integers(), max_size=4)))
        ).encode()
    elif kind == "wrong_fields":
        fields = draw(
            st.dictionaries(
                st.sampled_from(["id", "headline", "source", "published_at", "tickers", "language", "schema_version", "body"]),
                st.one_of(
                    st.none(), st.integers(), st.text(max_size=8), st.lists(st.text(max_size=3), max_size=3), st.booleans()
                ),
                max_size=6,
            )
        )
        value = json.dumps(fields).encode()
    elif kind == "deep":
        depth = draw(st.integers(min_value=150, max_value=3000))
        opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
        value = ('{"id": "x", "n": ' + opener * depth + "1" + closer * depth + "}").encode()
    elif kind == "bigint":
        digits = draw(st.integers(min_value=300, max_value=6000))
        value = news_json().replace(b'"p-1"', b"9" * digits)
    elif kind == "surrogate":
        value = news_json().replace(b"Company", b"\\ud800Company")
    elif kind == "long_field":
        value = news_json(headline="h" * draw(st.integers(min_value=2001, max_value=5000)))
    elif kind == "utf8_bom":
        value = b"\xef\xbb\xbf" + news_json()
    else:
        value = draw(st.sampled_from([b"", None]))
    # kafka-python sends neither a record without key and value nor a null header value.
    key = draw(st.binary(max_size=16) if value is None else st.one_of(st.none(), st.binary(max_size=16)))
    headers = draw(st.lists(st.tuples(st.binary(max_size=6), st.binary(max_size=6)), max_size=3))
    return key, value, headers
