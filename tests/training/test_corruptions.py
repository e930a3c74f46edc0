"""Corrupted copies of true headlines: one fact changed, by kind, or nothing when the kind does not apply."""

from __future__ import annotations

import random

from schemas.labels import LabelledText
from training.corruptions import Corruption, corrupt, headline_names
from training.judge_data import SUPPORTED, UNSUPPORTED, judge_examples
from worker.faithfulness.grounding import check_grounding

STORY = (
    "NEW YORK, March 3, 2021 /PRNewswire/ -- Acme Robotics Inc. will report its fourth quarter results on March 10. "
    "Revenue rose 12% to $1.2 billion, the company said. Acme Robotics acquires Widgetco, a maker of sensors."
)


def _rng() -> random.Random:
    return random.Random(0)


def test_a_name_is_swapped_for_one_the_story_lacks_and_the_rules_catch_it() -> None:
    headline = "Acme Robotics Revenue Rises 12%"
    assert "Acme Robotics" in headline_names(headline, STORY)
    changed = corrupt(headline, STORY, Corruption.name, _rng(), names=["Globex", "Acme Robotics"])
    assert changed is not None and changed.headline == "Globex Revenue Rises 12%"
    assert not check_grounding(changed.headline, STORY).grounded


def test_a_name_copy_puts_a_name_in_and_takes_one_name_out() -> None:
    headline = "Acme Robotics Revenue Rises 12%"
    # A capitalised common word names no one, and a run of a headline's tickers is no one name: no copy.
    for pool in (["Managing"], ["Eleventh"], ["NASDAQ: QNTM"], ["Bitcoin (BTC), Solana (SOL"]):
        assert corrupt(headline, STORY, Corruption.name, _rng(), names=pool) is None, pool
    # Names of common words side by side, an acronym and initials are names.
    for name in ("Orleans Jazz Museum", "NAB", "D-Wave", "J.D"):
        changed = corrupt(headline, STORY, Corruption.name, _rng(), names=[name])
        assert changed is not None and changed.headline == f"{name} Revenue Rises 12%"
    # A run of the headline's names and tickers is never swapped out whole, which would leave a ")" unopened.
    story = "Acme (NASDAQ: ACME) and Globex (NYSE: GBX) said revenue rose. Acme and Globex grew."
    ticked = "Acme (NASDAQ: ACME), Globex (NYSE: GBX) Grow"
    copies = [corrupt(ticked, story, Corruption.name, random.Random(seed), names=["Initech"]) for seed in range(20)]
    assert all(c is None or c.headline.count("(") == c.headline.count(")") for c in copies)


def test_a_number_is_changed_to_one_the_story_lacks() -> None:
    for seed in range(20):
        changed = corrupt("Acme Revenue Rises 12% to $1.2 Billion", STORY, Corruption.number, random.Random(seed))
        assert changed is not None and changed.headline != "Acme Revenue Rises 12% to $1.2 Billion"
        assert not check_grounding(changed.headline, STORY).grounded, changed


def test_direction_flips_and_negation() -> None:
    flipped = corrupt("Acme Revenue Rises 12%", STORY, Corruption.direction, _rng())
    assert flipped is not None and flipped.headline == "Acme Revenue Falls 12%"
    negated = corrupt("Acme Is Ready for Takeoff", STORY, Corruption.direction, _rng())
    assert negated is not None and negated.headline == "Acme Is Not Ready for Takeoff"
    assert corrupt("Acme Names Jane Doe Chair", STORY, Corruption.direction, _rng()) is None
    # A word that tells no direction here makes no copy: a compound's part, a verb's particle, a raise of no figure.
    for headline in (
        "Acme Celebrates Record-Breaking Sales",
        "Acme Teams Up With Globex",
        "Acme Gears Up for Launch",
        "Ruling Raises Concerns for Workers",
        "Acme Raises $5M Seed Round",
        "Acme Funds Tied Up",
        "UL-Approved Labels",
    ):
        assert corrupt(headline, STORY, Corruption.direction, _rng()) is None, headline
    # Where the word does tell a direction, it flips: a figure's "Up", a ramp, a forecast raised, a comparative's compound.
    for headline, flipped in (
        ("Acme to Ramp Up Copper Output", "Acme to Ramp Down Copper Output"),
        ("Natural Gas Up 3%", "Natural Gas Down 3%"),
        ("Dow Opens Up 200 Points", "Dow Opens Down 200 Points"),
        ("Acme Raises 2025 Forecast", "Acme Cuts 2025 Forecast"),
        ("Acme Posts Best-Ever Quarter", "Acme Posts Worst-Ever Quarter"),
    ):
        changed = corrupt(headline, STORY, Corruption.direction, _rng())
        assert changed is not None and changed.headline == flipped, headline


