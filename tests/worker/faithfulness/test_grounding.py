"""The grounding check, the loop detector and the extractive fallback, on press-release snippets written for these tests."""

from __future__ import annotations

import time

import pytest

from worker.faithfulness.grounding import Grounding, check_grounding, extractive_headline, is_looping, tidy_headline

ACME_Q1 = (
    "BOSTON, April 28, 2021 /PRNewswire/ -- Acme Robotics, Inc. (NASDAQ: ACME), a maker of warehouse robots, "
    "today reported first quarter revenue of $1,263 million, up 9.3% from a year earlier. Net income rose to "
    "$84.5 million. The company shipped 12,400 robots and now serves more than 90,000 users in 14 countries. "
    "Chief Executive Officer Dana Whitfield said demand for its 5G-connected picker stayed strong. Acme raised "
    "its full-year 2021 outlook and declared a dividend of $0.25 per share, payable on June 15, 2021."
)

HARBOR_BANK = (
    "CHARLESTON, S.C.--(BUSINESS WIRE)--Harbor Federal Bancorp (NYSE: HFB) announced today that its board "
    "approved a share repurchase program of up to 100k shares and three new directors. Harbor's total assets "
    "reached USD 4.2 billion at quarter end, and its efficiency ratio improved by 25 basis points to 58 percent."
)


def _unsupported(headline: str, story: str) -> list[str]:
    return check_grounding(headline, story).unsupported


@pytest.mark.parametrize(
    "headline",
    [
        "Acme Robotics Reports $1.263 Billion First Quarter Revenue",  # 1,263 million = 1.263bn
        "Acme Robotics Q1 Revenue Rises 9.3% to $1,263M",
        "Acme Robotics Posts 1Q Revenue of USD 1.263bn, Up 9.3 Percent",
        "Acme Robotics Reports Strong First-Quarter Results, Raises Full-Year 2021 Outlook",
        "Acme (NASDAQ:ACME) Ships 12,400 Robots, Serves 90,000+ Users",
        "Acme Robotics Declares $0.25 Dividend Payable June 15",
        "Acme Robotics Net Income Rises to $84.5M",
        "$ACME: Acme Robotics Says Demand for 5G Picker Stayed Strong",
        "Acme Robotics (ACME) Reports First Quarter Revenue",
    ],
)
def test_headlines_whose_facts_the_story_states_are_grounded(headline: str) -> None:
    assert check_grounding(headline, ACME_Q1) == Grounding(grounded=True, unsupported=[])


@pytest.mark.parametrize(
    ("headline", "unsupported"),
    [
        # The demo adapter's invented year and user count.
        ("Acme Robotics Reports Strong First Quarter 2016 Results", ["2016"]),
        ("Acme Robotics Launches 100,000-User Platform", ["100,000"]),
        # An added fact: a place the story never names.
        ("Acme Robotics, a New York-based Company, Reports Q1 Revenue", ["York"]),
        ("Acme Robotics Reports Second Quarter Revenue", ["Second Quarter"]),
        ("Acme Robotics Revenue Up 12%", ["12%"]),
        ("Acme Robotics Revenue Up 9.3 Million", ["9.3 Million"]),  # a percentage is not an amount
        ("Acme Robotics (NYSE: ACME) Reports Revenue", ["NYSE: ACME"]),  # listed on Nasdaq, not NYSE
        ("Acme Robotics (NASDAQ: ACMR) Reports Revenue", ["NASDAQ: ACMR"]),
        ("Acme Robotics Names Jordan Pike Chief Financial Officer", ["Jordan Pike", "Chief Financial Officer"]),
        ("Acme Robotics Wins Airbus A320 Order", ["Airbus A320"]),  # adjacent words: one name
        ("Acme Robotics Pays Dividend on July 15", ["July 15"]),  # a date is one fact
        ("Acme Robotics Pays Dividend on June 14", ["June 14"]),
        ("Acme Robotics to Acquire Brightline Robotics for $1.4 Billion", ["Brightline", "$1.4 Billion"]),
    ],
)
def test_facts_the_story_lacks_are_listed_as_the_headline_writes_them(headline: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, ACME_Q1) == Grounding(grounded=False, unsupported=unsupported)


_LISTED = (
    "Foremost Clean Energy (NASDAQ: FMST) (CSE: FAT) began a radon survey at Wolverine, a project with Denison Mines "
    "(TSX: DML, NYSE American: DNN). Nicola Mining (TSX.V: NIM) (OTCQB: HUSIF) ships ore to its mill. Shopify Inc. "
    "(NYSE, TSX: SHOP) buys its drills. Acme (NYSE American: ACM) said it will transfer its listing to the Nasdaq "
    "Capital Market on May 2."
)


@pytest.mark.parametrize(
    ("headline", "grounded"),
    [
        # a symbol's market is the one the story lists it on, though the exchange stands beside another symbol
        ("Foremost Clean Energy (NYSE: FMST) Begins Radon Survey", False),
        ("Foremost Clean Energy (NASDAQ: FMST) Begins Radon Survey", True),
        ("Foremost Clean Energy (Nasdaq: FMST) (CSE: FAT) Begins Radon Survey", True),
        # a market named short or in another form is the same market
        ("Denison Mines (NYSE: DNN) Partners on Wolverine", True),
        ("Nicola Mining (TSX.V: NIM) (OTCQB: HUSIF) Ships Ore", True),
        ("Nicola Mining (NYSE: NIM) Ships Ore", False),
        # ... or lists it on in prose or beside another market in one bracket
        ("Shopify (NYSE: SHOP) Reports Revenue", True),
        ("Acme (NASDAQ: ACM) Completes Transfer", True),
    ],
)
def test_a_symbol_is_listed_on_the_market_the_story_lists_it_on(headline: str, grounded: bool) -> None:
    assert check_grounding(headline, _LISTED).grounded is grounded


@pytest.mark.parametrize(
    ("headline", "story"),
    [
        ("Firm Raises $1.2 Billion", "The firm raised 1.2bn in new capital."),
        ("Firm Raises $1.2 Billion", "The firm raised USD 1.2 billion in new capital."),
        ("Firm Raises $1.2 Billion", "The firm raised $1,200 million in new capital."),
        ("Firm Raises 1.2bn", "The firm raised $1.2 billion in new capital."),
        ("Sales Rise 25%", "Sales rose 25 percent."),
        ("Sales Rise 25 Percent", "Sales rose 25%."),
        ("Sales Rise 25 Per Cent", "Sales rose 25 pct."),
        ("Firm Passes 100,000 Customers", "The firm now has 100000 customers."),
        ("Firm Passes 100k Customers", "The firm now has 100,000 customers."),
        ("Firm Passes 100,000 Customers", "The firm now has 100K customers."),
        ("Revenue Tops $1.3 Billion", "Revenue was $1,263 million."),  # rounded to the headline's precision
        ("Margin Up 9%", "The margin rose 9.3%."),
        ("Acme Settles $101K Debt", "Acme will settle $101,854.10 of debt."),  # cut, not rounded
        ("Token Surges 123%", "The token rose 123.8% this week."),
        ("Rate Cut by 50 bps", "The bank cut its rate by 50 basis points."),
        ("Q4 Profit Doubles", "Fourth-quarter profit doubled."),
        ("H1 Sales Rise", "First-half sales rose."),
        ("FY21 Outlook Raised", "It raised its fiscal 2021 outlook."),
        ("Three New Directors Join Board", "The board added 3 directors."),
        ("Board Adds 3 Directors", "The board added three directors."),
        ("Acme Chief Retires After 25 Years", "She retires after twenty-five years at Acme."),
        ("Acme Reaches 1 Million Users", "Acme now has a million users."),
        ("Acme Offers Over 10 Million USDT in Rewards", "Acme rewards total over ten million USDT."),
        ("Acme Marks Its 25th Year", "Acme marks its twenty-fifth year."),
        ("Fund Celebrates 40th Anniversary", "The fund marks 40 years since its launch."),
        ("Meeting Set for July 14, 2020", "The meeting will be held on July14, 2020."),  # digits glued to a word
        ("Orion Energy Expands", "ORION ENERGY expanded its fleet."),  # names compare case-insensitively
        ("Acme to Announce Q3 2025 Results", "Acme will release results for the quarter ended Sept. 30, 2025."),
        ("H1 Sales Rise", "Sales for the six months ended June 30 rose."),
        ("Acme Reports Strong Q2/25 Results", "Acme reported strong second quarter 2025 results."),
        ("Acme Signs 12 New Customers", "During Q3 12 new customers signed with Acme."),  # a count, not a year
        ("Swedish Police Seize Crypto", "Police in Sweden seized crypto."),  # a place in its other forms
        ("European Banks Rally", "Banks in Europe rallied."),
        ("Made in the UK", "It is made in the United Kingdom."),
        ("Kenyan Lender Expands", "The lender from Kenya expanded."),
        ("Solar Plant Opens in Macon County, GA", "The solar plant opened in Macon County, Georgia."),
    ],
)
def test_numbers_and_names_are_normalised_before_they_are_compared(headline: str, story: str) -> None:
    assert check_grounding(headline, story).grounded, check_grounding(headline, story)


@pytest.mark.parametrize(
    ("headline", "story", "unsupported"),
    [
        ("Revenue Tops $1 Billion", "Revenue was $1.4 billion.", ["$1 Billion"]),  # rounding that far misleads
        ("Firm Passes 100,000 Customers", "The firm now has 95,000 customers.", ["100,000"]),
        ("Acme Settles $100K Debt", "Acme will settle $101,854.10 of debt.", ["$100K"]),  # cut by more than a unit
        ("Acme Chief Retires After 26 Years", "She retires after twenty-five years at Acme.", ["26"]),
        ("Acme Reaches 2 Million Users", "Acme now has a million users.", ["2 Million"]),
        ("Acme Signs $10 Million Deal", "Acme signed a ten million euro deal.", ["$10 Million"]),
        ("Acme Chief Retires After Twenty-Six Years", "She retires after 25 years at Acme.", ["Twenty-Six"]),
        ("Token Surges 122%", "The token rose 123.8% this week.", ["122%"]),
        ("Sales Rise 25%", "The firm hired 25 engineers.", ["25%"]),
        ("Firm Raises $1.2 Million", "The firm raised $1.2 billion.", ["$1.2 Million"]),
        ("Acme to Announce Q2 2025 Results", "Acme will release results for the quarter ended Sept. 30, 2025.", ["Q2"]),
        (
            "Acme Reports Strong Q2/24 Results",
            "Acme reported strong second quarter 2025 results.",
            ["Q2/24"],
        ),  # the period and its year, one fact
        ("Norwegian Police Seize Crypto", "Police in Sweden seized crypto.", ["Norwegian"]),
        ("Solar Plant Opens in Macon County, TX", "The solar plant opened in Macon County, Georgia.", ["TX"]),
        ("American Firm Opens Plant", "The firm, based in the U.S., opened a plant.", ["American"]),
        (
            "Acme Names Mark English CFO",
            "Acme named Mark Jones, formerly of a UK bank, its CFO.",
            ["English"],
        ),  # a surname, no place
        ("Plant Opens in Columbia, SC", "A plant opened in Charlotte, North Carolina.", ["Columbia", "SC"]),
        ("Acme Reports Fiscal Q2 2023 Results", "Acme reported its fiscal fourth quarter ended June 30, 2023.", ["Q2"]),
    ],
)
def test_rounding_and_units_never_stretch_a_number(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story) == Grounding(grounded=False, unsupported=unsupported)


def test_title_case_words_are_not_taken_for_names() -> None:
    # None of these capitalised words is in the story, and none names anything. (A record is a claim of its own,
    # superlatives.py: the story says its ratio is its best.)
    headline = "Harbor Federal Bancorp Announces Buyback, Unveils Board Changes Amid Record Efficiency Gains"
    story = HARBOR_BANK + " The ratio is the bank's best since its founding."
    assert check_grounding(headline, story) == Grounding(grounded=True, unsupported=[])


def test_a_bank_headline_with_its_numbers() -> None:
    ok = "Harbor Federal Bancorp (NYSE: HFB) Approves 100,000-Share Buyback, Adds Three Directors"
    assert check_grounding(ok, HARBOR_BANK).grounded
    assert _unsupported("Harbor Federal Assets Reach $4.5 Billion", HARBOR_BANK) == ["$4.5 Billion"]
    assert _unsupported("Harbor Federal Efficiency Ratio Improves 30 bps", HARBOR_BANK) == ["30 bps"]
    assert _unsupported("Harbor Federal Efficiency Ratio Improves to 58%", HARBOR_BANK) == []


def test_an_empty_headline_states_nothing() -> None:
    assert check_grounding("", ACME_Q1) == Grounding(grounded=True, unsupported=[])


@pytest.mark.parametrize(
    "text",
    [
        "Acme Raises Guidance to $584 Million to $584 Million to $584 Million",  # the demo adapter's loop
        "Acme Acme Acme Reports",
        "Acme reports record sales as Acme reports record sales",  # four words twice
        "Shares Rise, Rise, Rise",
    ],
)
def test_looping_text_is_detected(text: str) -> None:
    assert is_looping(text)


@pytest.mark.parametrize(
    "text",
    [
        "Acme Robotics Reports Q4 2020 and Full Year 2020 Results",
        "Acme Robotics Raises $1,000,000 for Robots That Build Robots",
        "Very Very Good Quarter for Acme",
        "",
    ],
)
def test_ordinary_headlines_do_not_loop(text: str) -> None:
    assert not is_looping(text)


def test_the_extractive_headline_is_the_lead_without_dateline_or_asides() -> None:
    headline = extractive_headline(ACME_Q1)
    assert headline == "Acme Robotics, Inc. reported first quarter revenue of $1,263 million, up 9.3% from a year earlier."
    assert extractive_headline(HARBOR_BANK, max_words=12) == (
        "Harbor Federal Bancorp announced its board approved a share repurchase program"  # not "... program of"
    )


