"""Constraints on what greedy generation may emit, per row of a batch: no looping, no banned facts.

transformers has both ideas built in, but neither fits a batch of headlines:
- ``no_repeat_ngram_size`` counts the n-grams of the whole sequence, prompt and left padding
  included, so a headline could not copy any three-token phrase of its story; and ``repetition_penalty``
  also penalises every token of the prompt, pushing the model off the story's own words (towards
  invented ones). ``NoRepeatInOutput`` looks only at what the row has generated.
- ``bad_words_ids`` applies one list to every row; a regenerated headline must avoid the facts
  its own story did not support, not its batch-mates'. ``BannedSequences`` holds one list per row.
Both cost a Python loop over the batch per decoding step, over at most max_new_tokens tokens a row.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from typing import Any

import torch
from transformers import LogitsProcessor

#: Characters of tokens that may repeat inside numbers: "1,000,000" or "2020 and full-year 2020" on a
#: tokenizer that splits digits (Gemma) repeat 4-grams of digits and separators without looping.
_NUMERIC = re.compile(r"[\s\d.,%$€£:/+\-]*")
_repeatable_cache: "weakref.WeakKeyDictionary[Any, frozenset[int]]" = weakref.WeakKeyDictionary()


def repeatable_token_ids(tokenizer: Any) -> frozenset[int]:
    """Ids of the tokens made only of digits, separators and spaces; n-grams of these alone may repeat.

    Read once per tokenizer from its vocabulary (a quarter of a second for Gemma's 262,144 tokens).
    """
    cached = _repeatable_cache.get(tokenizer)
    if cached is None:
        ids = set()
        for token, token_id in tokenizer.get_vocab().items():
            text = token.replace("▁", " ").replace("Ġ", " ")
            if _NUMERIC.fullmatch(text):
                ids.add(token_id)
        cached = _repeatable_cache[tokenizer] = frozenset(ids)
    return cached


class NoRepeatInOutput(LogitsProcessor):
    """Row i never generates an n-gram (n = ``sizes[i]``, 0: no limit) it has already generated.

    Only tokens after ``prompt_len`` (the left-padded prompt width) count, and n-grams made
    only of ``repeatable`` tokens (digits, separators) are exempt.
    """

    def __init__(self, sizes: Sequence[int], prompt_len: int, repeatable: frozenset[int] = frozenset()) -> None:
        self.sizes = list(sizes)
        self.prompt_len = prompt_len
        self.repeatable = repeatable

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        out = input_ids[:, self.prompt_len :].tolist()
        for row, (tokens, n) in enumerate(zip(out, self.sizes, strict=True)):
            if n <= 0 or len(tokens) < n:
                continue
            prefix = tokens[len(tokens) - n + 1 :]
            banned = {
                tokens[i + n - 1]
                for i in range(len(tokens) - n + 1)
                if tokens[i : i + n - 1] == prefix and not all(t in self.repeatable for t in tokens[i : i + n])
            }
            if banned:
                scores[row, list(banned)] = -float("inf")
        return scores


class BannedSequences(LogitsProcessor):
    """Row i never completes any token sequence of ``banned[i]`` (a one-token sequence is never emitted)."""

    def __init__(self, banned: Sequence[Sequence[Sequence[int]]]) -> None:
        self.banned = [[list(seq) for seq in row if seq] for row in banned]

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        if not any(self.banned):
            return scores
        width = max(len(seq) for row in self.banned for seq in row)
        tails = input_ids[:, -(width - 1) :].tolist() if width > 1 else [[] for _ in self.banned]
        for row, (sequences, tail) in enumerate(zip(self.banned, tails, strict=True)):
            last = {seq[-1] for seq in sequences if len(seq) == 1 or tail[len(tail) - len(seq) + 1 :] == seq[:-1]}
            if last:
                scores[row, list(last)] = -float("inf")
        return scores


def fact_token_sequences(tokenizer: Any, facts: Sequence[str]) -> tuple[tuple[int, ...], ...]:
    """The token sequences that would write each fact again: as written, after a space, and its bare numerals.

    A regenerated headline that cannot write "$584 Million" might still write "$584M"; banning
    the numeral "584" too closes that door (numerals of two characters or more only). Other spellings remain possible, which is why the
    policy checks the regenerated headline again.
    """
    texts: set[str] = set()
    for fact in facts:
        # Not one character alone: on a tokenizer that splits digits, banning "7" would ban every number with a 7.
        for text in (fact, *re.findall(r"\d[\d,.]*\d", fact)):
            if len(text.strip()) > 1:
                texts |= {text, " " + text}
    sequences = {tuple(tokenizer(text, add_special_tokens=False)["input_ids"]) for text in texts}
    return tuple(sorted(seq for seq in sequences if seq))