def test_a_planned_event_is_said_done() -> None:
    changed = corrupt("Acme Robotics to Report Fourth Quarter Results", STORY, Corruption.status, _rng())
    assert changed is not None and changed.headline == "Acme Robotics Reports Fourth Quarter Results"
    assert corrupt("Acme Robotics Shares Fell", STORY, Corruption.status, _rng()) is None
    # The word of intent a "to" leans on moves with it: "Set Launches" would state no status at all.
    leaning = corrupt("Acme Robotics Set to Launch Robo One in April", STORY, Corruption.status, _rng())
    assert leaning is not None and leaning.headline == "Acme Robotics Launches Robo One in April"
    planned = corrupt("Acme Robotics Plans to Launch Robo One", STORY, Corruption.status, _rng())
    assert planned is not None and planned.headline == "Acme Robotics Launches Robo One"
    # "due to" is a cause, not a plan
    assert corrupt("Acme Shares Fall Due to Report Delay", STORY, Corruption.status, _rng()) is None


def test_a_status_copy_is_a_headline_and_false() -> None:
    """A "to" that is no plan of the subject's is left alone ("Partner Launches", "Deal Lists" are no headlines), and
    so is a move the story itself also tells (a launch it writes as done somewhere, a purchase it writes to come):
    such a copy might be true, and a negative must be false."""
    story = "Acme and Globex will launch Robo One in April. Acme plans to list on Nasdaq after its deal."
    for garbled in (
        "Acme and Globex Partner to Launch Robo One",  # -> "Partner Launches"
        "Acme Announces Deal to List on Nasdaq",  # -> "Deal Lists"
        "Acme Raises $5M to Launch Robo One",  # -> "$5M Launches"
        "Acme Hires Jane Doe to Launch Robo One",  # -> "Hires Jane Doe Launches"
        "Ready to Launch, Acme Brings Robo One",  # -> "Launches, Acme Brings": no subject
    ):
        assert corrupt(garbled, story, Corruption.status, _rng()) is None, garbled
    made = corrupt("Acme to Launch Robo One in April", story, Corruption.status, _rng())
    assert made is not None and made.headline == "Acme Launches Robo One in April"
    # What is announced is the object's plan: "Announces Robo One Launches" is a headline, and false.
    announced = corrupt("Globex Announces Robo One to Launch in April", story, Corruption.status, _rng())
    assert announced is not None and announced.headline == "Globex Announces Robo One Launches in April"
    # Boeing's "-ing" is no verb: the copy stands.
    boeing = corrupt("Boeing to Launch Robo One in April", story, Corruption.status, _rng())
    assert boeing is not None and boeing.headline == "Boeing Launches Robo One in April"
    launched = "Acme said Robo One has officially launched in April, and more will launch next year."
    assert corrupt("Acme to Launch Robo One in April", launched, Corruption.status, _rng()) is None
    # Done made a plan: refused where the story also writes the event to come, made where it does not.
    assert (
        corrupt("Acme Acquires Globex", "Acme will acquire more firms. Acme acquired Globex.", Corruption.status, _rng()) is None
    )
    planned = corrupt("Acme Acquires Globex", "Acme acquired Globex on Monday.", Corruption.status, _rng())
    assert planned is not None and planned.headline == "Acme Plans To Acquire Globex"


