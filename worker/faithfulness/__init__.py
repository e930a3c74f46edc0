"""Is a headline supported by its story? The fact rules, in one place, beside the judge they work with.

- ``facts.py``: the checkable facts of a text (numbers with units, periods, tickers, words), normalised;
- ``common_words.py`` and ``words/``: which capitalised headline words are names;
- ``grounding.py``: every fact of a headline looked up in its story; looping; the extractive lead.

The judge, a verifier adapter served by the engine (a classify task with ``judges`` set:
schemas.tasks.TaskSpec), reads what the rules cannot: a flipped direction, an event said done
that is only planned, swapped roles. worker/engine/headlines.py applies both and the task's
grounding policy; ``finnews verify`` runs them on given pairs. Pure Python, no torch.
"""

from worker.faithfulness.grounding import Grounding, check_grounding, extractive_headline, is_looping

__all__ = ["Grounding", "check_grounding", "extractive_headline", "is_looping"]
