"""The promotion gate: a candidate becomes current only when it beats the
current version (or the bare base, for a first version) on the same held-out
set by a configured margin."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Decision:
    promote: bool
    reason: str


def judge(metric: str, candidate: float, baseline: float, baseline_name: str, margin: float, force: bool = False) -> Decision:
    delta = candidate - baseline
    summary = f"{metric} {candidate:.4f} vs {baseline_name} {baseline:.4f} (delta {delta:+.4f}, margin {margin:.4f})"
    if delta > margin:
        return Decision(True, "beats " + summary)
    if force:
        return Decision(True, "forced by operator: " + summary)
    return Decision(False, "does not beat " + summary)