def test_the_extractive_headline_prefers_a_title_line_and_never_ends_on_a_dangling_word() -> None:
    story = "Acme Robotics Opens Plant in Ohio\nACME, Ohio -- Acme Robotics opened a plant on Monday."
    assert extractive_headline(story) == "Acme Robotics Opens Plant in Ohio"
    assert (
        extractive_headline("Acme said sales rose in the quarter and the year", max_words=8)
        == "Acme said sales rose in the quarter"
    )
    assert extractive_headline("") == ""


@pytest.mark.parametrize(
    "story",
    [
        ACME_Q1,
        HARBOR_BANK,
        "Orion Energy Corp. (TSX-V: ORN) said output rose 4% in 2020.",
        "The Gala Night Fundraiser is set for Sept. 17 at the rooftop bar CÉ LA VI in Singapore.",
    ],
)
@pytest.mark.parametrize("max_words", [5, 12, 20])
def test_the_extractive_headline_is_grounded_and_does_not_loop(story: str, max_words: int) -> None:
    headline = extractive_headline(story, max_words=max_words)
    assert headline and len(headline.split()) <= max_words
    assert check_grounding(headline, story).grounded, (headline, check_grounding(headline, story))
    assert not is_looping(headline)


@pytest.mark.parametrize(
    "story",
    [
        'Acme Mining Corp. (the "Company") Awarded Drilling Contract\nAcme Mining hired 40 local workers. It runs two years.',
        "Acme plans to (subject to regulatory approval) acquire Beta Corp for $5 million in cash, the company said on Monday.",
        "Acme Corp. will (for the first time) open a plant in Ohio, creating 200 jobs over the next two years, it said.",
    ],
)
def test_the_lead_passes_though_its_asides_are_dropped(story: str) -> None:
    assert check_grounding(tidy_headline(extractive_headline(story), story), story).grounded


def test_a_dateline_alone_is_not_taken_for_a_title() -> None:
    story = "NEW YORK--(BUSINESS WIRE)--\nOrion Energy Corp. said output rose 4% in 2020. It drilled two wells."
    assert extractive_headline(story) == "Orion Energy Corp. said output rose 4% in 2020."


@pytest.mark.parametrize(
    "dateline",
    [
        "MINNEAPOLIS, MN, August 01, 2024 /24-7PressRelease/ -- ",
        "By Jane Roe DETROIT, MICHIGAN - October 14, 2025 (NEWMEDIAWIRE) - ",
        "RADNOR, PA - (NewMediaWire) - December 27, 2024 - ",
        "CHICAGO, September 9, 2025 (Newswire.com) \u2013 ",
        "LAS VEGAS, April 28, 2026 \u2013 PRISM MediaWire (Press Release Service \u2013 Distribution) \u2013 ",
        "Austin, Texas (Newsworthy.ai) Wednesday Aug 20, 2025 @ 7:00 AM Central \u2014 ",
        "Kingsport, Tennessee \u2013 December 17, 2024 \u2013 ",
        "ST. LOUIS, MO / PR Karma / January 15, 2025 10:50 ",
        "Dallas, TX \u2013 [November 7, 2024] \u2013 ",
        "LONDON, 17 December 2024 \u2013 ",
        "HONG KONG, Dec. 17th, 2024 - (ACN Newswire) - ",
        "Kingsport, Tennessee \u2013 December 17, 2024 10:00 a.m. ET \u2013 ",
        "MIAMI, FL, May 5, 2024 (EZ Newswire) -- ",
        "\u0141\u00f3d\u017a, Poland, May 5, 2024 \u2013 ",
    ],
)
def test_the_lead_leaves_out_any_wires_dateline(dateline: str) -> None:
    story = dateline + "Vantora Robotics, Inc., (OTC: VNTR), opened a plant in Ohio. It hired 40 workers."
    assert extractive_headline(story) == "Vantora Robotics, Inc., opened a plant in Ohio."


def test_a_wire_in_a_lead_is_no_dateline() -> None:
    # A date the sentence goes on from, or one inside it, or a title's, is the story's own.
    for story in (
        "On March 26, 2024, Acme released its annual results.",
        "Acme said on May 5, 2024 - a Monday - it grew.",
        "Between March 1, 2024 - June 30, 2024, Acme sold 40 homes.",
        "Black Friday, November 29, 2024 \u2013 the busiest shopping day \u2013 drew crowds.",
    ):
        assert extractive_headline(story) == story
    for title in ("Acme To Host Investor Day On May 5, 2025 - Register Now", "Jane Roe, CEO Of Acme, On March 3, 2025: We Grow"):
        assert extractive_headline(title + "\nAcme will host its investor day. It grew.") == title
    assert extractive_headline("The Copper Wire (Acme Wire) - ships today.") == "The Copper Wire - ships today."
    assert extractive_headline("Acme (Copperwire) - ships today.") == "Acme - ships today."


@pytest.mark.parametrize("opening", ["--News Direct-- ", "NEW YORK, NY --News Direct-- "])
def test_the_lead_is_not_a_scraped_images_caption_nor_a_wires_marker(opening: str) -> None:
    story = opening + "![Source: Freepik] Gold's rise puzzled observers this year. Prices hit a record in May."
    assert extractive_headline(story) == "Gold's rise puzzled observers this year."


