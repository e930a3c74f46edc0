"""Training pairs for a judge task (a headline verifier): true headlines and corrupted copies of them.

Each story with a reference headline gives one supported pair (story, its own headline) and, where
a rule applies, one unsupported pair (story, the headline with one fact changed:
training/corruptions.py). A few unsupported pairs take another story's headline whole, the
easiest error, so the judge also learns that a headline must be about its story at all.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence

from schemas.labels import LabelledText
from training.corruptions import KINDS, Corruption, corrupt, headline_names

__all__ = ["SUPPORTED", "UNSUPPORTED", "judge_examples"]

SUPPORTED, UNSUPPORTED = "supported", "unsupported"
#: Share of unsupported pairs that take another story's headline.
OTHER_STORY = 0.05
#: Where several rules apply to a headline, how likely each is drawn: names apply to most headlines
#: and the rules for status, direction and roles to few, so unweighted draws would teach mostly names.
WEIGHTS = {
    Corruption.name: 1.0,
    Corruption.number: 3.0,
    Corruption.direction: 4.0,
    Corruption.status: 6.0,
    Corruption.role: 4.0,
    Corruption.entity: 2.0,
    Corruption.story_number: 3.0,
}


def judge_examples(
    records: Sequence[LabelledText], seed: int = 0, kinds: Sequence[Corruption] = KINDS
) -> tuple[list[LabelledText], Counter[str]]:
    """(story, headline) pairs labelled supported or unsupported, and how many of each corruption kind."""
    rng = random.Random(seed)
    stories = [r for r in records if r.summary and r.summary.strip()]
    pool = [name for r in stories for name in headline_names(r.summary or "", r.text)]
    out: list[LabelledText] = []
    made: Counter[str] = Counter()
    for record in stories:
        headline = (record.summary or "").strip()
        out.append(LabelledText(id=f"{record.id}#true", text=record.text, headline=headline, label=SUPPORTED))
        made["true"] += 1
        if rng.random() < OTHER_STORY and len(stories) > 1:
            other = rng.choice(stories)
            if other.id != record.id:
                out.append(LabelledText(id=f"{record.id}#other", text=record.text, headline=other.summary, label=UNSUPPORTED))
                made["other_story"] += 1
                continue
        options = [c for kind in kinds if (c := corrupt(headline, record.text, kind, rng, pool)) is not None]
        if options:
            changed = rng.choices(options, weights=[WEIGHTS[c.kind] for c in options])[0]
            out.append(
                LabelledText(
                    id=f"{record.id}#{changed.kind.value}", text=record.text, headline=changed.headline, label=UNSUPPORTED
                )
            )
            made[changed.kind.value] += 1
    return out, made
