"""What the engine returns per item and task, before lineage is attached.

Each result names the adapter version that made it: a swap may land between
a batch's run and its publishing, and lineage must tell the truth.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Classification:
    label: str
    scores: dict[str, float]
    adapter: str = "none"
    version: str = "base"


@dataclass(frozen=True, slots=True)
class Summary:
    text: str
    input_tokens: int
    output_tokens: int
    adapter: str = "none"
    version: str = "base"