@pytest.mark.parametrize(
    ("headline", "story", "grounded"),
    [
        ("T.I.C.T. - Ann Lee Named Chief Revenue Officer at Tricentis", "Tricentis named Ann Lee its CRO.", False),
        ("J.P. Morgan Hires Ann Lee", "J. P. Morgan hired Ann Lee.", True),
        ("J.P. Morgan Hires Ann Lee", "JP Morgan hired Ann Lee.", True),
        ("J.P. Hires Ann Lee", "Jpeg maker hired Ann Lee.", False),
        ("E.U. Fines Acme", "The EU fined Acme.", True),
        ("Acme Joins U.N. Global Compact", "Acme joined the United Nations Global Compact.", True),
        ("J.R. Smith Joins Acme", "John R. Smith joined Acme.", True),
        ("I.B.M. Hires Ann Lee", "International Business Machines hired Ann Lee.", True),
        ("Ann Lee, M.D., Joins Acme", "Ann Lee, MD, joined Acme.", True),
        ("Acme Opens at 9 a.m.", "Acme opens at 9.", True),  # lower-case initials name no one
    ],
)
def test_initials_with_their_stops_are_a_name_the_story_must_have(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


@pytest.mark.parametrize(
    ("headline", "grounded"),
    [
        ("Acme Named to 2024 Inc. 5000 List", True),
        ("Acme Named to 2023 Inc. 5000 List", False),  # 2023 is in the story, but not as the list's year
        ("Acme Wins 2023 Growth Award", True),  # the story never dates the award: nothing against it
        ("Acme Opens 2024-25 Season", True),
        ("Acme Opens 2024-2025 Season", True),
        ("Acme Opens 2025/2025 Season", False),
        ("Acme Opens 2025-25 Season", False),
        ("Acme Opens 2025 Season", True),  # one of the range's years
        ("Acme Grew Fastest in 2023 As Sales Rose", True),  # no name after the year
        ("Acme Announces First Quarter 2023 Results", True),  # a period's year: the period rules read it
        ("Acme Wins 2025 Growth Prize", True),  # dated after the name: "the Growth Prize for 2025"
        ("Acme Wins 2024 Growth Prize", False),
    ],
)
def test_a_year_before_a_name_is_the_one_the_story_gives_it(headline: str, grounded: bool) -> None:
    story = (
        "Acme made the 2024 Inc. 5000 list after growth from 2021 to 2023. It won a growth award. "
        "Its 2024/25 season opens in May, and sales rose in 2025. First quarter 2023 output rose against 2022 "
        "Results from new wells. It won the Growth Prize for 2025, after the 2023 Growth Prize."
    )
    assert check_grounding(headline, story).grounded is grounded, check_grounding(headline, story)


def test_a_name_is_not_supported_by_a_word_that_merely_begins_with_it() -> None:
    story = "The company's artificial intelligence chips and broadcast business grew."
    assert check_grounding("Intel Chips Grow", story).unsupported == ["Intel"]
    assert check_grounding("Broadcom Business Grows", story).unsupported == ["Broadcom"]
    # Characters that print nothing, inside a word of the headline or the story, change no word; full-width digits
    # are digits.
    story = "Acme Robotics reported revenue of $1.2 billion, up 12%."
    assert check_grounding("Ac\u200bme Robo\u00adtics Revenue Up 12%", story).grounded
    assert check_grounding("Acme Robotics Revenue Up \uff11\uff12%", story).grounded
    assert check_grounding("Acme Robotics Revenue Up 12%", "Ac\u00adme Robotics\ufeff reported revenue up 12%.").grounded
    # What is unsupported is quoted as written, so that a retry bans what the model wrote.
    assert check_grounding("Glo\u200bbex Revenue Up 12%", story).unsupported == ["Glo\u200bbex"]
    assert check_grounding("Acme Robotics Revenue Up \uff11\uff13%", story).unsupported == ["\uff11\uff13%"]
    # A headline all in lower case tells names from words by the dictionary alone, not by its capitals.
    story = "Acme Robotics reported revenue of $1.2 billion."
    assert check_grounding("globex revenue rises to $1.2 billion", story).unsupported == ["globex"]
    assert check_grounding("acme robotics revenue rises to $1.2 billion", story).grounded
    # so too where only its acronyms are capitals; a handle, a hashtag or a link is no name of the story's
    assert check_grounding("globex revenue rises to $1.2 billion in Q3", story).unsupported == ["globex", "Q3"]
    assert check_grounding("acme robotics revenue up to $1.2 billion via @acmebots #robots https://acme.com", story).grounded
    # A word in mixed case shows a cased headline, whose lower-case words are words ("kevin. triomphe ... iPhone").
    assert check_grounding("kevin. triomphe avec iPhone", "Kevin wins with the iPhone.").grounded
    # A people's ending makes a name only of a name: "Forian" is not the story's "for", "BEN" not its "be".
    story = "WorldShards rolls out its economy for players who want to be paid."
    assert check_grounding("Forian Rolls Out Economy", story).unsupported == ["Forian"]
    assert check_grounding("Companies Like BEN Pay Players", story).unsupported == ["BEN"]
    # A region is not named by a country in it, nor by a word spelt like its people ("Asian" is not "as" + "ian").
    assert check_grounding("Tech Giants in Asia Sign Deals", "As South Korea's groups sign deals.").unsupported == ["Asia"]
    # Inflections and possessives of a name the story has still count.
    assert check_grounding("Technavio's Report", "Technavios analysts expect growth.").grounded


@pytest.mark.parametrize(
    ("headline", "grounded"),
    [
        # words built on English words, which the story says in others, are no names
        ("Acme Is Rehiring for a Dealmaking Push", True),
        ("Acme Bets on Tokenization", True),
        # coined names that merely end like derived words are names the story must have
        ("Binance Backs Acme", False),
        ("Sunfinity Backs Acme", False),
        ("Acme Opens Office in Wyoming", False),
        # nor is a name that only ends like a plural ("Angeles" of no "angel"); true plurals are still words
        ("Acme Opens Office in Los Angeles", False),
        ("Acme Backers Bet on Tokenized Assets", True),
        # a capital letter joined to a common word is a name too ("D-Wave"), but not an electronic "E-" word
        ("D-Wave Backs Acme", False),
        ("Acme Exchange Opens E-Commerce Arm", True),
        ("Acme Doses First Patient in CAR T-Cell Trial", True),  # over "engineered T cells"
        ("Acme Backers Eye Privatization and Carsharing", True),
    ],
)
def test_a_name_of_common_looking_parts_is_a_name_the_story_must_have(headline: str, grounded: bool) -> None:
    story = (
        "Acme, a crypto exchange, is hiring again while deal activity slows; it bets on tokenized assets and backers. "
        "Its engineered T cells and car-sharing app may be sold to private investors."
    )
    assert check_grounding(headline, story).grounded is grounded, check_grounding(headline, story)


def test_a_common_word_in_a_subjects_place_is_a_name_the_story_must_have() -> None:
    story = "Walmart reported third quarter results. Jane Roe, an independent agent, spoke."
    assert check_grounding("Target Reports Q3 Results", story).unsupported == ["Target"]
    assert check_grounding("Walmart Reports Q3 Results", story).grounded
    # A descriptor before or after a name the story has names no one else.
    assert check_grounding("Independent Agent Jane Roe Speaks", story).grounded
    assert check_grounding("Walmart Investigation Reports Q3 Results", story).grounded
    # A subject the story has in its own words is no invented name; nor is a word beside the subject.
    assert check_grounding("Quarter Results Reported", story).grounded
    assert check_grounding("Solar Plant Opens", "The solar plant opened in May.").grounded
    assert check_grounding("Walmart Reports Ocean Results", story).grounded
    # Verbs a headline's subject stands before beyond the usual actions ("Ranks", "Brings", "Experiences").
    for verb in ("Brings Q3 Results", "Becomes a Retail Leader", "Continues Strong Q3"):
        assert check_grounding(f"Tradition {verb}", story).unsupported == ["Tradition"], verb
        assert check_grounding(f"Walmart {verb}", story).grounded, verb
    # A kind of company or a market is no name.
    for headline, told in (
        ("Tech Giant Unveils AI Chip", "Google unveiled an AI chip on Tuesday."),
        ("Wall Street Closes Higher as Tech Rallies", "Stocks ended higher as technology shares rallied."),
        ("Dollar Hits 20-Year High Against Yen", "The greenback hit a 20-year high against the yen."),
        ("Oil Prices Rise", "Crude rose 2% on Monday."),
    ):
        assert check_grounding(headline, told).grounded, headline


def test_a_common_word_swapped_into_a_name_of_the_story_is_unsupported() -> None:
    story = (
        "Stonegate Capital Partners updated its coverage of Fold Holdings. The bridal event runs at Huntington "
        "Fine Jewelers, beside the Hong Kong International Outdoor and Tech Light Expo. Safe Pro Group Inc. "
        "named Maria Lopez Chief Financial Officer."
    )
    for headline, swapped in (
        ("Lifesavers Capital Partners Updates Coverage on Fold Holdings", "Lifesavers"),
        ("Spring Bridal Event at Ventures Fine Jewelers", "Ventures"),
        ("Outdoor and Harmony Light Expo Opens", "Harmony"),
        ("Safe Harbor Group Names Maria Lopez CFO", "Harbor"),
    ):
        assert swapped in check_grounding(headline, story).unsupported, headline
    # The names as the story writes them, and words that describe a name or act on it, are not swaps.
    for headline in (
        "Stonegate Capital Partners Updates Coverage on Fold Holdings",
        "Spring Bridal Event at Huntington Fine Jewelers",
        "Safe Pro Group Hires a Visionary Chief Financial Officer",
        "Introduces Fine Jewelers Line at Bridal Event",
        "Stonegate Aims to Expand Capital Partners Network",
        "Stonegate Boss Maria Lopez Joins Safe Pro Group",
    ):
        assert check_grounding(headline, story).grounded, headline


def test_a_dictionary_word_in_capitals_is_an_acronym_the_story_must_have() -> None:
    story = "Wearable Devices Ltd. announced a $2.4 million warrant inducement at 9:30 a.m. ET on Monday."
    assert check_grounding("MAO Devices Announces $2.4 Million Warrant Inducement", story).unsupported == ["MAO"]
    # The headline's own words in capitals, and acronyms of the trade, are no names.
    assert check_grounding("Wearable Devices Announces $2.4 Million Warrant Inducement at 9:30 EST", story).grounded
    assert check_grounding("WEARABLE DEVICES ANNOUNCES $2.4 MILLION WARRANT INDUCEMENT", story).grounded


def test_results_are_those_of_the_period_the_story_reports() -> None:
    story = (
        "HOUSTON, May 11, 2020 -- Acme Petroleum today reported results of operations for the three months ended "
        "March31, 2020. A new pipeline will add 10,000 barrels a day during the third quarter."
    )
    assert check_grounding("Acme Reports Results for the Third Quarter of 2020", story).unsupported == ["Third Quarter"]
    assert check_grounding("Acme Reports Results for the First Quarter of 2020", story).grounded
    # Without results in the headline, any period the story speaks of will do.
    assert check_grounding("Acme Pipeline to Add 10,000 Barrels a Day in Third Quarter", story).grounded


def test_results_are_those_of_the_year_the_story_reports() -> None:
    story = (
        "BOSTON, March 2, 2021 -- Acme Corp. today reported financial results for the fourth quarter and year ended "
        "December 31, 2020. In February 2021, Acme signed a supply deal with Beta."
    )
    assert check_grounding("Acme Reports Financial Results for 2021", story).unsupported == ["2021"]
    assert check_grounding("Acme Reports Full Year 2021 Results", story).unsupported == ["2021"]
    assert check_grounding("Acme Reports Financial Results for 2020", story).grounded
    # a year beside the results that is not theirs, and a quarter's year, are read by other rules
    assert check_grounding("Acme Reports Full Year 2020 Results and 2021 Outlook", story).grounded
    filed = "Acme has filed its annual report on Form 20-F for the year ended December31, 2020, with the SEC on March 8, 2021."
    assert check_grounding("Acme Files Annual Report for 2021", filed).unsupported == ["2021"]
    assert check_grounding("Acme Files 2020 Annual Report", filed).grounded


def test_a_year_of_accounts_is_one_the_story_gives_its_accounts() -> None:
    # A release that says when it will report: the results rules read none of it, and 2026 is its dateline.
    story = (
        "POMPANO BEACH, Fla., March 11, 2026 -- Acme Technologies today announced it will release its fourth quarter "
        "and full year 2025 financial results on Tuesday, March 24, 2026, and will host a conference call."
    )
    for headline, unsupported in [
        ("Acme to Report Full Year 2026 Results", ["2026"]),
        ("Acme to Report FY2026 Results", ["2026"]),
        ("Acme to Report 2026 Full-Year Results", ["2026"]),
        # the quarter and its year as one: the quarter's year is read after "and full year" too
        ("Acme to Host Fourth Quarter and Full Year 2026 Financial Results Call", ["Fourth Quarter and Full Year 2026"]),
        ("Acme to Report Fourth Quarter and Full Year 2025 Financial Results", []),
        ("Acme to Report Full Year 2025 Results on March 24, 2026", []),
        ("Acme to Report Q4 and FY 2025 Results", []),
    ]:
        assert check_grounding(headline, story).unsupported == unsupported, headline
    # A year ended in March may be named for either year it spans; one ended in December only for its own.
    march = "Acme Japan reported results for the fiscal year ended March 31, 2026. Founded in 2024, it grew in 2025."
    assert check_grounding("Acme Japan Reports Fiscal 2025 Results", march).grounded
    assert check_grounding("Acme Japan Reports Fiscal 2026 Results", march).grounded
    assert check_grounding("Acme Japan Reports Fiscal 2024 Results", march).unsupported == ["2024"]
    london = "Acme plc reported results for the year ended 31 December 2025. It was founded in 2024; it is 2026."
    assert check_grounding("Acme plc Reports Full Year 2025 Results", london).grounded
    assert check_grounding("Acme plc Reports Full Year 2026 Results", london).unsupported == ["2026"]
    assert check_grounding("Acme plc Reports Full Year 2024 Results", london).unsupported == ["2024"]
    # Only a year of accounts is read: not a plan's, a season's or a quarter's (the period rules read that).
    guidance = "BOSTON, Feb. 20, 2026 -- Acme reported results for the full year 2025. For 2026, it expects growth."
    assert check_grounding("Acme Reports Full Year 2025 Results, Issues Full Year 2026 Guidance", guidance).grounded
    assert check_grounding("Acme Launches Year-End 2026 Sale", guidance + " Its year-end sale opens.").grounded
    outlook = "Acme reported fourth quarter 2025 revenue of $30 million and issued a full-year 2026 outlook."
    assert check_grounding("Acme Shares Jump on Q4 and Full-Year 2026 Outlook", outlook).grounded
    assert check_grounding("Acme Reports Results for Fiscal Year 2026", guidance).unsupported == ["2026"]
    assert check_grounding("Acme Posts Full Year 2026 Revenue of $9", guidance + " Revenue was $9.").unsupported == ["2026"]
    assert check_grounding("Acme Sees Full Year 2026 Revenue Guidance of $9", guidance + " It sees $9 of revenue.").grounded
    # a range however dashed, a short year after a quote, a hyphenated fiscal year
    assert check_grounding("Acme Reports FY2026 Results", "BOSTON, 2026 -- Acme reported results for FY2025–26.").grounded
    assert check_grounding("Acme Reports FY26 Earnings", "Acme reported its FY '26 earnings. FY25 sales were $9.").grounded
    assert check_grounding("Acme Reports Fiscal 2026 Results", "In 2026 Acme reported fiscal-year 2026 results.").grounded
    # A story that names no year of accounts says nothing against one; a quarter's year is the period rules'.
    assert check_grounding("Acme Sets Fiscal 2026 Targets", "Acme set targets in 2026 for sales and 2025 for costs.").grounded
    told = "Acme reported third quarter FY25 sales. Profitability is expected in FY26."
    assert check_grounding("Acme Updates Coverage Q3 FY25", told).grounded


def test_a_web_address_states_its_slugs_numbers_not_its_hashes() -> None:
    links = "Acme hosts its gala. https://x.com/acme-raises-24-million/f75f33c2cc3b5d003fb37e58 ![](https://x.com/8zo9Lf3j.png)"
    assert check_grounding("Acme Raises $24 Million", links).grounded  # a slug copies its title's figures
    assert check_grounding("Acme Raises $24 Million", "Acme raised money. https://x.com/acme-raises-24million-a").grounded
    assert check_grounding("Acme Hosts 37 Galas", links).unsupported == ["37"]
    assert check_grounding("Acme Hosts 3 Galas", links).unsupported == ["3"]


def test_an_ordinal_is_a_count_the_story_gives_as_one() -> None:
    story = "On Oct. 18, Acme hosts its 17th annual gala, its third in Miami."
    assert check_grounding("Acme Hosts 18th Annual Gala", story).unsupported == ["18th"]  # 18 is the day
    assert check_grounding("Acme Hosts 17th Annual Gala", story).grounded
    assert check_grounding("Acme Hosts 3rd Gala in Miami", story).grounded  # in words
    assert check_grounding("Acme Hosts 17 th Annual Gala", story).grounded  # a superscript the scrape split
    assert check_grounding("Acme Celebrates 21st Year", "Acme turns 21 in its twenty-first year.").grounded
    assert check_grounding("Agent Ranks 43rd in Washington", "She ranks as the #43 agent in Washington.").grounded
    assert check_grounding("Acme Marks 11th Anniversary", "Acme celebrates 11 years of service.").grounded
    assert not check_grounding("Acme Marks 11th Launch", "Acme celebrates 11 years of service.").grounded
    # a day of a month is the date rules', in the headline (its month left out too) and in the story
    assert check_grounding("Acme to Present on April 26th", "Acme will present on April 26 in Boston.").grounded
    assert check_grounding("Acme Will Pay Dividend on the 26th", "Acme will pay its dividend on April 26.").grounded
    assert not check_grounding("Acme Hosts 18th Annual Gala", "Acme hosts its 17th annual gala on the 18th of May.").grounded
    # more ways a story writes the ordinal
    assert check_grounding("Acme Opens 1000th Store", "Acme opened its 1,000th store.").grounded
    assert check_grounding("Acme Hosts 18th Annual Gala", "Acme hosts its 18<sup>th</sup> annual gala.").grounded
    assert check_grounding("Acme Celebrates 10th Anniversary", "Acme is celebrating ten years of service.").grounded
    assert check_grounding("Acme Ranked 1st in Survey", "Acme was ranked number one in the survey.").grounded


def test_an_ordinal_in_words_is_held_only_against_another_the_story_gives_that_thing() -> None:
    story = "Acme released its third studio album in May, after a tour that took it into second place on the charts."
    assert check_grounding("Acme Releases Fourth Studio Album", story).unsupported == ["Fourth"]
    assert check_grounding("Acme Releases Third Studio Album", story).grounded
    assert check_grounding("Acme Takes Second Spot on the Charts", story).grounded  # "second" told in other words


def test_a_bound_is_supported_by_a_value_just_on_its_side() -> None:
    assert check_grounding("Acme Wins Order Worth Over $1 Million", "Acme won an order worth $1,173,800.").grounded
    assert check_grounding("Zil Payroll Feature Grows Over 1,100%", "Zil reported a 1,112% surge.").grounded
    assert check_grounding("Acme Serves Nearly 15,000 Students", "Acme served 14,800 students.").grounded
    assert check_grounding("Acme Protects 1,500+ Acres", "Acme protects 1,520 acres of forest.").grounded
    # on the wrong side, or too far from it
    assert not check_grounding("Acme Serves Nearly 15,000 Students", "Acme served 15,800 students.").grounded
    assert not check_grounding("Acme Wins Order Worth Over $1 Million", "Acme won an order worth $940,000.").grounded
    assert not check_grounding("Acme Wins Order Worth Over $1 Million", "Acme won an order worth $2.4 million.").grounded


def test_a_deals_amount_is_not_a_running_total_of_the_story() -> None:
    raised = (
        "Acme Learning closed a $20 million Series D round led by OMERS. To date, Acme has raised over $108 million "
        "in capital from Union Square Ventures and others."
    )
    assert check_grounding("Acme Learning Raises $108 Million in Series D Funding", raised).unsupported == ["$108 Million"]
    assert check_grounding("Acme Learning Raises $20 Million in Series D Funding", raised).grounded
    # a headline that gives the total as one, or is about no single deal, claims what the story says
    assert check_grounding("Acme Learning Has Raised $108 Million to Date", raised).grounded
    assert check_grounding("Acme Learning Raises $20M, Bringing Total Funding to $108M", raised).grounded
    # every way a story writes a total: after the amount, or before it with no other number between
    bringing = "Beta won a $4 million order, bringing its total contract awards this year to $31 million."
    assert check_grounding("Beta Wins $31 Million Order", bringing).unsupported == ["$31 Million"]
    assert check_grounding("Beta Wins $4 Million Order", bringing).grounded
    since = "Gamma raised $12 million in total venture funding since its inception in 2021, the company said."
    assert not check_grounding("Gamma Secures $12 Million in Venture Funding", since).grounded
    # the round's own sum, though "total" and "aggregate" are said of it, and any one mention as the deal's, pass
    of_the_round = "Delta closed its Series A with a total of $25 million. Aggregate gross proceeds were $25 million."
    assert check_grounding("Delta Raises $25 Million Series A", of_the_round).grounded
    both = "Acme has raised $50 million to date. The $50 million round was led by Sequoia."
    assert check_grounding("Acme Raises $50 Million Round", both).grounded


def test_a_ranges_first_number_takes_the_scale_of_its_second() -> None:
    story = "Sameer committed between $30 and $35 million to the coin."
    assert check_grounding("Sameer Makes $30M+ Commitment", story).grounded
    assert check_grounding("Sameer Makes $35 Million Commitment", story).grounded
    assert not check_grounding("Sameer Makes $30 Billion Commitment", story).grounded
    # a year, or a number written whole, keeps its own scale
    assert not check_grounding("Acme Surpasses 2 Billion Users", "Users grew from 500,000 in 2019 to 2 million in 2021.").grounded
    assert not check_grounding("Acme Offers $500 Billion in Grants", "Grants of $500,000 to $1 million each.").grounded


def test_an_acronym_stands_for_a_name_the_story_spells_out() -> None:
    story = (
        "Soligenix said the U.S. Food and Drug Administration backed the trial, reported by The New York Times; "
        "the U.S. Nuclear Regulatory Commission reviews a filing from Hong Kong, via CannabisNewsWire."
    )
    for acronym in ("FDA", "NYT", "USNRC", "CNW"):
        assert check_grounding(f"Soligenix Cited by {acronym}", story).grounded, acronym
    # Letters of words in lower case, of words in another clause or line, or two letters (too easily spelt) spell no
    # name.
    story = "Trainers tackle specific behavioral challenges. Intel, Broadcom, Micron and others.\nKey Highlights\nGrowth"
    for acronym in ("SBC", "IBM", "HG"):
        assert check_grounding(f"Trainers Cited by {acronym}", story).unsupported == [acronym]
    assert not check_grounding("Acme Taps EY as Auditor", "Acme picked KPMG, Emily Yates said.").grounded


def test_a_web_address_is_a_name_though_its_words_are_common() -> None:
    story = "Nova Minerals' chief executive spoke with Benzinga about debt and antimony; trading is live on smatl.com."
    assert check_grounding("Nova Minerals CEO Talks To Debt.com About Antimony", story).unsupported == ["Debt.com"]
    assert check_grounding("Nova Minerals CEO Talks To Benzinga.com About Antimony", story).grounded
    assert check_grounding("Trading Goes Live on SMATL.com", story).grounded
    assert check_grounding("Acme.com Launches New Site", "ACME Corp launched a new site.").grounded


def test_a_sum_is_checked_in_its_currency() -> None:
    assert check_grounding("Acme Raises €5 Million", "Acme raised $5 million.").unsupported == ["€5 Million"]
    # A bare "$" is any dollar; a sum with no sign may be in any currency (scrapes drop "£" and "€").
    for headline, story in (
        ("Acme Raises $5 Million", "Acme raised C$5 million."),
        ("Acme Raises US$5 Million", "Acme raised $5 million."),
        ("Acme Raises €5 Million", "Acme raised 5 million."),
        ("Acme Raises C$10 Million", "Acme raised CDN$10 million (US$7.3 million) in a bought deal."),
        ("Acme Reports $12.4 Million Net Income", "Acme net income was 12.4 million (or $0.31 per diluted share)."),
        ("Sony Posts ¥120 Billion Profit", "Sony posted a profit of JPY 120 billion."),
    ):
        assert check_grounding(headline, story).grounded, headline
    # A sum followed by its conversion into dollars is in another currency, its sign lost.
    story = "Wren today announced the closing of a 12.4 million (c. $17.0 million) financing."
    assert check_grounding("Wren Closes $12.4 Million Financing", story).unsupported == ["$12.4 Million"]
    assert check_grounding("Wren Closes $17 Million Financing", story).grounded
    assert check_grounding("Wren Closes 12.4 Million Financing", story).grounded
    assert not check_grounding("Sony Posts JPY120 Billion Profit", "Sony posted a profit of CNY 120 billion.").grounded
    # Digits without a scale are checked in their currency too, and a web address's slug, which copies the title
    # without its sign, does not lend the body's sum another currency; a slug's figure the body lacks still counts.
    assert check_grounding("Say I Do for €777 in Las Vegas", "The $777 Las Vegas Wedding Package is back.").unsupported == [
        "€777"
    ]
    assert check_grounding("Say I Do for $777 in Las Vegas", "The $777 Las Vegas Wedding Package is back.").grounded
    story = "Corintis has raised a $24M Series A. Source: https://www.citybiz.co/article/750168/corintis-raises-24m-to-target"
    assert check_grounding("Corintis Raises €24M", story).unsupported == ["€24M"]
    assert check_grounding("Corintis Raises $24M", story).grounded
    slug_only = "Comcast RISE opens its grant round. More: newsramp.com/curated-news/comcast-rise-awards-3-million-in-grants"
    assert check_grounding("Comcast RISE to Award $3 Million in Grants", slug_only).grounded
    # but not in a currency the story never writes, where it writes another: no euro in a story of dollars
    dollars = slug_only.replace("opens its grant round.", "opens its grant round of $25,000 awards.")
    assert check_grounding("Comcast RISE to Award \u20ac3 Million in Grants", dollars).unsupported == ["\u20ac3 Million"]
    assert check_grounding("Comcast RISE to Award $3 Million in Grants", dollars).grounded
    assert check_grounding("Comcast RISE to Award \u20ac3 Million in Grants", slug_only).grounded  # no currency told


def test_a_figure_without_a_currency_does_not_lend_a_sum_another_one() -> None:
    # The story writes the sum in dollars; its 2,000,000 shares are no euros.
    story = "Lexaria sold 2,000,000 shares in a registered direct offering for gross proceeds of $2.0 million."
    assert check_grounding("Lexaria Announces €2 Million Offering", story).unsupported == ["€2 Million"]
    assert check_grounding("Lexaria Announces $2 Million Offering", story).grounded
    assert check_grounding("Lexaria Sells 2 Million Shares", story).grounded
    # Where the story never names the sum's currency, a figure without one still backs it (scrapes drop signs).
    assert check_grounding("Acme Sells €2 Million in Shares", "Acme sold 2,000,000 of its shares.").grounded
    assert check_grounding("Rooms for $777", "Rooms from 777 a night; the $777 package.").grounded
    assert check_grounding("Rooms for €777", "Rooms from 777 a night; the $777 package.").unsupported == ["€777"]


def test_a_currency_written_after_the_sum_is_its_currency() -> None:
    story = "Regency arranged a private placement for gross proceeds of up to 2.5 million dollars."
    assert check_grounding("Regency Announces $2.5 Million Financing", story).grounded
    assert check_grounding("Regency Announces €2.5 Million Financing", story).unsupported == ["€2.5 Million"]
    for headline, story in (
        ("Acme Raises €50 Million", "Acme raised 50 million euros from investors."),
        ("Acme Raises €50 Million", "Acme raised 50 million EUR from investors."),
        ("Sony Books ¥3 Billion Gain", "Sony booked a gain of 3 billion yen."),
        ("Acme Raises US$2 Million", "Acme raised 2 million U.S. dollars."),
        ("Acme Raises C$2 Million", "Acme raised 2 million Canadian dollars."),
        ("Acme Ships 500 Pounds of Food", "Acme shipped 500 pounds of food."),  # pounds of weight, not sterling
        ("Acme Sponsors 2024 Euro Championship", "Acme is a sponsor of the 2024 Euro Championship."),
    ):
        assert check_grounding(headline, story).grounded, headline
    assert not check_grounding("Acme Raises $50 Million", "Acme raised 50 million euros from investors.").grounded
    assert not check_grounding("Acme Raises €2 Million", "Acme raised 2 million Canadian dollars.").grounded


def test_a_sum_with_a_plus_keeps_its_scale_and_a_rule_number_is_no_sum() -> None:
    story = "With over $5.5 billion in DeFi TVL now secured by Chainlink oracles, TRON upgraded its feeds."
    assert check_grounding("TRON Secures $5.5+ Billion in TVL", story).grounded
    assert check_grounding("TRON Secures $5.5+ Million in TVL", story).unsupported == ["$5.5+ Million"]
    story = "Arrive authorized a $10 million buyback, under Rule 10b5-1 plans and Rule 10b-18 of the Exchange Act."
    assert check_grounding("Arrive Launches $10 Million Buyback", story).grounded
    assert check_grounding("Arrive Launches $10 Billion Buyback", story).unsupported == ["$10 Billion"]


def test_the_united_states_in_a_headline_needs_the_story_to_speak_of_it() -> None:
    assert check_grounding("Acme Opens U.S. Office", "Acme opened an office in Paris.").unsupported == ["U.S."]
    for story in (
        "Acme opened an office in New York.",
        "Acme opened its first US office.",
        "Acme's American unit grew.",
        "Acme opened an office in Boston, MA.",
        "Acme opened an office in the District of Columbia.",
        "The S&P 500 rose as the Fed paused; Acme opened an office.",
    ):
        assert check_grounding("Acme Opens U.S. Office", story).grounded, story
    # In capitals "US" may be the pronoun.
    assert check_grounding("ACME INVITES INVESTORS TO JOIN US AT CES", "Acme will attend CES. Join us there.").grounded


def test_english_words_a_headline_adds_are_not_taken_for_names() -> None:
    story = "Acme said orders doubled and it will enter new markets next year."
    assert check_grounding("Acme Gains Momentum With a Blueprint for Marketplace Expansion", story).grounded
    # A word no dictionary has is a name the story must contain.
    assert check_grounding("Acme Gains Momentum in Thailand", story).unsupported == ["Thailand"]


def test_a_wire_pages_language_menu_in_a_title_states_no_fact() -> None:
    story = "Acme launches its new widget line."
    assert check_grounding("Acme Launches Widgets USA - English Deutschland - Deutsch France - Franais", story).grounded


@pytest.mark.parametrize(
    ("written", "story", "published"),
    [
        ("Black &amp; Veatch Wins Contract", "Black &amp; Veatch won a contract.", "Black & Veatch Wins Contract"),
        (
            'Surge Copper Corp. (the "Company") (TSXV: SURG) Expands',
            "Surge Copper expanded.",
            "Surge Copper Corp. (TSXV: SURG) Expands",
        ),
        ("Skywell's Milestone Milestone Marks Launch", "Skywell marks a milestone.", "Skywell's Milestone Marks Launch"),
        ("Walla Walla Bank Opens Branch", "Walla Walla Bank opened a branch.", "Walla Walla Bank Opens Branch"),
        ("Acme Q1 Q1 Results", "Acme results.", "Acme Q1 Q1 Results"),  # only words, not codes, are merged
        ("Analyst (“Buy” Cut to “Sell”) on Acme", "x", "Analyst (“Buy” Cut to “Sell”) on Acme"),  # not defined terms
        ("Walla Walla Bank Opens", "Walla\nWalla Bank opened.", "Walla Walla Bank Opens"),
        # A bracket closed as the story closes it, else dropped; a listing the cut left open dropped with it.
        ("Acme Receives FDA 510(k Clearance", "Acme received 510(k) clearance.", "Acme Receives FDA 510(k) Clearance"),
        ("Acme Receives FDA 510(k Clearance", "Acme received clearance.", "Acme Receives FDA 510k Clearance"),
        ("Acme Corp. (CSE: ACM) (FRA:", "x", "Acme Corp. (CSE: ACM)"),
        ("Acme Q1) Results [Update", "x", "Acme Q1 Results Update"),
        ("new promotion[Crack", "x", "new promotion Crack"),
        # A scrape's dashes, images, links and glued runs are no part of a headline.
        ("-- Acme Opens Plant", "x", "Acme Opens Plant"),
        ("------", "x", "------"),
        ("![](https://cdn.example.com/a.jpg) Acme Opens Plant", "x", "Acme Opens Plant"),
        ("Acme Publishes [May 2024 Reserves](https://acme.example/r?x=1)", "x", "Acme Publishes May 2024 Reserves"),
        ("Acme Rises After [Update] (Reuters)", "x", "Acme Rises After [Update] (Reuters)"),
        ("Acme Rises After [Update](Reuters)", "x", "Acme Rises After [Update](Reuters)"),
        ("Wafer Scale Engine Tops 2WSE-2AI7nmWSE-22.685AIAIGPU540WSE-225500WSE-2GPU1231 WSE", "x", "Wafer Scale Engine Tops"),
        ("Acme Rolls Out B2B2C COVID-19 Web3 Tools", "x", "Acme Rolls Out B2B2C COVID-19 Web3 Tools"),
        ("Acme Launches Product A1B2C3D4E5 Today", "x", "Acme Launches Product A1B2C3D4E5 Today"),
        ("-3.2% Drop in Q3 GDP", "x", "-3.2% Drop in Q3 GDP"),  # a sign, not a dash
        (".NET Foundation Names Chair", "x", ".NET Foundation Names Chair"),
        ("Results: 1) Revenue Up 2) Margin Down", "x", "Results: 1) Revenue Up 2) Margin Down"),
    ],
)
def test_a_written_headline_is_tidied_without_changing_what_it_says(written: str, story: str, published: str) -> None:
    assert tidy_headline(written, story) == published


@pytest.mark.parametrize(
    ("headline", "grounded"),
    [
        ("Acme Reports Q2 2025 Results", True),
        ("Acme Reports Second Quarter 2025 Financial Results", True),
        ("Acme Reports 2025 Q2 Results", True),
        # the year the results sentence compares with is not the year of these results
        ("Acme Reports Q2 2024 Results", False),
        ("Acme Reports Second Quarter of Fiscal 2024 Results", False),
        # a dateline's year, or a founding year, in the results sentence is no results year
        ("Acme Reports Q1 2025 Results", True),
        # a quarter's year outside a results headline is the number check's
        ("Acme Beat Its Q2 2024 Sales Record", True),
    ],
)
def test_a_results_periods_year_is_the_one_the_results_sentence_gives(headline: str, grounded: bool) -> None:
    story = (
        "BOSTON, Jan. 28, 2025 -- Acme Corp, founded in 2009, today reported financial results for the first quarter. "
        "Acme Corp today reported financial results for the second quarter ended June 30, 2025, compared to the "
        "second quarter of 2024. Revenue rose 12%. In Q2 2024 Acme set a sales record, which it beat."
    )
    assert check_grounding(headline, story).grounded is grounded, check_grounding(headline, story)


def test_a_ticker_in_title_case_is_a_symbol_the_story_must_have() -> None:
    story = "Vantora Holding (OTC: VNTR) launched a Regulation A+ offering."
    assert check_grounding("Vantora Holding (OTC: Earth) Launches Regulation A+ Offering", story).unsupported == ["OTC: Earth"]
    assert check_grounding("Vantora Holding (Otc: Vntr) Launches Regulation A+ Offering", story).grounded
    # A colon's heading is no ticker.
    assert check_grounding("Nasdaq: Tech Shares Slide", "Technology shares slid on the Nasdaq.").grounded
    assert check_grounding(
        "Vantora Lists on the ASX: Raises $5 Million", "Vantora listed on the ASX, raising $5 million."
    ).grounded


def test_a_day_of_a_month_is_checked_as_one_date() -> None:
    story = "CHICAGO, May 1, 2025 -- Aemetis will review its results on May 12, 2025. Its annual meeting is June 5."
    assert check_grounding("Aemetis to Review Results on May 12", story).grounded
    assert check_grounding("Aemetis to Review Results on 12 May 2025", story).grounded
    assert check_grounding("Aemetis to Review Results on May 5", story).unsupported == ["May 5"]  # May, and a 5: not the date
    assert check_grounding("Aemetis to Review Results on June 12", story).unsupported == ["June 12"]
    # Every day of a range, and the dateline's own date ("effective today").
    story = "STAEFA, Switzerland - September 15, 2025 - Eric Bernard is CEO effective today. The summit runs October 2-5."
    assert check_grounding("Eric Bernard Takes Over as CEO Effective September 15", story).grounded
    assert check_grounding("Summit Runs October 2-5", story).grounded
    assert check_grounding("Summit Opens October 3", story).grounded
    assert check_grounding("Summit Runs October 2-6", story).unsupported == ["October 2-6"]
    glued = "NEW YORK, Aug. 20, 2020 /PRNewswire/ -- Smith reminds investors of the upcomingOctober 13, 2020 deadline."
    assert check_grounding("Smith Reminds Investors of the October 13 Deadline", glued).grounded
    assert check_grounding("Smith Reminds Investors of the October 14 Deadline", glued).unsupported == ["October 14"]
    # A web address's slug gives a date as it gives a figure.
    slug = "NEW YORK, April 2, 2024 -- Parties: May 18 and June 29. (https://www.24-7pressrelease.com/p/ace-launching-april-13th)"
    assert check_grounding("Ace Hotel Series Launching April 13th", slug).grounded
    assert check_grounding("Ace Hotel Series Launching April 14th", slug).unsupported == ["April 14th"]
    # A story whose only date is its dateline's is not read for dates: the month and the number are checked alone.
    dateline_only = "AUSTIN, TX, March 05, 2025 -- The first Austin for America event takes place this week."
    assert check_grounding("Austin for America Takes Place on March 6", dateline_only).unsupported == ["6"]
    assert check_grounding("Top 5 March Madness Picks", "Our 5 picks for March Madness. Games start on March 18.").grounded


def test_a_quarters_year_is_checked_with_its_quarter() -> None:
    story = "GlobalTech reported Q2 2025 revenue of $5.63 million, up 23.3% from the prior-year quarter; founded in 2024."
    assert check_grounding("GlobalTech Posts 23% Revenue Growth in Q2 2025", story).grounded
    # 2024 is in the story, but not as the second quarter's year.
    assert check_grounding("GlobalTech Posts 23% Revenue Growth in Q2 2024", story).unsupported == ["Q2 2024"]
    assert check_grounding("GlobalTech Posts 23% Revenue Growth in 2024 Second Quarter", story).unsupported == [
        "2024 Second Quarter"
    ]
    # Written short, glued, or as the months a quarter ends with.
    valens = "Valens achieved robust results in 1Q25, with revenues of $16.8M, up from 1Q24 revenue of $11.6M."
    assert check_grounding("Valens Reports Q1 2025 Revenue of $16.8M", valens).grounded
    assert check_grounding("Valens Reports Q1 2023 Revenue of $16.8M", valens).unsupported == ["Q1 2023"]
    ended = "Acme reported results for the three months ended March31, 2025, and will invest in 2026."
    assert check_grounding("Acme Reports First Quarter 2025 Results", ended).grounded
    assert not check_grounding("Acme Reports First Quarter 2026 Results", ended).grounded
    # A year's figure to compare with, in its brackets, gives the period no year of the story's own.
    sbf = "SBF published its 2025 half-year report. Sales were EUR 11 million in the first half of the year (H1 2024: EUR 9 million)."
    assert check_grounding("SBF Reports Robust Performance in the First Half of 2025", sbf).grounded
    # A story that gives another period a year does not read this one's.
    other = "Surf Air Mobility's third quarter of 2025 beat estimates; its second quarter was its best. Its 2025 guidance rose."
    assert check_grounding("Surf Air Mobility Second Quarter 2025 Was Its Best", other).grounded
    assert check_grounding("Surf Air Mobility Third Quarter 2025 Beats Estimates", other).grounded
    assert check_grounding("Surf Air Mobility Third Quarter 2024 Beats Estimates", other).unsupported == ["Third Quarter 2024"]


def test_what_a_date_or_a_quarters_year_is_not() -> None:
    # Rows from a read-only review: true headlines the date and period rules must leave alone.
    for headline, story in (
        ("Up to 20 may lose jobs at Acme plant", "LONDON (Reuters) - Up to 20 workers may lose jobs, Acme said on May 2."),
        ("UP TO 20 MAY LOSE JOBS AT ACME PLANT", "LONDON (Reuters) - Up to 20 workers may lose jobs, Acme said on May 2."),
        ("Acme to Hold AGM on 12 May", "LONDON, 20 April 2025 -- Acme will hold its AGM on 12 May at 10:00 a.m."),
        ("Acme Reports May 12 Million Passengers", "Acme carried 12 million passengers in May. Results follow on June 3."),
        ("Acme to Hold AGM on May 12", "NEW YORK, April 20, 2025 -- Acme will hold its AGM on 12.05.2025. Record date April 30."),
        (
            "Acme to Hold AGM on May 12",
            "NEW YORK, April 20, 2025 -- Acme will hold its AGM on Monday the 12th. Holders of record on April 30 vote in May.",
        ),
        ("Acme Names Jane Doe CEO Effective Jan. 1", "NEW YORK, April 20, 2025 -- Acme named Jane Doe CEO effective 1-Jan-2026."),
        ("Acme Conference May 12-14", "NEW YORK, April 20, 2025 -- Acme's conference runs May 12, 13 and 14, 2025."),
        ("Acme Guides 2025 Revenue of $1B-1.2B", "Acme guided 2025 revenue of $1 billion to $1.2 billion."),
        (
            "Acme Reports Record Q3 2025 Revenue",
            "Acme reported results for the third quarter ended September 30, 2025. Revenue was a record $52.1 million, "
            "compared to $45.3 million in the third quarter of 2024.",
        ),
        (
            "Acme to Announce Q3 2025 Results on Nov. 5",
            "SAN JOSE, Oct. 15, 2025 -- Acme will release its third quarter financial results on November 5, 2025. "
            "Acme reported revenue of $40 million in the third quarter of 2024.",
        ),
        (
            "Acme Reports Q1 Fiscal 2026 Revenue of $5 Million",
            "Acme reported revenue of $5 million for its fiscal first quarter, ended December 31, 2025. In fiscal 2026 it "
            "expects growth; its first quarter of 2025 was weaker.",
        ),
    ):
        assert check_grounding(headline, story).grounded, headline
    # and what they catch, however the period and its year are written
    story = "Acme reported sales of $5 million in the second quarter of 2025. Acme was founded in 2024."
    for headline in ("Acme Q2 2024 Sales Rise to $5 Million", "Acme Q2-2024 Sales Rise to $5 Million", "Acme Q2 FY24 Sales Rise"):
        assert not check_grounding(headline, story).grounded, headline
    assert not check_grounding("Acme Raises $50 Million", "Acme raised 50 million SEK.").grounded


def test_a_bound_the_story_writes_the_other_way_round_is_unsupported() -> None:
    story = "Acme's courses passed more than 1,000 enrolments this year, and it raised nearly $5 million."
    assert _unsupported("Acme Courses Pass Under 1,000 Enrolments", story) == ["1,000"]
    assert _unsupported("Acme Raises Over $5 Million", story) == ["$5 Million"]
    assert check_grounding("Acme Courses Pass Over 1,000 Enrolments", story).grounded
    assert check_grounding("Acme Raises Nearly $5 Million", story).grounded
    # "no more than" is at most, "at least" at least; a value also written without a bound contradicts nothing
    assert _unsupported("Acme Has No More Than 1,000 Enrolments", story) == ["1,000"]
    assert check_grounding("Acme Has at Least 1,000 Enrolments", story).grounded
    assert check_grounding("Acme Has Under 1,000 Enrolments", story + " Of the 1,000 enrolments, half were new.").grounded


@pytest.mark.parametrize(
    ("headline", "grounded"),
    [
        ("Acme Robotics Names Dana Whitfield CEO", True),  # "Chief Executive Officer"
        ("Acme Robotics Names Dana Whitfield Chief Executive", True),
        ("Acme Robotics CEOs Meet", True),  # a plural
        ("Acme Robotics Names Dana Whitfield CFO", False),
        ("Acme Robotics Names Dana Whitfield Chief Financial Officer", False),
        ("Acme Robotics Names Dana Whitfield Co-CTO", False),
        ("Acme Robotics Names Dana Whitfield President", False),
        ("Acme Robotics Chairman Dana Whitfield Sees Demand", False),
        ("Acme Robotics to Chair Robotics Council", True),  # the verb
    ],
)
def test_an_officers_title_is_one_the_story_gives(headline: str, grounded: bool) -> None:
    assert check_grounding(headline, ACME_Q1).grounded is grounded


def test_an_officers_title_in_its_other_forms() -> None:
    story = (
        "Acme appointed Jo Park as chief human resources officer; Vice President Al Roe and chairwoman Bea Lin "
        "welcomed her. https://example.com/news/acme-names-new-cfo-and-coo"
    )
    assert check_grounding("Acme Names Jo Park CHRO", story).grounded
    assert check_grounding("Acme Names Jo Park Chief People and Culture Officer", story).grounded is False
    assert check_grounding("Acme Chair Bea Lin Welcomes Jo Park", story).grounded
    assert check_grounding("Acme Names New CFO and COO", story).grounded  # the web address's slug
    assert _unsupported("Acme President Al Roe Welcomes Jo Park", story) == ["President"]  # a vice president


@pytest.mark.parametrize(
    ("headline", "unsupported"),
    [
        ("Acme Farm Covers 1,500 Acres", []),
        ("Acme Farm Covers 607 Hectares", []),  # the same area, as the story also gives it
        ("Acme Farm Covers 1,500 Hectares", ["1,500 Hectares"]),
        ("Acme Farm Lies 19 km From Austin", []),  # 12 miles, converted
        ("Acme Farm Lies 12 Kilometers From Austin", ["12 Kilometers"]),
        ("Acme to Build 0.2 GW Solar Farm", []),  # 200 MW
        ("Acme to Build 200-Megawatt Solar Farm", []),
        ("Acme Expects 30,000 Pounds of Gold", ["30,000 Pounds"]),
        ("Acme to Build 500,000 Square Meter Plant", ["500,000 Square Meter"]),
        ("Acme Ships 5m Units", []),  # one letter: a million as often as a metre
    ],
)
def test_a_measures_unit_is_part_of_its_value(headline: str, unsupported: list[str]) -> None:
    story = (
        "DALLAS -- Acme Solar will build a 200 MW solar farm covering 1,500 acres (607 hectares), 12 miles from "
        "Austin, beside a 500,000-square-foot plant, and expects 30,000 ounces of gold. It shipped 5m units."
    )
    assert _unsupported(headline, story) == unsupported


@pytest.mark.parametrize(
    ("headline", "story", "grounded"),
    [
        # a read-only review's probes: a wire's words for a title, initials that are no officer's
        ("Acme CFO Jane Doe to Step Down", "Acme's finance chief Jane Doe will step down.", True),
        ("Acme CEO Jane Doe Sees Strong Demand", "Acme chief Jane Doe said demand was strong.", True),
        ("Acme CFO Jane Doe to Retire", "Acme's finance director Jane Doe will retire.", True),
        ("Acme Names Jane Doe CEO", "Jane Doe will become Acme's C.E.O. on Jan. 1.", True),
        ("Acme Names Jane Doe CHRO", "Acme named Jane Doe Chief HR Officer.", True),
        ("Acme Expands Partnership With Leading CRO", "Acme works with a leading contract research organization.", True),
        ("CBO Projects Wider Deficit", "The Congressional Budget Office projects a wider deficit.", True),
        ("ACME LAUNCHES NEW CONDO PROJECT", "Acme launched a new condominium project.", True),
        ("Acme Welcomes President Trump's Order", "Acme welcomed the order Trump signed.", True),
        ("Acme Names Jane Doe Board Chair", "Jane Doe, who chairs Acme's audit committee, will lead the board.", True),
        ("Acme Names Jane Doe COO", "Acme named Jane Doe chief executive officer, a chief of staff said.", False),
        ("Acme Names John Smith Chairman", "Acme named John Smith Vice Chairman of the board.", False),
        ("Acme Names Jane Doe President", "Acme named Jane Doe Executive VP before the presidential election.", False),
        ("Acme Chairman Anthony Marchese Speaks", "Acme President Anthony Marchese will speak.", False),
        ("Acme President Anthony Marchese Speaks", "Acme Chairman Anthony Marchese will speak.", False),
    ],
)
def test_an_officers_title_as_wires_write_it(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


@pytest.mark.parametrize(
    ("headline", "story", "grounded"),
    [
        ("Acme Serves Nearly 1 Million Customers", "Acme now serves more than 980,000 customers.", True),  # rounded
        ("Acme Secures Over $50 Million Credit Facility", "Acme secured a credit facility of up to $50 million.", False),
        ("Acme Raises More Than $50 Million", "Acme may raise not more than $50 million.", False),
        ("Acme Secures At Least $50 Million Order", "Acme won an order of not less than $50 million.", True),
        ("Acme Revenue Up 15% Over 2023", "Acme revenue rose 15%; costs stayed below 2023 levels.", True),  # a year
        ("Acme Commissions 400 MW Battery", "Acme commissioned a 100 MW / 400 MWh battery.", False),
        ("Acme Acquires 1,000 Acres", "Acme acquired 1,000 acre-feet of water rights.", True),  # no area
    ],
)
def test_bounds_and_measures_as_a_review_probed_them(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


@pytest.mark.parametrize(
    ("headline", "unsupported"),
    [
        ("Three Shows at 8pm, 10 & 11pm", []),
        ("Show Starts at 7:30 PM", []),
        ("Doors Open at 12 PM", []),
        ("Show Starts at 9pm", ["9pm"]),
        ("Show Starts at 8:30 PM", ["8:30 PM"]),
        ("Doors Open at 12 AM", ["12 AM"]),
    ],
)
def test_a_time_of_day_is_one_fact_however_written(headline: str, unsupported: list[str]) -> None:
    story = "The club hosts three shows at 8 PM, 10 PM and 11 p.m. on Saturday, one at 7:30pm. Doors open at noon."
    assert check_grounding(headline, story).unsupported == unsupported


@pytest.mark.parametrize(
    ("headline", "unsupported"),
    [
        ("Customers Report 400x Click Rates", []),
        ("Token Could Go 10,000 Times Up", []),
        ("Acme Posts 3x Gain", []),
        ("Acme Posts 5x Gain", ["5x"]),
        ("Acme Made the Inc. List 5 Times", []),  # "five times": the number check's
        ("Acme Made the Inc. List 6 Times", ["6"]),
    ],
)
def test_a_multiple_is_one_fact_however_written(headline: str, unsupported: list[str]) -> None:
    story = (
        "Clicks ran about 400 times the norm; the token could go 10,000x up, a 3-fold gain. Acme made the Inc. list five times."
    )
    assert check_grounding(headline, story).unsupported == unsupported


@pytest.mark.parametrize(
    ("headline", "story", "unsupported"),
    [
        ("Acme Introduces SLAs for Leap(TM) Cloud", "Acme introduced SLAs for its Leap cloud.", []),
        ("Snap Unveils Next\u2011Gen Specs Glasses", "Snap unveiled its Specs glasses.", []),
        ("Lahontan Gold Corp. (TSX.V: LG) Drills", "Lahontan Gold (TSXV: LG) drilled.", []),
        ("Lahontan Gold Corp. (TSX.V: LX) Drills", "Lahontan Gold (TSXV: LG) drilled.", ["TSX.V: LX"]),
        ("Canvas Moves to El Segundo, Calif.", "Canvas moved to El Segundo, California.", []),
        ("Canvas Moves to El Segundo, Calif.", "Canvas moved to El Segundo, Texas.", ["Calif"]),
        ("HK Listed Forgame Sues", "Forgame, listed on the Hong Kong Stock Exchange, sued.", []),
        ("Acme Plans 7.2 MW Solar Project", "Acme plans a 7.2 megawatt solar project.", []),
        ("Acme Plans 7.5 MW Solar Project", "Acme plans a 7.2 megawatt solar project.", ["7.5", "MW"]),
        ("Acme Buys 765,000 SF Portfolio", "Acme bought a 765,190 square-foot portfolio.", []),
    ],
)
def test_signs_units_and_short_forms_the_story_writes_otherwise(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported


# A read-only review's probes of this session's rules (each once wrong in a draft of them).
REVIEW_FLAGGED = [
    ("Acme Launches Lunar Rover", "Acme plans to be the first private company to launch a lunar rover in 2026."),
    ("Acme Joins S&P 500", "Acme hopes to be the latest tech firm to join the S&P 500."),
    ("Acme Wins Top Honor", "Acme has been named a finalist for the 2024 Innovation Awards. Winners will be announced in May."),
    ("Acme Receives Funding", "Acme has applied for a state grant to build its plant."),
    (
        "Acme Completes Beta Deal",
        "Acme agreed to acquire Beta Corp for $10 million. The company said shareholders back it. The transaction is subject to regulatory approval.",
    ),
    ("Acme Revenue in the US Has Fallen Sharply", "Acme revenue in the US rose sharply. Acme costs fell."),
    ("Acme Revenue Below $48 Billion", "Acme reported revenue of $48.83 billion."),
    ("Acme to Host Call at 9pm", "Acme will host a call on May 9 to discuss results."),
    ("Acme Will Unveil Robo Two at CES", "At CES, Acme unveiled Robo Two, a warehouse robot."),
]
REVIEW_GROUNDED = [
    ("Acme to Unveil Phone on May 5", "Acme unveils its phone on May 5 at an event in Paris."),
    ("Acme to Introduce New Menu Next Month", "Starting next month, Acme introduces its new menu."),
    ("Rising Home Prices Boost Acme", "Acme benefited as home prices rose. Lower home prices in 2022 had hurt."),
    ("Oil Prices Rise", "Oil rose 2% on Monday. Gasoline prices slipped."),
    ("Acme Soars After Earnings", "Acme's stock soared 20% after earnings. Acme reduced its outlook for the year."),
    ("Key Highlights From Acme's Q3 Call", "Acme held its Q3 call on Monday."),
    ("Acme Airs Thirty-Second Super Bowl Ad", "Acme aired a 30-second ad during the Super Bowl."),
    ("Stocks Rise in Midday Trading", "Stocks rose on Tuesday as investors bought."),
    ("Acme Buys 5 AM Radio Stations", "Acme bought five AM radio stations."),
    ("Acme Hands Out Pink Slips", "Acme laid off workers on Friday."),
    ("Acme Buys 1,500 Acres", "Acme bought roughly 1,480 acres."),
    ("Acme CEO Steps Back", "Acme's chief executive, Jane Roe, stepped back from daily work."),
]


@pytest.mark.parametrize(("headline", "story"), REVIEW_FLAGGED)
def test_review_probes_a_false_headline_is_flagged(headline: str, story: str) -> None:
    assert not check_grounding(headline, story).grounded


@pytest.mark.parametrize(("headline", "story"), REVIEW_GROUNDED)
def test_review_probes_a_true_headline_passes(headline: str, story: str) -> None:
    assert check_grounding(headline, story).grounded, check_grounding(headline, story)


def test_a_story_of_dotted_digits_is_read_in_linear_time() -> None:
    """A web address's domain is bounded: "1.1.1.1..." (50,000 characters) took 18 s before, on any CPU far over 5."""
    started = time.process_time()  # CPU time: a busy machine does not fail it
    check_grounding("Acme Reports Q1 Results", "1." * 25_000)
    assert time.process_time() - started < 5.0


def test_a_headline_of_one_long_word_is_read_in_linear_time() -> None:
    """A 3,000-letter word (longer than an item may carry; `check_grounding` takes any) was read as a compound
    written apart through a pattern the square of its length (2,000 letters: 7 s here); it is no compound, and is
    flagged."""
    started = time.process_time()
    assert not check_grounding("X" * 3_000, "The euro zone grew. " * 100).grounded
    assert time.process_time() - started < 5.0


_STAFFING = (
    "Acme Staffing, Inc. today reported financial results for the fourth quarter and fiscal year ended December 27, "
    "2020. The company expects revenue to grow in 2021."
)
_SCHOOL = (
    "BEIJING, Dec. 1, 2021 -- Acme Education Group today announced its financial results for the fiscal year "
    "ended August 31, 2020. Enrolment rose 12% in the 2021 school year."
)
_TOKYO = "TOKYO, May 14, 2021 -- Acme K.K. announced its results for the fiscal year ended March 31, 2021 (FY2020)."
_LONDON = "LONDON, 9 March 2025 -- Acme plc announces its results for the year ended 31 December 2024."
_QUARTER_AFTER_A_FILING = (
    "Acme today reported results for the first quarter of fiscal 2022, which ended September 30, 2021. Acme filed "
    "its annual report on Form 10-K for the fiscal year ended June 30, 2021."
)
#: (headline, story, the headline's unsupported facts): a results year read by the month and day the year ends.
RESULTS_YEARS = [
    # a year of 52 or 53 weeks that ends in December's last week is that year's
    ("Acme Staffing Reports Financial Results for 2020", _STAFFING, []),
    ("Acme Staffing Reports Financial Results for 2021", _STAFFING, ["2021"]),
    # a year ended in another month may be named for either year it spans, the one it began in only where the story
    # writes it
    ("Acme Education Group Releases 2020 Financial Results", _SCHOOL, []),
    ("Acme Education Group Reports 2021 Financial Results", _SCHOOL, ["2021"]),
    ("Acme Education Group Reports Fiscal 2019 Results", _SCHOOL, ["2019"]),
    ("Acme K.K. Announces FY2020 Results", _TOKYO, []),
    ("Acme K.K. Announces FY2021 Results", _TOKYO, []),
    ("Acme K.K. Announces FY2022 Results", _TOKYO, ["2022"]),
    # the day before the month, as British and European releases write it
    ("Acme Announces 2024 Results", _LONDON, []),
    ("Acme Announces 2025 Results", _LONDON, ["2025"]),
    # a read-only review's probes: a quarter after the fiscal year is the quarter's year, a comparison's year ended
    # alone does not name the accounts, a half year is no year, and "FY20" writes 2020
    ("Acme Reports Fiscal 2022 First Quarter Results", _QUARTER_AFTER_A_FILING, []),
    ("Acme Reports FY2022 Q1 Results", _QUARTER_AFTER_A_FILING, []),
    (
        "Acme Reports Fiscal 2021 Results",
        "Acme plc announces its results for the year ended 31st March 2021, compared with the year ended 31 March 2020.",
        [],
    ),
    (
        "Acme Reports Half Year Results for 2022",
        "SYDNEY, 20 February 2022 -- Acme Ltd announces its results for the half year ended 31 December 2021.",
        [],
    ),
    (
        "Acme Announces FY2020 Financial Results",
        "TOKYO, May 12, 2021 -- Acme announced its financial results for the fiscal year ended March 31, 2021 (FY20).",
        [],
    ),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), RESULTS_YEARS)
def test_a_results_year_is_read_by_the_month_and_day_the_year_ends(headline: str, story: str, unsupported: list[str]) -> None:
    checked = check_grounding(headline, story)
    assert checked.unsupported == unsupported
    assert checked.grounded is (not unsupported)


def test_a_word_in_a_companys_parenthesis_must_be_its_symbol_or_short_form() -> None:
    story = "Mullen Automotive Inc. (NASDAQ: MULN) sold 200 electric vans. Mullen (the Company) delivers them in May."
    assert check_grounding("Mullen Automotive Inc. (Designations) Sells 200 Vans", story).unsupported == ["Designations"]
    assert check_grounding("Mullen Automotive Inc. (the Company) Sells 200 Vans", story).grounded


def test_a_compound_subject_is_one_word() -> None:
    story = "Launch Technologies reported revenue of $2 million. Its pre-order book grew before the launch."
    assert check_grounding("Pre-Launch Technologies Reports $2 Million Revenue", story).unsupported == ["Pre-Launch"]
    assert check_grounding("Launch Technologies Reports $2 Million Revenue", story).grounded


def test_a_wires_column_name_is_no_fact_of_the_story() -> None:
    story = "The Texas House passed a bill on Tuesday that bans hemp products with THC. The Senate votes next week."
    for column in ("420 with CNW \u2014", "Web3MediaBreaks \u2013", "InvestorNewsBreaks -", "WEB3MEDIABREAKS \u2013"):
        assert check_grounding(f"{column} Texas House Passes Hemp Ban", story).grounded
        # and after a tag of urgency
        assert check_grounding(f"BREAKING: {column} Texas House Passes Hemp Ban", story).grounded
    assert check_grounding("JUST IN \u2014 Texas House Passes Hemp Ban", story).grounded
    assert check_grounding("BREAKING - 420 with CNW \u2014 Texas House Passes Hemp Ban", story).grounded
    assert check_grounding("420 with CNW \u2014 UPDATE 2-Texas House Passes Hemp Ban", story).grounded
    # the name still has to be the story's, and only a column's brand is passed over
    assert check_grounding("420 with CNW \u2014 Ohio House Passes Hemp Ban", story).unsupported == ["Ohio"]
    assert check_grounding("Acme Breaks \u2014 Texas House Passes Hemp Ban", story).unsupported == ["Acme"]


#: A wire story in Reuters' manner, written for these tests.
WIRE_RATE_CUT = (
    "LONDON, Nov 7 (Reuters) - The Bank of England lowered interest rates by a quarter of a percentage point on "
    "Thursday, taking Bank Rate to 4.75% from 5.00%. Investors had bet on the cut since the Federal Reserve eased "
    "last month. The Justice Department said separately it was looking into Tarrow Pharmaceuticals' pricing. "
    "U.S. stocks closed higher. Tarrow lifted its quarterly dividend by three cents to $0.45 a share and will cut "
    "roughly a fifth of its jobs. Its profit was $612 million, compared with $551 million a year earlier."
)


@pytest.mark.parametrize(
    ("headline", "unsupported"),
    [
        # a wire's tags and an update's number state nothing
        ("UPDATE 2-BoE cuts Bank Rate to 4.75 pct", []),
        ("RPT-CORRECTED-BoE cuts Bank Rate to 4.75 pct", []),
        # an institution's short form (institutions.py), the market as "Wall St"
        ("BoE cuts rates by 25 bps after Fed eased", []),
        ("DoJ looks into Tarrow Pharma pricing", []),
        ("Wall St ends higher", []),
        ("BoJ cuts rates by 25 bps", ["BoJ"]),
        ("ECB cuts rates by 25 bps", ["ECB"]),
        # a change in percentage points, a share as a fraction, cents
        ("BoE cuts Bank Rate by 50 bps", ["50 bps"]),
        ("Tarrow to cut 20% of jobs", []),
        ("Tarrow to cut 30% of jobs", ["30%"]),
        ("Tarrow lifts dividend 3c to 45c a share", []),
        ("Tarrow lifts dividend 3c to 48c a share", ["48c"]),
        # a name's word cut short only after the same name word: "Tarrow Pharma" is Tarrow Pharmaceuticals
        ("Bayer Pharma pricing probed", ["Bayer Pharma"]),
        # a change between the two sums the story compares
        ("Tarrow profit up 11%", []),
        ("Tarrow profit up 15%", ["15%"]),
    ],
)
def test_a_wire_headlines_shorthand_is_read_as_its_story_writes_it(headline: str, unsupported: list[str]) -> None:
    assert _unsupported(headline, WIRE_RATE_CUT) == unsupported


def test_a_change_is_read_only_between_sums_a_sentence_compares() -> None:
    # "$612 million" and "$551 million" in sentences that compare nothing are no change of 11%
    story = "Acme's profit was $612 million. Its new plant cost $551 million."
    assert _unsupported("Acme Profit Up 11%", story) == ["11%"]


#: Written by a read-only review session (2026-12-06) in the wires' manner (Reuters, Dow Jones, Bloomberg): true
#: headlines in their shorthand, flagged before institutions.py, the wire tags, cents, fractions and changes between
#: compared sums were read; and false ones, a fact changed, which stay caught.
REVIEW_WIRE = [
    (
        "UPDATE 2-Harlow Foods Q3 profit tops estimates, lifts FY outlook",
        '(Adds CEO comments, share move) CHICAGO, Oct 22 (Reuters) - Harlow Foods Inc reported third-quarter profit above Wall Street expectations on Tuesday and raised its forecast for the full year, as price increases on its frozen meals and snacks offset softer volumes. Excluding items, the company earned 84 cents per share in the quarter ended Sept. 28, ahead of analysts\' average estimate of 79 cents, according to LSEG data. Net sales rose 3.1% to $2.87 billion. Harlow now expects fiscal 2024 adjusted earnings of $3.30 to $3.40 per share, up from its prior range of $3.15 to $3.30. "Our brands held share even as shoppers traded down," Chief Executive Dana Pruitt said on a call with analysts. Shares rose 4% in premarket trading. (Reporting by Arun Mehta in Bengaluru; Editing by Shinjini Ganguli)',
        True,
    ),
    (
        "RPT-Vestry Bank to cut about 1,000 jobs in overhaul - sources",
        "(Repeats story published on Wednesday with no changes to text) LONDON, Feb 7 (Reuters) - Vestry Bank plans to eliminate roughly 1,000 positions, mostly in its retail branch network and back-office operations, as part of a cost-cutting drive led by new chief executive Martin Osei, two people familiar with the matter said. The reductions, equivalent to about 4% of the British lender's workforce, are expected to be announced to staff in the coming weeks, said the sources, who declined to be named because the plans are not public. A Vestry spokesperson declined to comment. The bank has pledged to cut its cost base by £400 million by 2026. (Reporting by Helen Carr; Editing by Jane Merriman)",
        True,
    ),
    (
        "US STOCKS-Wall St ends lower as Treasury yields jump; Nasdaq sinks 1.8 pct",
        'NEW YORK, Sept 18 (Reuters) - U.S. stocks closed lower on Wednesday, with the tech-heavy Nasdaq leading declines, as a surge in Treasury yields after strong retail sales data pressured richly valued growth shares. The Dow Jones Industrial Average fell 212.41 points, or 0.52%, to 40,902.12, the S&P 500 lost 49.33 points, or 0.88%, to 5,567.10 and the Nasdaq Composite dropped 318.70 points, or 1.81%, to 17,302.44. The yield on the benchmark 10-year Treasury note rose 11 basis points to 4.38%, its biggest one-day increase in two months. "The bond market is doing the Fed\'s tightening for it," said Paul Ebbers, chief market strategist at Northcote Advisors. (Reporting by Chuck Mikolajczak; Editing by Richard Chang)',
        True,
    ),
    (
        "GLOBAL MARKETS-Stocks edge up, dollar eases ahead of Fed decision",
        'LONDON/NEW YORK, July 30 (Reuters) - World stocks inched higher on Tuesday and the dollar softened as investors positioned for a Federal Reserve policy announcement on Wednesday, where the U.S. central bank is widely expected to keep rates on hold but signal cuts ahead. MSCI\'s gauge of stocks across the globe rose 0.2%, while the pan-European STOXX 600 index gained 0.3%. The dollar index, which measures the greenback against six major currencies, slipped 0.25% to 104.31. "Markets are in wait-and-see mode," said Katrin Hoel, head of macro strategy at Elvenbank in Frankfurt. (Reporting by Naomi Rovnick and Caroline Valetkevitch; Editing by Toby Chopra)',
        True,
    ),
    (
        "BoE cuts Bank Rate by 25 bps to 4.75 pct",
        'LONDON, Nov 7 (Reuters) - The Bank of England lowered interest rates by a quarter of a percentage point on Thursday, taking Bank Rate to 4.75% from 5.00%, and said it would likely keep reducing borrowing costs only gradually. The Monetary Policy Committee voted 8-1 for the cut, with one member, Edmund Carlisle, voting to keep rates on hold. "We need to make sure inflation stays close to target, so we can\'t cut interest rates too quickly or by too much," Governor Ann Whitcombe said. Sterling was little changed against the dollar at $1.2960 after the decision. (Reporting by David Milliken and Andy Bruce; Editing by William Schomberg)',
        True,
    ),
    (
        "DoJ opens probe into Kestrel Logistics' pricing practices - WSJ",
        "Feb 12 (Reuters) - The U.S. Department of Justice has opened an antitrust investigation into whether Kestrel Logistics Inc coordinated freight prices with rival trucking firms, the Wall Street Journal reported on Monday, citing people familiar with the matter. The probe is at an early stage and may not result in any charges, the newspaper said. Reuters could not immediately verify the report. Kestrel and the Justice Department did not immediately respond to requests for comment. Shares of Kestrel fell 6% in extended trading. (Reporting by Jaiveer Shekhawat in Bengaluru; Editing by Alan Barona)",
        True,
    ),
    (
        "Ostrander 4Q Adj EPS 41c Vs. Est. 38c; Rev $1.92B",
        "By Ben Ryder Ostrander Industries Inc. on Thursday reported fourth-quarter adjusted earnings of 41 cents a share, ahead of the 38 cents analysts polled by FactSet had expected. Revenue for the three months ended Dec. 31 rose 6% to $1.92 billion from $1.81 billion a year earlier. Analysts had forecast $1.89 billion. The Cleveland-based maker of industrial valves said net income was $58.3 million, or 37 cents a share, compared with $49.1 million, or 31 cents, a year ago. Shares rose 3.4% to $27.15 in after-hours trading. Write to Ben Ryder at ben.ryder@dowjones.com",
        True,
    ),
    (
        "Rowan Telecom to Cut 20% of Jobs as UK Broadband Price War Bites",
        "(Bloomberg) -- Rowan Telecom Plc will eliminate roughly a fifth of its jobs over the next two years as the UK broadband provider seeks to lower costs amid fierce price competition, Chief Executive Officer Fiona Hart said. The cuts will affect about 2,400 of the company's 12,000 employees, mainly in call centers and field engineering, Hart said in an interview on Thursday. Rowan plans to automate more customer service and rely on outside contractors for some installations. \"It's painful, but we can't stand still,\" she said. Shares rose as much as 4.2% in London trading.",
        True,
    ),
    (
        "Brixton Utilities Lifts Quarterly Dividend 3c to 45c a Share",
        "By Colin Kellaher Brixton Utilities Inc. on Wednesday said it is raising its quarterly dividend by three cents, or about 7%, to $0.45 a share. The Tulsa, Okla., electric and gas utility said the new payout is due Dec. 15 to shareholders of record as of Nov. 29. Brixton also backed its forecast for 2024 adjusted earnings of $3.05 to $3.15 a share, and said it expects long-term annual earnings growth of 6% to 8%. Shares closed Tuesday at $61.20, up 14% so far this year. Write to Colin Kellaher at colin.kellaher@wsj.com",
        True,
    ),
    (
        "BRIEF-Corvane Q1 adj. EPS $1.12 vs est $1.05; rev up 9 pct YoY, reaffirms guidance",
        "April 24 (Reuters) - Corvane Inc: * CORVANE INC REPORTS FIRST QUARTER 2024 RESULTS * Q1 ADJUSTED EARNINGS PER SHARE $1.12 * Q1 EARNINGS PER SHARE ESTIMATE $1.05 -- LSEG IBES DATA * Q1 REVENUE $864.2 MILLION VERSUS $792.8 MILLION A YEAR AGO * REAFFIRMS FULL-YEAR 2024 GUIDANCE Source text for Eikon: [ID:nGNX9fWq1b] Further company coverage: [CRVN.O]",
        True,
    ),
    (
        "UPDATE 1-Delmont Air posts surprise 4th-qtr loss; shares sink 9 pct",
        '(Adds analyst comment, shares) DALLAS, Jan 23 (Reuters) - Delmont Air Lines reported an unexpected fourth-quarter loss on Tuesday as higher labor and maintenance costs outweighed record holiday travel demand, sending its shares down 9% in morning trading. The carrier posted an adjusted loss of 12 cents per share for the October-December period, compared with analysts\' average estimate for a profit of 18 cents, according to LSEG data. Revenue rose 6.5% to $3.47 billion. "Costs are the story here," said Helane Frost, an analyst at Corbett Research. (Reporting by Rajesh Kumar Singh; Editing by Sriraj Kalluvila)',
        True,
    ),
    (
        "BRIEF-Mantle Foods Q3 loss per share 8c vs EPS 14c yr ago",
        "Nov 6 (Reuters) - Mantle Foods Inc: * MANTLE FOODS INC REPORTS THIRD QUARTER FISCAL 2024 RESULTS * Q3 LOSS PER SHARE $0.08 * Q3 EARNINGS PER SHARE $0.14 IN THE SAME QUARTER A YEAR AGO * Q3 NET SALES $418.6 MILLION, DOWN 3.8% * SEES FY 2024 NET SALES DOWN 2% TO 4% Source text for Eikon: [ID:nBw5tR8Lpz] Further company coverage: [MNTL.N]",
        True,
    ),
    (
        "Harcourt Bancorp 3Q Profit Up 11% on Higher Fee Income",
        "By Ben Glickman Harcourt Bancorp Inc. said third-quarter profit rose, as higher wealth management and trading fees offset a decline in net interest income. The Pittsburgh-based regional lender posted a profit of $612 million, or $1.48 a share, compared with $551 million, or $1.32 a share, a year earlier. Net interest income fell 3% to $1.41 billion, while noninterest income climbed 14% to $740 million. Analysts polled by FactSet had expected earnings of $1.41 a share. Write to Ben Glickman at ben.glickman@wsj.com",
        True,
    ),
    (
        "UPDATE 1-Tarrow Pharma wins FDA nod for psoriasis pill; shares jump 14 pct",
        "(Adds details on drug, analyst estimate) Aug 29 (Reuters) - The U.S. Food and Drug Administration on Thursday approved Tarrow Pharmaceuticals' oral treatment for moderate-to-severe plaque psoriasis, giving the company its first commercial product. The once-daily pill, to be sold under the brand name Clarevo, was approved for adults who are candidates for systemic therapy, Tarrow said. Analysts at Merriam Partners estimate peak annual sales of about $1.2 billion. Tarrow said the drug would carry a list price of $5,900 per month and be available in pharmacies by October. Shares rose 14% in extended trading. (Reporting by Bhanvi Satija in Bengaluru; Editing by Shinjini Ganguli)",
        True,
    ),
    (
        "UPDATE 2-Harlow Foods Q3 profit misses estimates, lifts FY outlook",
        '(Adds CEO comments, share move) CHICAGO, Oct 22 (Reuters) - Harlow Foods Inc reported third-quarter profit above Wall Street expectations on Tuesday and raised its forecast for the full year, as price increases on its frozen meals and snacks offset softer volumes. Excluding items, the company earned 84 cents per share in the quarter ended Sept. 28, ahead of analysts\' average estimate of 79 cents, according to LSEG data. Net sales rose 3.1% to $2.87 billion. Harlow now expects fiscal 2024 adjusted earnings of $3.30 to $3.40 per share, up from its prior range of $3.15 to $3.30. "Our brands held share even as shoppers traded down," Chief Executive Dana Pruitt said on a call with analysts. Shares rose 4% in premarket trading. (Reporting by Arun Mehta in Bengaluru; Editing by Shinjini Ganguli)',
        False,
    ),
    (
        "BoE cuts Bank Rate by 50 bps to 4.75 pct",
        'LONDON, Nov 7 (Reuters) - The Bank of England lowered interest rates by a quarter of a percentage point on Thursday, taking Bank Rate to 4.75% from 5.00%, and said it would likely keep reducing borrowing costs only gradually. The Monetary Policy Committee voted 8-1 for the cut, with one member, Edmund Carlisle, voting to keep rates on hold. "We need to make sure inflation stays close to target, so we can\'t cut interest rates too quickly or by too much," Governor Ann Whitcombe said. Sterling was little changed against the dollar at $1.2960 after the decision. (Reporting by David Milliken and Andy Bruce; Editing by William Schomberg)',
        False,
    ),
    (
        "EU fines Veldt Software €340 bln over bundling",
        'BRUSSELS, June 19 (Reuters) - EU antitrust regulators fined Dutch software maker Veldt Software 340 million euros ($365 million) on Wednesday for tying its payroll app to its dominant accounting product, hampering rivals. The European Commission said Veldt had abused its market position between 2017 and 2022 by making it difficult for customers to use competing payroll tools. "Companies cannot use their dominance in one market to squeeze out competitors in another," EU competition chief Marta Lindqvist said in a statement. Veldt said it would appeal the decision to the Luxembourg-based General Court. (Reporting by Foo Yun Chee; Editing by Louise Heavens)',
        False,
    ),
    (
        "Wexford Chemicals lifts 2024 sales forecast on weak European demand",
        'FRANKFURT, Oct 24 (Reuters) - Specialty chemicals maker Wexford Chemicals lowered its full-year revenue forecast on Thursday, blaming sluggish demand from industrial customers in Europe, particularly in the automotive and construction sectors. Wexford now expects 2024 sales of 9.4 billion to 9.7 billion euros, down from a previous range of 9.6 billion to 10 billion euros. It kept its outlook for adjusted core profit unchanged. "Europe remains the weak spot," Chief Financial Officer Jana Keller told journalists. Shares fell 3% in early Frankfurt trade. (Reporting by Patricia Weiss; Editing by Friederike Heine)',
        False,
    ),
    (
        "Marlow Foods to Cut 600 Jobs in Restructuring",
        "By Colin Kellaher Marlow Foods Inc. said it would eliminate about 6,000 jobs, or roughly 8% of its global workforce, as part of a restructuring aimed at saving $600 million a year by 2026. The Minneapolis-based maker of cereals and frozen vegetables said the cuts would come mainly from manufacturing and supply-chain operations, and that it would close three plants in the U.S. and one in Mexico. Marlow expects to record pretax charges of $450 million to $500 million related to the plan, most of them in fiscal 2025. Shares rose 2.3% to $54.80 in premarket trading. Write to Colin Kellaher at colin.kellaher@wsj.com",
        False,
    ),
    (
        "Brixton Utilities Lifts Quarterly Dividend 3c to 48c a Share",
        "By Colin Kellaher Brixton Utilities Inc. on Wednesday said it is raising its quarterly dividend by three cents, or about 7%, to $0.45 a share. The Tulsa, Okla., electric and gas utility said the new payout is due Dec. 15 to shareholders of record as of Nov. 29. Brixton also backed its forecast for 2024 adjusted earnings of $3.05 to $3.15 a share, and said it expects long-term annual earnings growth of 6% to 8%. Shares closed Tuesday at $61.20, up 14% so far this year. Write to Colin Kellaher at colin.kellaher@wsj.com",
        False,
    ),
]


@pytest.mark.parametrize(("headline", "story", "grounded"), REVIEW_WIRE)
def test_review_probes_of_wire_headlines(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


#: A read-only review's probes of the wire readings (2026-12-06): each was passed by their first forms.
EARNINGS_WITH_TWO_CHANGES = (
    "Acme Corp reported third-quarter revenue of $864.2 million, compared with $792.8 million a year earlier. Net income "
    "was $71.5 million, or $1.12 per share, versus $60.3 million, or $0.95 per share."
)


@pytest.mark.parametrize(
    ("headline", "story", "unsupported"),
    [
        ("Fed Cuts Rates By 25 Bps", "The Federal Reserve cut rates by 0.5 percentage point.", ["25 Bps"]),
        ("Acme Margin Up 300 Bps", "Acme's gross margin rose 3 percentage points to 41%.", []),
        # a change is its own measure's, new over old
        ("Acme Q3 Revenue Up 9%", EARNINGS_WITH_TWO_CHANGES, []),
        ("Acme Q3 Net Income Up 9%", EARNINGS_WITH_TWO_CHANGES, ["9%"]),
        ("Acme Q3 Revenue Up 8%", EARNINGS_WITH_TWO_CHANGES, ["8%"]),
        ("Acme Q3 Net Income Up 19%", EARNINGS_WITH_TWO_CHANGES, []),
        ("Acme Q3 Profit Soars 100%", EARNINGS_WITH_TWO_CHANGES, ["100%"]),
        # a period's or a measure's part is no share
        ("Acme Sees Sales Up 50%", "Acme expects growth to accelerate in the second half of the year.", ["50%"]),
        ("Acme Sales Up 25%", "Acme has made valves for a quarter of a century.", ["25%"]),
        # a launch before ("since the launch of" a predecessor) is not the headline's
        (
            "Acme Launches Zingly Pro",
            "Since the launch of Zingly in 2020, Acme has signed 500 customers. Acme will launch Zingly Pro next month.",
            ["Launches"],
        ),
        # short forms as written; "Wall St" needs the U.S. market, not a bare "Nasdaq" or "Dow"
        ("Dot Launches App", "The Department of Transportation launched an app.", ["Dot"]),
        ("Feds raid Acme offices", "The Federal Reserve said it would keep rates unchanged; Acme shares fell.", ["Feds"]),
        (
            "Wall St ends lower as tech stocks slide",
            "European shares closed lower as the STOXX 600 fell 1.2%, tracking tech stocks on the Nasdaq overnight.",
            ["Wall St"],
        ),
        (
            "Wall St welcomes Acme's new CEO",
            "Acme said it hired Dow Chemical veteran John Smith as chief executive.",
            ["Wall St"],
        ),
        # a cut-short name word only as the wires cut it; a code's "c" is no cents
        ("Acme Pharma Wins FDA Approval", "The FDA approved a drug sold by Acme Pharmacy Inc.", ["Pharma"]),
        ("Acme Unveils Model 5c Phone", "Acme unveiled a phone; its dividend is $0.05 a share.", ["5c"]),
        # a gap to an estimate; a round count and a share move rounded as the wires round them
        (
            "Acme EPS of $1.02 misses by $0.04, revenue of $184.6M beats by $1.3M",
            "Acme reported EPS of $1.02, below the consensus estimate of $1.06. Revenue of $184.6 million topped the "
            "$183.3 million estimate.",
            [],
        ),
        (
            "Acme EPS of $1.02 misses by $0.05, revenue of $184.6M beats by $1.3M",
            "Acme reported EPS of $1.02, below the consensus estimate of $1.06. Revenue of $184.6 million topped the "
            "$183.3 million estimate.",
            ["$0.05"],
        ),
        # the gap and the change go the headline's way: a loss smaller than expected beats
        (
            "Acme EPS of $0.63 misses by $0.05",
            "Acme EPS came in at $0.63, compared with the consensus estimate of $0.58.",
            ["$0.05", "misses"],
        ),
        (
            "Acme loss per share beats by 8 cents",
            "Adjusted for one-time items, Acme lost 19 cents a share, better than the 27-cent loss analysts expected.",
            [],
        ),
        ("Acme 4Q Net Rises 12% To $201M", "Acme said 4Q net income fell to $201 million from $228 million.", ["12%", "Rises"]),
        ("Acme 4Q Net Falls 12% To $201M", "Acme said 4Q net income fell to $201 million from $228 million.", []),
        ("Canada Adds 27,000 Jobs in May", "Canada's economy added 26,700 jobs in May.", []),
        ("Canada Adds 5,000 Jobs in May", "Canada's economy added 4,800 jobs in May.", ["5,000"]),
        ("Acme Shares Rise 5% After Buyback", "Acme shares were up 5.4% after it announced a buyback.", []),
        ("Acme Shares Rise 2% After Buyback", "Acme shares were up 2.4% after it announced a buyback.", ["2%"]),
    ],
)
def test_review_probes_of_the_wire_readings(headline: str, story: str, unsupported: list[str]) -> None:
    assert _unsupported(headline, story) == unsupported


#: A second read-only review's probes of the number readings (2026-12-06): bounds, round counts, estimates, measures.
SECOND_REVIEW_OF_NUMBERS = [
    (
        "Acme Tops 1,000,000 Subscribers",
        "Acme said it now has 960,000 subscribers.",
        False,
    ),
    (
        "Acme Has Over 100,000 Users",
        "Acme said it has 96,000 users.",
        False,
    ),
    (
        "Acme To Cut Nearly 27,000 Jobs",
        "Acme said it would cut 27,400 jobs.",
        False,
    ),
    (
        "Fund Takes More Than 5% Stake In Acme",
        "The fund disclosed a 4.6% stake in Acme.",
        False,
    ),
    (
        "Fed Raises Rates By 25 bps",
        "The Federal Reserve delivered a three-quarter-point rate hike on Wednesday.",
        False,
    ),
    (
        "Fed Raises Rates By 75 bps",
        "The Federal Reserve delivered a three-quarter-point rate hike on Wednesday.",
        True,
    ),
    (
        "Acme Q3 EPS Beats By $0.07",
        "Acme's third-quarter EPS of $0.88 compared with $0.81 a year earlier, short of analysts' expectations of $0.90. Revenue of $1.2 billion beat the consensus of $1.15 billion.",
        False,
    ),
    (
        "Acme Revenue Up 15%",
        "Acme's revenue rose 3% to $1.03 billion, while cash rose to $460 million from $400 million.",
        False,
    ),
    (
        "Acme Costs Up 10%",
        "Acme's revenue rose from $1.0 billion to $1.1 billion, and costs rose too.",
        False,
    ),
    (
        "Acme Q2 Net Income Up 20%",
        "Acme's Q2 net sales were $1.2 billion, compared with $1.0 billion in the prior-year quarter. Net income was $90 million.",
        False,
    ),
    (
        "Acme EPS Up 9%",
        "Acme earned $0.88 per share, compared with estimates of $0.81. A year ago it earned $0.90.",
        False,
    ),
    (
        "Acme Q2 Loss Per Share Beats By $0.07",
        "Acme posted a Q2 net loss of $0.88 per share, which beat estimates. Analysts had expected $0.95 per share.",
        True,
    ),
    (
        "Acme Revenue Up 26%",
        "Acme's revenue was $1.2 billion, compared with $950 million a year earlier.",
        True,
    ),
    # the one it left, read since: a sum's minus sign ("-$0.12" beats "-$0.15"); a range's dash is no sign
    (
        "Acme Third-Quarter EPS Beats By $0.03",
        "Acme reported third-quarter EPS of -$0.12, better than the consensus estimate of -$0.15.",
        True,
    ),
    (
        "Acme Third-Quarter EPS Misses By $0.03",
        "Acme reported third-quarter EPS of -$0.12, compared with the consensus estimate of -$0.15, which it missed.",
        False,
    ),
    (
        "Acme Third-Quarter EPS Beats By $0.03",
        "Acme reported third-quarter EPS of -$0.15, below the consensus estimate of -$0.12.",
        False,
    ),
    (
        "Acme Revenue Up 20%",
        "Acme's revenue was $1.2 billion, compared with $1.0 billion a year earlier; it guides to $10-$12 million of costs.",
        True,
    ),
    (
        "Acme Net Income Up 20%",
        "Acme's net income was $1.2 million, compared with -$1.0 million a year earlier.",
        False,
    ),
]


@pytest.mark.parametrize(("headline", "story", "grounded"), SECOND_REVIEW_OF_NUMBERS)
def test_second_review_probes_of_the_number_readings(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


@pytest.mark.parametrize(
    ("headline", "story", "unsupported"),
    [
        # a word the story writes as two ("euro zone", "NYSE American") is the same name closed up
        ("Eurozone Economy Grows 0.3% in Q2", "The euro zone economy grew 0.3% in the second quarter.", []),
        ("Acme (NYSEAmerican: ACME) Prices Offering", "Acme Corp. (NYSE American: ACME) priced its offering.", []),
        ("Eurozone Economy Grows 0.3% in Q2", "The German economy grew 0.3% in the second quarter.", ["Eurozone"]),
    ],
)
def test_a_name_the_story_writes_as_two_words(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported


_QUARTER = (
    "Acme Robotics reported first quarter 2025 revenue of $12.4 million, up 20% from the first quarter of 2024. "
    "Its Phase 2 trial of RoboCare enrolled 3 patients in March."
)


@pytest.mark.parametrize(
    ("headline", "grounded"),
    [
        # a quarter's results told as the whole year's, over a story that names no year's accounts
        ("Acme Robotics Reports Full-Year 2025 Revenue of $12.4 Million", False),
        ("Acme Robotics Reports Q1 2025 Revenue of $12.4 Million", True),
        ("Acme Robotics Reports Fiscal Q1 2025 Revenue of $12.4 Million", True),
        # a trial's phase moved by one, its digit standing elsewhere in the story
        ("Acme Robotics Enrolls 3 Patients in Phase 3 RoboCare Trial", False),
        ("Acme Robotics Enrolls 3 Patients in Phase II RoboCare Trial", True),
        ("Acme Robotics Enrolls 3 Patients in Phase 2b RoboCare Trial", True),
    ],
)
def test_a_whole_year_or_a_phase_the_story_never_gives(headline: str, grounded: bool) -> None:
    assert check_grounding(headline, _QUARTER).grounded is grounded


@pytest.mark.parametrize(
    ("headline", "story", "grounded"),
    [
        # review probes: a year told in plain words, a plan for the year; a phase hyphenated, in words, a sub-phase
        (
            "Acme Reports Full-Year 2024 Results",
            "Acme reported results for the calendar year 2024: revenue of $50 million.",
            True,
        ),
        ("Acme Reports Record Full-Year Revenue", "Acme reported record revenue of $50 million in 2024.", True),
        ("Acme Raises Full-Year Sales, Profit Forecast", "Acme raised its sales and profit forecast for 2025.", True),
        ("Acme Initiates Phase 3 Trial", "Acme began a Phase-III trial after positive Phase II results over 3 years.", True),
        ("Acme Starts Phase 2 Drilling", "Acme completed the second phase of drilling. Phase 1 results came in May.", True),
        ("Acme Reports Phase 2b Data", "Acme's Phase 2a trial met its goal.", False),
    ],
)
def test_review_probes_of_whole_years_and_phases(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


def test_a_whole_year_or_a_phase_stands_where_the_story_gives_it() -> None:
    story = "Acme reported revenue for the year ended December 31, 2025 of $50 million. Its Phase 1/2 trial began."
    assert check_grounding("Acme Reports Full-Year 2025 Revenue of $50 Million", story).grounded
    assert check_grounding("Acme Starts Phase 2 Trial", story).grounded
    # a story that names no phase says nothing against one
    assert check_grounding("Acme Completes Phase 1 of Plan", "Acme completed the first step of its plan.").grounded


#: A wire's abbreviations are no names: "Govt", "Cenbank", "Bbl", "HQ", "Drugmaker".
WIRE_ABBREVIATIONS = [
    ("Japan Govt Bond Yields Rise to 1.1%", "TOKYO -- Japanese government bond yields rose to 1.1% on Monday."),
    ("Indonesia Cenbank Holds Rates at 6.25%", "JAKARTA -- Bank Indonesia kept its benchmark rate unchanged at 6.25%."),
    ("Brent Crude Tops $90/Bbl", "LONDON -- Brent crude rose above $90 a barrel on Friday."),
    ("Drugmaker Pelham Moves HQ to Boston", "Pelham Pharmaceuticals will move its headquarters to Boston."),
]


@pytest.mark.parametrize(("headline", "story"), WIRE_ABBREVIATIONS)
def test_a_wires_abbreviations_are_no_names(headline: str, story: str) -> None:
    assert check_grounding(headline, story).unsupported == []
