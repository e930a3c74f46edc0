"""Is a headline supported by its story? The fact rules, in one place, beside the judge they work with.

- ``facts.py``: the checkable facts of a text (numbers with units, periods, tickers, words), normalised;
- ``common_words.py`` and ``words/``: which capitalised headline words are names;
- ``claims.py``: what a headline says happened (a direction, a negation, an event's status) against the story;
- ``totals.py``: a deal's amount that the story gives only as a running total ("$108 million to date");
- ``years.py``: a year the story gives a named thing only with other years ("2023 Inc. 5000" for its 2024 list), a
  year of accounts the story does not report, a whole year over a quarter's accounts;
- ``scopes.py``: what a results figure is told of: its measure (revenue, profit, a dividend...), its span of time (a
  quarter, a half, a year) and whether it is the figure compared with ("Net Income Up 18%" over revenue's 18%); a
  deal's money (a round's sum, a valuation, a price per share);
- ``date_roles.py``: a day given to another event than the story gives it ("Class Action Filing on October 13" over
  the lead plaintiff deadline);
- ``multiples.py``: a change's size in words ("Doubles Subscribers to 3.77 Million" over a 45% rise);
- ``sides.py``: a figure put on the wrong side of a pair (a premium for a discount, a surplus for a deficit);
- ``measures.py``: a measure's unit, part of its value ("1,500 Hectares" over "1,500 acres");
- ``superlatives.py``: a record or a first the story never claims ("Wins Record $780 Million Contract");
- ``phases.py``: a clinical trial's phase the story never names ("Phase 3" over its Phase 2 trial);
- ``titles.py``: an officer's title the story never gives ("CFO" over a chief executive), and an interim appointment told
  as one for good ("Named CEO" over an interim chief);
- ``parties.py``: who did what to whom: a title given to the wrong one of two names, a purchase or a joining the wrong way round,
  a partnership told as a purchase or the other way, a sale over a purchase;
- ``grounding.py``: every fact and claim of a headline looked up in its story; looping; the extractive lead.

The judge, a verifier adapter served by the engine (a classify task with ``judges`` set:
schemas.tasks.TaskSpec), reads what the rules cannot: swapped roles, a change told in words
the rules do not list, a claim the story never makes. worker/engine/headlines.py applies both and the task's
grounding policy; ``finnews verify`` runs them on given pairs. Pure Python, no torch.
"""

from worker.faithfulness.grounding import Grounding, check_grounding, extractive_headline, is_looping, visible

__all__ = ["Grounding", "check_grounding", "extractive_headline", "is_looping", "visible"]