def test_a_status_copy_reads_the_event_that_moved_and_its_subject() -> None:
    """After a read-only review: the story check reads the event the copy states (a date announced made a report), a
    passive, a progressive or a deal's noun; two subjects, a verb or a participle before the "to" leave the copy
    alone, and a name the story writes ("Ares Capital", "Sterling") does not."""
    none = {
        "Acme Announces Date for Q3 Results": "Acme reported Q3 results today. It announced a dividend.",
        "Acme Acquires Beta": "Acme said Beta will be acquired by Acme. The deal is expected to close.",
        "Acme to Open Store": "Acme's store is now open in Austin.",
        "Acme to Host Webinar": "Acme is hosting a webinar today.",
        "Acme to Acquire Beta": "Acme completed its acquisition of Beta.",
        "Acme Wants to Buy Beta": "Acme would like to buy Beta.",
        "Acme and Beta to Launch App": "Acme and Beta will launch an app.",
        "Acme Cleared to Launch App": "Acme was cleared to launch its app.",
        "Acme Schedules Conference Call for Q3 Results": "Acme will hold a call.",  # -> "Acme Q3 Results": no verb
    }
    for headline, story in none.items():
        assert corrupt(headline, story, Corruption.status, _rng()) is None, headline
    made = {
        ("Acme Announces Date for Q3 Results", "Acme will report Q3 results on May 5, it announced."): "Acme Reports Q3 Results",
        (
            "Ares Capital to Report Q3 Results",
            "NEW YORK -- Ares Capital will report Q3 results.",
        ): "Ares Capital Reports Q3 Results",
        ("Sterling to Acquire Beta", "NEW YORK -- Sterling will acquire Beta."): "Sterling Acquires Beta",
        ("Acme Technologies, Inc. to Present at Summit", "Acme will present at the summit."): (
            "Acme Technologies, Inc. Presents at Summit"
        ),
    }
    for (headline, story), expected in made.items():
        copy = corrupt(headline, story, Corruption.status, _rng())
        assert copy is not None and copy.headline == expected, headline
    deal = [corrupt("Acme Agrees to Buy Beta", "Acme agreed to buy Beta.", Corruption.status, random.Random(k)) for k in range(6)]
    assert {c.headline for c in deal if c} == {"Acme Buys Beta", "Acme Completes Purchase Of Beta"}


def test_roles_swap_around_an_asymmetric_verb() -> None:
    changed = corrupt("Acme Robotics Acquires Widgetco", STORY, Corruption.role, _rng())
    assert changed is not None and changed.headline == "Widgetco Acquires Acme Robotics"


def test_an_entity_is_swapped_for_another_its_own_story_names_twice() -> None:
    story = (
        "AUSTIN, Texas -- Skiptown announced franchising today. Skiptown was founded by Jane Okafor in Charlotte. "
        "Jane Okafor said Charlotte is home; Monday is its opening day, and Monday is busy. However, Texas waits. "
        "However, growth is steady."
    )
    changed = corrupt("Skiptown Unleashes Franchising", story, Corruption.entity, _rng())
    # every word of the copy is in the story, so the fact rules cannot tell; a weekday, a place, a sentence's first
    # word ("However") or a name written once is never drawn
    assert changed is not None and changed.headline in ("Jane Okafor Unleashes Franchising", "Charlotte Unleashes Franchising")
    assert check_grounding(changed.headline, story).grounded
    assert corrupt("Skiptown Unleashes Franchising", "Skiptown announced franchising.", Corruption.entity, _rng()) is None


