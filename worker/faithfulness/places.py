"""A place's other names: a headline's "Swedish" for a story's "Sweden", "GA" for "Georgia".

Headlines shorten what stories write out, so a place named one way in the headline and another in
the story is the same fact. Only these spellings count: a demonym never stands for a company
("Canadian Solar") unless the story names the country.
"""

from __future__ import annotations

__all__ = ["PLACE_WORDS", "STATE_CODES", "STATE_NAMES", "other_names"]

#: Country or region (or state), then its adjectives and short forms (AP's "Calif.", "Tenn."), each group one place. Not America: nearly every story
#: says "U.S." somewhere, so "American" would pass for any name swapped into a headline. Not the forms that are as
#: often surnames ("English", "Holland", "Welsh"): "Mark English" is no place. "French" and "Irish" are, since wire
#: headlines write them for stories of France and Ireland ("French bank", "Irish back taxes"), and a surname the
#: story writes is found as written anyway.
_PLACES = """
canada canadian canadians
china chinese prc
germany german
spain spanish spaniards
sweden swedish swedes
france french
ireland irish
britain british uk united-kingdom
japan japanese
india indian indians
italy italian italians
netherlands dutch
switzerland swiss
australia australian australians
mexico mexican mexicans
brazil brazilian brazilians
korea korean koreans
russia russian russians
israel israeli israelis
norway norwegian
denmark danish
finland finnish
europe european europeans eu
asia asian asians
africa african africans
texas texan texans
florida floridian floridians fla
california calif
tennessee tenn
arizona ariz
colorado colo
connecticut conn
oklahoma okla
minnesota minn
wisconsin wis
michigan mich
hong-kong hk
turkey turkish turkiye
poland polish
greece greek
thailand thai
vietnam vietnamese
philippines filipino philippine
singapore singaporean
nigeria nigerian
egypt egyptian
argentina argentine argentinian
chile chilean
colombia colombian
austria austrian
belgium belgian
portugal portuguese
hungary hungarian
ukraine ukrainian ukrainians
indonesia indonesian
malaysia malaysian
pakistan pakistani
taiwan taiwanese
vietnam vietnamese
scotland scottish
iceland icelandic
latin-america latin-american latam
middle-east middle-eastern
arabia saudi
"""

#: A US state's postal code and its name ("Macon County, GA"); the code is matched only as written, in capitals.
_STATES = dict(
    zip(
        "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR "
        "PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split(),
        "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois "
        "indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri "
        "montana nebraska nevada new_hampshire new_jersey new_mexico new_york north_carolina north_dakota ohio oklahoma "
        "oregon pennsylvania rhode_island south_carolina south_dakota tennessee texas utah vermont virginia washington "
        "west_virginia wisconsin wyoming district_of_columbia".split(),
        strict=True,
    )
)

#: The states' names, lower case, words joined by "_", and their postal codes.
STATE_NAMES = tuple(_STATES.values())
STATE_CODES = tuple(_STATES)

#: The last word of each country's, region's and state's name, lower case: where a possessive of a place ends
#: ("Canada's", "New York's"), whose superlative ranks a company among others ("Canada's largest lender").
PLACE_WORDS = frozenset(
    [line.split()[0].replace("-", " ").split()[-1] for line in _PLACES.strip().splitlines()]
    + [name.split("_")[-1] for name in STATE_NAMES]
    + "uk us usa eu uae emirates ireland zealand africa".split()
)

_GROUPS: dict[str, tuple[str, ...]] = {}
for _line in _PLACES.strip().splitlines():
    _names = tuple(n.replace("-", " ") for n in _line.split())
    for _name in _names:
        _GROUPS[_name] = tuple(dict.fromkeys(_GROUPS.get(_name, ()) + tuple(n for n in _names if n != _name)))


def other_names(word: str) -> tuple[str, ...]:
    """The other ways a story may write the place ``word`` names (lower case; some are two words), or ()."""
    if word.isupper() and word in _STATES:
        return (_STATES[word].replace("_", " "),)
    return _GROUPS.get(word.lower(), ())
