"""Build the word lists the grounding check reads (worker/faithfulness/words/): which words are English, which names.

    .venv/bin/python -m worker.dev.vocabulary --data ../shared/data/press_release_headlines/train.jsonl

A headline in Title Case does not say which of its words are names. How a large body of news
writes a word in the middle of a sentence does: "momentum" in lower case 95% of the time, "York",
"Jordan" and "Oracle" almost never. From the stories of a training set (never its headlines, and
never an evaluation set) this writes two lists of words (statistics of the stories, not their text):

- ``lower.txt``: words written in lower case mid-sentence in at least 35% of at least 3 uses
  (common words, modern ones too: "fintech", "crypto");
- ``names.txt``: words an English dictionary lists in lower case that the stories write capitalised
  mid-sentence in over 65% of at least 5 uses ("york", "apple", "oracle"): names first.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "faithfulness" / "words"
#: A word after a lower-case word or a comma: mid-sentence, where its case says what it is.
_MID_SENTENCE = re.compile(r"(?<=[a-z,;] )([A-Za-z]+)\b")


def count(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for text in texts:
        for m in _MID_SENTENCE.finditer(text):
            word = m[1]
            if word.islower():
                lower[word] += 1
            elif word[0].isupper() and word[1:].islower():
                capital[word.lower()] += 1
    return lower, capital


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="JSONL with a 'text' field per record.")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    from english_words import get_english_words_set

    texts = [json.loads(line)["text"] for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    lower, capital = count(texts)
    dictionary = {w for w in get_english_words_set(["web2", "gcide"], alpha=True) if w.islower()}
    common = sorted(w for w, n in lower.items() if len(w) >= 2 and n >= 3 and n >= 0.35 * (n + capital[w]))
    names = sorted(w for w, n in capital.items() if w in dictionary and n >= 5 and n > 0.65 * (n + lower[w]))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "lower.txt").write_text("\n".join(common) + "\n", encoding="utf-8")
    (args.out / "names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"stories={len(texts)} lower={len(common)} names={len(names)} -> {args.out}")


if __name__ == "__main__":
    main()
