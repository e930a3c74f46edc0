"""The faithfulness benchmark's own arithmetic: which verdicts sit on the judge's threshold."""

from __future__ import annotations

from benchmarks.faithfulness import near_threshold
from training.verify import PairVerdict


def _verdict(kind: str, support: float | None, grounded: bool = True) -> PairVerdict:
    accepts = None if support is None else support >= 0.25
    return PairVerdict(
        id=kind,
        verdict="supported" if grounded and accepts is not False else "unsupported",
        grounded=grounded,
        unsupported=[] if grounded else ["X"],
        looping=False,
        support=support,
        judge_accepts=accepts,
        kind=kind,
    )


def test_only_the_judges_own_decisions_near_its_threshold_are_on_the_edge() -> None:
    verdicts = [
        _verdict("status", 0.248),  # just below: the judge's catch, on the edge
        _verdict("status", 0.2555),  # just above: the judge's pass, on the edge
        _verdict("status", 0.26),  # 0.01 away: not
        _verdict("name", 0.249, grounded=False),  # the rules caught it: the judge decided nothing
        _verdict("true", None),  # no judge
    ]
    assert near_threshold(verdicts, 0.25) == {"status": 2}
