"""A measure's unit is part of its value: "1,500 Hectares" over a story's "1,500 acres" is another area.

The number check finds the headline's digits in the story and passes them; the unit after them is an English word
the name check leaves alone. So a number written with a unit of measure (area, length, mass, volume, power,
energy) is unsupported when the story writes the same number with another unit of the same kind and never gives
the headline's quantity in any unit; a quantity the story gives in another unit is supported ("607 Hectares"
over "1,500 acres" is the same area, "0.2 GW" over "200 MW" the same power). A story that writes the number
without a unit, or only with units of other kinds, says nothing here.

Units of one letter ("5m", "3t") are left out: "m" is as often a million as a metre.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from worker.faithfulness.facts import numbers_in

__all__ = ["measures_read"]

#: Each unit: its kind, its size in the kind's base unit, and its written forms (regex, in any case).
_UNITS: tuple[tuple[str, str, float, str], ...] = (
    ("area", "acre", 4046.86, r"acres?(?![\s-]f(?:ee|oo)t)"),
    ("area", "hectare", 10_000.0, r"hectares?|ha"),
    ("area", "square foot", 0.092903, r"square[\s-]f(?:ee|oo)t|sq\.?\s?ft\.?|sf"),
    ("area", "square metre", 1.0, r"square[\s-]met(?:er|re)s?|sq\.?\s?m|sqm|m2|m²"),
    ("area", "square mile", 2.59e6, r"square[\s-]miles?|sq\.?\s?mi"),
    ("area", "square kilometre", 1e6, r"square[\s-]kilomet(?:er|re)s?|sq\.?\s?km|km2|km²"),
    ("length", "mile", 1609.34, r"miles?"),
    ("length", "kilometre", 1000.0, r"kilomet(?:er|re)s?|km"),
    ("length", "metre", 1.0, r"met(?:er|re)s?"),
    ("length", "foot", 0.3048, r"feet|foot|ft"),
    ("length", "yard", 0.9144, r"yards?|yds?"),
    ("mass", "tonne", 1000.0, r"(?:metric\s+)?(?:tonnes?|tons?)|mt"),
    ("mass", "pound", 0.4536, r"pounds?|lbs?"),
    ("mass", "kilogram", 1.0, r"kilograms?|kilos?|kg"),
    ("mass", "ounce", 0.0311, r"(?:troy\s+)?ounces?|oz"),
    ("volume", "barrel", 159.0, r"barrels?|bbls?|boe"),
    ("volume", "gallon", 3.785, r"gallons?|gal"),
    ("volume", "litre", 1.0, r"lit(?:er|re)s?"),
    ("power", "kilowatt", 1e3, r"kilowatts?|kW"),
    ("power", "megawatt", 1e6, r"megawatts?|MW"),
    ("power", "gigawatt", 1e9, r"gigawatts?|GW"),
    ("energy", "kilowatt-hour", 1e3, r"kilowatt[\s-]hours?|kWh"),
    ("energy", "megawatt-hour", 1e6, r"megawatt[\s-]hours?|MWh"),
    ("energy", "gigawatt-hour", 1e9, r"gigawatt[\s-]hours?|GWh"),
    ("energy", "terawatt-hour", 1e12, r"terawatt[\s-]hours?|TWh"),
)
#: Longest forms first, so that "MWh" is not read as "MW" and "square feet" not as "feet".
_UNIT_AFTER = re.compile(
    r"\s?-?\s?(?:"
    + "|".join(f"(?P<u{i}>{forms})" for i, (_, _, _, forms) in sorted(enumerate(_UNITS), key=lambda u: -len(u[1][3])))
    + r")(?![\w²])",
    re.IGNORECASE,
)
#: How far a conversion may round: "607 hectares" for 1,500 acres (1,499.9), "2 Miles" for 3.2 km.
_CONVERTED = 0.05


def _rounded_to(headline: float, story: float) -> bool:
    """``headline`` is ``story`` rounded at the headline's last significant digit, by 2% at most."""
    digits = f"{headline:.6f}".rstrip("0").rstrip(".")
    if "." in digits:
        unit = 10.0 ** -len(digits.split(".")[1])
    else:
        unit = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    return abs(headline - story) <= unit / 2 and abs(headline - story) <= 0.02 * abs(story)


class _Measure(NamedTuple):
    span: tuple[int, int]  # the number and its unit
    value: float  # the number as written
    kind: str  # "area", "length", ...
    unit: str  # "acre", "megawatt", ...
    quantity: float  # in the kind's base unit
    unit_at: int  # where the unit starts


def _measures(text: str) -> list[_Measure]:
    """Each number of ``text`` written with a unit of measure."""
    out = []
    for span, number in numbers_in(text, number_words=False):
        if number.kind != "amount" or number.currency is not None:
            continue
        m = _UNIT_AFTER.match(text, span[1])
        if m is None:
            continue
        kind, unit, size, _ = _UNITS[int(next(name for name, value in m.groupdict().items() if value)[1:])]
        out.append(_Measure((span[0], m.end()), number.value, kind, unit, number.value * size, span[1]))
    return out


def _related(kind: str, other: str) -> bool:
    """Kinds a headline may take for each other: the same, or power and energy ("400 MW" for a "400 MWh" battery)."""
    return kind == other or {kind, other} == {"power", "energy"}


def measures_read(headline: str, story: str) -> list[tuple[tuple[int, int], bool]]:
    """The measures of ``headline`` a unit decides (their spans: number and unit), and whether the story supports them;
    and the unit alone, supported, of a measure the story writes in the same unit.

    Supported: the story gives the quantity in another unit ("19 km" for its "12 miles"), which the number check,
    reading digits, would not find. Unsupported: the story writes the headline's number with another unit of the
    same kind (or power for energy, energy for power) and never gives the quantity. Any other measure is left to the number check.
    """
    measures = _measures(headline)
    if not measures:
        return []  # most headlines: no need to read the story's numbers again
    told = _measures(story)
    out = []
    for span, value, kind, unit, quantity, unit_at in measures:
        same_kind = [t for t in told if t.kind == kind]
        if any(t.unit == unit and math.isclose(t.value, value, rel_tol=1e-9) for t in same_kind):
            # As the story writes it (in any of the unit's forms, "7.2 MW" for "7.2 megawatt"): the number is the
            # number check's to read, with its rounding; the unit is supported, not a name ("MW", "SF").
            out.append(((unit_at, span[1]), True))
            continue
        # A conversion rounds by up to 5%; the same unit only as a headline rounds, at its last significant digit and
        # by 2% at most ("765,000 SF" for 765,190 square feet, "1,500 Acres" for 1,480; "7.5 MW" is not 7.2 MW).
        if any(
            math.isclose(t.quantity, quantity, rel_tol=_CONVERTED) if t.unit != unit else _rounded_to(value, t.value)
            for t in same_kind
        ):
            out.append((span, True))
        elif any(math.isclose(t.value, value, rel_tol=1e-9) and _related(t.kind, kind) for t in told):
            out.append((span, False))
    return out