def test_a_number_is_swapped_for_another_its_story_writes_in_the_same_unit() -> None:
    story = (
        "Stifel was ordered to pay $132 million to investors, on top of $20 million paid in 2019. Fees fell 15%, "
        "and 4,000 clients left; Stifel expects 2 billion dollars of inflows."
    )
    made = {corrupt("Stifel Ordered to Pay $20 Million", story, Corruption.story_number, random.Random(s)) for s in range(10)}
    # the other sum in millions, never the year, the percentage, the count or the billions
    assert {c.headline for c in made if c} == {"Stifel Ordered to Pay $132 Million"}
    percent = corrupt("Stifel Fees Fall 12 Percent", story, Corruption.story_number, _rng())
    assert percent is not None and percent.headline == "Stifel Fees Fall 15 Percent"
    year = corrupt("Stifel Settles 2023 Case", story, Corruption.story_number, _rng())
    assert year is not None and year.headline == "Stifel Settles 2019 Case"
    # every number of the copy is in the story: the number check passes what only the judge can tell
    assert check_grounding("Stifel Ordered to Pay $132 Million", story).grounded
    # a unit and a currency are read as the number check reads them: "2 billion dollars" is "$2 Billion"
    billions = corrupt("Stifel Pays $5 Billion to Investors", story, Corruption.story_number, _rng())
    assert billions is not None and billions.headline == "Stifel Pays $2 Billion to Investors"
    assert corrupt("Stifel Pays €5 Billion to Investors", story, Corruption.story_number, _rng()) is None
    assert corrupt("Stifel Pays $5 Thousand to Investors", story, Corruption.story_number, _rng()) is None
    assert corrupt("Stifel Settles With Investors", story, Corruption.story_number, _rng()) is None


def test_a_number_swap_is_another_figure_not_the_same_one_or_a_garbled_one() -> None:
    """A read-only review's probes: a copy that is still true, or no headline at all, is no negative to learn from."""

    def swaps(headline: str, story: str) -> set[str | None]:
        made = (corrupt(headline, story, Corruption.story_number, random.Random(s)) for s in range(12))
        return {c.headline if c else None for c in made}

    # the same figure, more precisely written, is no other figure
    assert swaps("Acme Raises $20 Million", "Acme raised $20.0 million; it holds $35 million.") == {"Acme Raises $35 Million"}
    assert swaps("Acme Revenue Rises 12%", "Revenue rose 12.4%; costs rose 8%.") == {"Acme Revenue Rises 8%"}
    # a day of a month, a time, a telephone number, a date, a code and an index's name are no quantities
    assert swaps("Acme to Host Call on November 5", "Call at 8:00 on 11/05/2021, dial 1-877-407-0789; 300 staff.") == {None}
    assert swaps("Acme Joins S&P 500", "Acme joined the S&P 500 with 3 others.") == {None}
    assert swaps("Acme Files Form 10-K", "Acme filed a Form 8-K and 10 reports.") == {None}
    # a one-letter unit without a currency may be a measure ("25m" drilled), a bare count counts one thing
    assert swaps("Acme Drills 25m at 3 g/t", "Acme drilled 25m; a resource of 1.2m ounces; 4 holes.") == {None}
    assert swaps("Acme Hires 50 Staff", "Acme hired 35 staff and has 3 offices.") == {"Acme Hires 35 Staff"}
    # a currency written after the sum is its currency
    euros = "Acme raised 20 million euros, sold 35 million shares and expects 50 million euros more."
    assert swaps("Acme Raises 20 Million Euros", euros) == {"Acme Raises 50 Million Euros"}


def test_judge_pairs_are_true_and_corrupted_copies() -> None:
    records = [
        LabelledText(id=f"s{i}", text=STORY, summary=h)
        for i, h in enumerate(
            ["Acme Robotics to Report Fourth Quarter Results", "Acme Revenue Rises 12%", "Acme Acquires Widgetco"]
        )
    ]
    pairs, made = judge_examples(records, seed=1)
    assert made["true"] == 3 and sum(made.values()) == len(pairs)
    assert {p.label for p in pairs} == {SUPPORTED, UNSUPPORTED}
    for p in pairs:
        assert p.headline and p.item().headline == p.headline and p.item().body == STORY
        if p.label == SUPPORTED:
            assert p.id.endswith("#true") and p.headline in {r.summary for r in records}
