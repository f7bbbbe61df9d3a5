"""Numbers a claim asserts, read into a value and a unit.

Analysts compare claims by their numbers ("90,000 troops" against "100,000 troops"),
so each quantity becomes a float with a normalised unit: a currency code for money
("£65,000" -> 65000 GBP, "$5bn" -> 5e9 USD), ``percent``, ``fraction`` for "a third of"
(0.333), ``times`` for multiples ("twice as many" -> 2), ``ratio`` for votes ("an eight
to one majority" -> 8), a plural time unit ("15-year-old" -> 15 years), else the noun
counted ("nine law lords" -> "law lords") or ``count`` when none follows.

Numbers that name rather than count are skipped: years used as dates ("in 1989", "the
1990 level"), days of dates ("11 September"), ordinals, numbers inside names ("Radio 4",
"Number 10"), list numbering, the pronoun "one" and vague plurals ("thousands of").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Span, Token

from geodiscourse.core.rows import Quantity
from geodiscourse.dates.months import month_numbers
from geodiscourse.rules import read_yaml_mapping

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]{0,3})$", re.IGNORECASE)
_SLASH_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_NOUN_TAGS = frozenset({"NN", "NNS"})
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "NNP", "NNPS", "VBN"})
_RANGE_JOINERS = frozenset({"-", "–", "to", "and", "or"})
#: Units a hyphenated pair of numbers can share as a range ("10-15%").
_RANGE_UNITS = frozenset({"percent", "percentage points", "years", "months", "weeks", "days", "hours"})


@dataclass(frozen=True)
class NumberLexicon:
    """The word lists of ``rules/claims/quantity_units.yaml``."""

    units: dict[str, float]
    tens: dict[str, float]
    scales: dict[str, float]
    suffix_multipliers: dict[str, float]
    denominators: dict[str, float]
    multiples: dict[str, float]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    time_units: dict[str, str]
    ratio_nouns: frozenset[str]
    months: frozenset[str]
    name_entity_types: frozenset[str]
    one_idioms: frozenset[str]

    def is_number_word(self, word: str) -> bool:
        return word in self.units or word in self.tens or word in self.scales

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The lower-cased words a quantity written in words can start with ("twice",
        "half", "a third", "two hundred"); one written in digits or a currency symbol
        starts with those instead. Any other token starts no quantity."""
        return frozenset({*self.multiples, *self.units, *self.tens, "half", "a", "an"})

    def may_start(self, token: Token, word: str) -> bool:
        return word in self.first_words or token.text[:1].isdigit() or token.text in self.currency_symbols


@lru_cache(maxsize=1)
def number_lexicon() -> NumberLexicon:
    name = "claims/quantity_units.yaml"
    data = read_yaml_mapping(name)
    try:
        return NumberLexicon(
            units={str(k).lower(): float(v) for k, v in data["units"].items()},
            tens={str(k).lower(): float(v) for k, v in data["tens"].items()},
            scales={str(k).lower(): float(v) for k, v in data["scales"].items()},
            suffix_multipliers={str(k).lower(): float(v) for k, v in data["suffix_multipliers"].items()},
            denominators={str(k).lower(): float(v) for k, v in data["denominators"].items()},
            multiples={str(k).lower(): float(v) for k, v in data["multiples"].items()},
            currency_symbols={str(k): str(v) for k, v in data["currency_symbols"].items()},
            currency_words={str(k).lower(): str(v) for k, v in data["currency_words"].items()},
            time_units={str(k).lower(): str(v) for k, v in data["time_units"].items()},
            ratio_nouns=frozenset(str(v).lower() for v in data["ratio_nouns"]),
            months=frozenset(month_numbers()),
            name_entity_types=frozenset(str(v) for v in data["name_entity_types"]),
            one_idioms=frozenset(str(v).lower() for v in data["one_idioms"]),
        )
    except (KeyError, AttributeError, TypeError, ValueError) as err:
        raise RuntimeError(
            f"geodiscourse/rules/{name} is malformed ({err!r}): compare it with its header"
        ) from err


@dataclass(frozen=True)
class _Number:
    value: float
    first: int  # index into the token list
    end: int  # exclusive
    digits: bool  # written with digits
    plain_year_shape: bool  # four digits, no comma, decimal or multiplier


def _read_digits(tokens: list[Token], i: int, lex: NumberLexicon) -> _Number | None:
    match = _DIGITS.match(tokens[i].text)
    if match is None:
        slash = _SLASH_FRACTION.match(tokens[i].text)
        if slash and int(slash.group(2)) != 0:
            return _Number(round(int(slash.group(1)) / int(slash.group(2)), 3), i, i + 1, True, False)
        return None
    whole, decimals, suffix = match.groups()
    if suffix and suffix.lower() not in lex.suffix_multipliers:
        return None  # "11th", "1990s", "10am"
    value = float(whole.replace(",", "") + (decimals or ""))
    plain = len(whole) == 4 and not decimals and not suffix
    last = 1.0
    if suffix:
        last = lex.suffix_multipliers[suffix.lower()]
        value *= last
    end = i + 1
    while end < len(tokens):
        word = tokens[end].lower_
        if word in lex.scales and word != "dozen":
            factor = lex.scales[word]
        elif word in lex.suffix_multipliers and not suffix:
            factor = lex.suffix_multipliers[word]
        else:
            break
        if factor <= last:
            break  # scale words only rise ("5 hundred thousand"); "5 bn bn" is one billion and noise
        value, last = value * factor, factor
        plain, end = False, end + 1
    return _Number(value, i, end, True, plain)


def _joins(before: str, word: str, after: str, lex: NumberLexicon) -> bool:
    """'twenty-five' and 'hundred and fifty' are one number; 'five-four' is two."""
    if word == "-":
        return before in lex.tens and after in lex.units
    return word == "and" and before in lex.scales and (after in lex.units or after in lex.tens)


def _read_words(tokens: list[Token], i: int, lex: NumberLexicon) -> _Number | None:
    """'two hundred and fifty thousand', 'twenty-five', 'a million', 'nine'."""
    total = current = 0.0
    end = i
    seen = False
    if tokens[i].lower_ in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1].lower_ in lex.scales:
        current, end, seen = 1.0, i + 1, True
    while end < len(tokens):
        word = tokens[end].lower_
        if word in lex.units or word in lex.tens:
            current += lex.units.get(word, 0.0) + lex.tens.get(word, 0.0)
        elif word in lex.scales and seen:
            scale = lex.scales[word]
            if scale >= 1000:
                total, current = total + current * scale, 0.0
            else:
                current *= scale
        elif (
            seen
            and end + 1 < len(tokens)
            and _joins(tokens[end - 1].lower_, word, tokens[end + 1].lower_, lex)
        ):
            end += 1
            continue
        else:
            break
        seen, end = True, end + 1
    if not seen:
        return None
    return _Number(total + current, i, end, False, False)


def _is_named(token: Token, lex: NumberLexicon) -> bool:
    """Part of a name: 'Radio 4', 'Number 10', 'Resolution 1441'."""
    if token.ent_type_ in lex.name_entity_types:
        return True
    prev = token.nbor(-1) if token.i > token.sent.start else None
    return (
        prev is not None
        and (prev.tag_ in ("NNP", "NNPS") or (prev.pos_ == "NOUN" and prev.i > token.sent.start))
        and prev.is_title
        and prev.lower_ not in lex.months
        and token.like_num
        and token.text[0].isdigit()
    )


def _is_list_number(tokens: list[Token], number: _Number) -> bool:
    token = tokens[number.first]
    start = token.sent.start
    at_start = token.i == start or (token.i == start + 1 and token.nbor(-1).text in ("-", "•", "*", "["))
    after = tokens[number.end].text if number.end < len(tokens) else ""
    return (at_start and after in (".", ")", "]")) or (token.i > 0 and token.nbor(-1).text == "[")


def _is_day_of_date(tokens: list[Token], number: _Number, lex: NumberLexicon) -> bool:
    if not number.digits or number.value > 31 or number.value != int(number.value):
        return False
    near = [tokens[j].lower_ for j in (number.first - 1, number.end) if 0 <= j < len(tokens)]
    return any(word in lex.months for word in near)


def _noun_run(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """The counted noun after a number: skip up to two modifiers, take the nouns."""
    k = j
    while k < len(tokens) and k - j < 2 and tokens[k].tag_ in _MODIFIER_TAGS:
        k += 1
    start = k
    while k < len(tokens) and tokens[k].tag_ in _NOUN_TAGS:
        k += 1
    if k == start:
        return None
    return " ".join(t.lower_ for t in tokens[start:k]), k


def _unit(tokens: list[Token], number: _Number, lex: NumberLexicon) -> tuple[str, int] | None:
    """The unit after a number and the index past it; None when the number is no quantity."""
    j = number.end
    word = tokens[j].lower_ if j < len(tokens) else ""
    nxt = tokens[j + 1].lower_ if j + 1 < len(tokens) else ""
    if word in ("%", "percent", "pc") or (word == "per" and nxt == "cent"):
        return "percent", j + (2 if word == "per" else 1)
    if word == "percentage" and nxt in ("point", "points"):
        return "percentage points", j + 2
    if word in lex.currency_words:
        return lex.currency_words[word], j + 1
    if word in ("times", "fold"):
        return "times", j + 1
    if word == "-" and nxt:
        j, word = j + 1, nxt
    if word in lex.time_units:
        end = j + 1
        while end + 1 < len(tokens) and tokens[end].text == "-" and tokens[end + 1].lower_ == "old":
            end += 2
        return lex.time_units[word], end
    if word == "of":
        k = j + 1
        while k < len(tokens) and tokens[k].tag_ in ("DT", "PRP$", "POS"):
            k += 1
        run = _noun_run(tokens, k)
        if run is not None:
            return run
    run = _noun_run(tokens, j)
    return run if run is not None else ("count", number.end)


def _fraction(tokens: list[Token], i: int, lex: NumberLexicon) -> tuple[float, int] | None:
    """'a third of', 'two-thirds', 'one-half', 'half of': value and end index."""
    word = tokens[i].lower_
    if word == "half" and i + 1 < len(tokens) and tokens[i + 1].lower_ in ("of", "the", "a", "an"):
        before = tokens[i - 1] if i > 0 else None
        if before is None or before.tag_ not in ("JJ", "DT") or before.lower_ in ("a", "an"):
            return 0.5, i + 1
    count: float | None = None
    if word in ("a", "an"):
        count = 1.0
    elif word in lex.units:
        count = lex.units[word]
    if count is None or i + 1 >= len(tokens):
        return None
    j = i + 1
    hyphen = tokens[j].text == "-"
    if hyphen:
        j += 1
    if j >= len(tokens) or tokens[j].lower_ not in lex.denominators:
        return None
    denominator = tokens[j].lower_
    plural = denominator.endswith("s") and denominator not in ("halves",)
    followed_by_of = j + 1 < len(tokens) and tokens[j + 1].lower_ == "of"
    if not (followed_by_of or plural or (hyphen and count == 1.0 and word != "a")):
        return None
    return round(count / lex.denominators[denominator], 3), j + 1


def _ratio(tokens: list[Token], number: _Number, lex: NumberLexicon) -> tuple[float, int] | None:
    """'eight to one majority' -> 8.0 and the end index."""
    j = number.end
    if j + 2 >= len(tokens) or tokens[j].lower_ not in ("to", "-"):
        return None
    second = _read_digits(tokens, j + 1, lex) or _read_words(tokens, j + 1, lex)
    if second is None or second.value == 0 or second.end >= len(tokens):
        return None
    if tokens[second.end].lower_ not in lex.ratio_nouns:
        return None
    return number.value / second.value, second.end + 1


def _quantity(tokens: list[Token], first: int, end: int, value: float, unit: str) -> Quantity:
    text = tokens[0].doc[tokens[first].i : tokens[end - 1].i + 1].text
    return Quantity(value=float(value), unit=unit, text=text)


def _match_at(tokens: list[Token], i: int, lex: NumberLexicon) -> tuple[Quantity, int] | None:
    token = tokens[i]
    word = token.lower_
    if word in lex.multiples:
        return _quantity(tokens, i, i + 1, lex.multiples[word], "times"), i + 1
    fraction = _fraction(tokens, i, lex)
    if fraction is not None:
        return _quantity(tokens, i, fraction[1], fraction[0], "fraction"), fraction[1]
    currency = None
    start = i
    if token.text in lex.currency_symbols and i + 1 < len(tokens):
        currency, i = lex.currency_symbols[token.text], i + 1
        if token.text == "$" and start > 0 and tokens[start - 1].text == "US":
            start -= 1
    number = _read_digits(tokens, i, lex) or _read_words(tokens, i, lex)
    if number is None or _is_named(tokens[i], lex) or _is_list_number(tokens, number):
        return None
    if tokens[i].ent_type_ == "TIME" or (
        number.end < len(tokens) and tokens[number.end].lower_ in ("am", "pm", "a.m.", "p.m.", "gmt", "bst")
    ):
        return None  # a clock time
    if _is_day_of_date(tokens, number, lex):
        return None
    ratio = _ratio(tokens, number, lex)
    if ratio is not None:
        return _quantity(tokens, start, ratio[1], ratio[0], "ratio"), ratio[1]
    if currency is not None:
        return _quantity(tokens, start, number.end, number.value, currency), number.end
    unit_end = _unit(tokens, number, lex)
    if unit_end is None:
        return None
    unit, end = unit_end
    if (
        end > number.end
        and tokens[end - 1].ent_type_ in lex.name_entity_types
        and tokens[end - 1].pos_ == "PROPN"
    ):
        return None  # part of a name: "Six Nations", "Group of Eight"
    if number.plain_year_shape and 1000 <= number.value <= 2100 and not _counts_plural(tokens, number, unit):
        return None  # a year used as a date
    if not number.digits and number.end - number.first == 1 and word == "one":
        after = tokens[number.end].lower_ if number.end < len(tokens) else ""
        if not _is_measure(unit, lex) or after in lex.one_idioms:
            return None  # "one of its scientists", "one core element", "at one point": picks one out
    if (
        number.end + 1 < len(tokens)
        and tokens[number.end].text == "-"
        and _is_ordinal(tokens[number.end + 1])
    ):
        return None  # "twenty-first-century"
    return _quantity(tokens, start, end, number.value, unit), end


def _is_measure(unit: str, lex: NumberLexicon) -> bool:
    """Units that make "one" a measurement ("one per cent", "one year") rather than a pick."""
    return (
        unit in ("percent", "percentage points", "times", "ratio", "fraction")
        or unit in lex.currency_symbols.values()
        or unit in lex.currency_words.values()
        or unit in lex.time_units.values()
    )


def _is_ordinal(token: Token) -> bool:
    word = token.lower_
    return word in ("first", "second", "third") or (word.endswith("th") and token.tag_ in ("JJ", "NN"))


def _counts_plural(tokens: list[Token], number: _Number, unit: str) -> bool:
    """'1500 troops' counts; '1990 greenhouse gas level' and 'in 1989' are dates."""
    if unit in ("percent", "percentage points", "times", "fraction"):
        return True
    return number.end < len(tokens) and tokens[number.end].tag_ == "NNS" and unit not in ("count",)


def _share_units(found: list[tuple[Quantity, int, int]], tokens: list[Token]) -> list[Quantity]:
    """A bare number in a range takes the unit of its partner ('5 to 10 troops'); two
    bare numbers joined by a hyphen are a score or a unitless range ('6-3'): dropped."""
    out: list[Quantity | None] = [q for q, _, _ in found]
    for k in range(len(found) - 1):
        (q, _, end), (nxt, start, _) = found[k], found[k + 1]
        between = [t.lower_ for t in tokens[end:start]]
        if q["unit"] != "count" or len(between) != 1 or between[0] not in _RANGE_JOINERS:
            continue
        score = (
            between[0] in ("-", "–") and not tokens[end - 1].whitespace_ and not tokens[start - 1].whitespace_
        )
        if score and nxt["unit"] not in _RANGE_UNITS:
            out[k] = out[k + 1] = None  # "a 6-3 win", "a 2-1 lead": a score, not two counts
        else:
            out[k] = Quantity(value=q["value"], unit=nxt["unit"], text=q["text"])
    return [q for q in out if q is not None]


def extract_quantities(span: Span, *, prefilter: bool = True) -> list[Quantity]:
    """Every quantity asserted in ``span``, in text order.

    Only a token that may start a quantity (``NumberLexicon.may_start``) is tried:
    ``prefilter=False`` tries every token, for the test that the two agree."""
    lex = number_lexicon()
    tokens = list(span)
    found: list[tuple[Quantity, int, int]] = []
    i = 0
    while i < len(tokens):
        word = tokens[i].lower_
        if word in ("hundreds", "thousands", "millions", "billions", "dozens", "tens"):
            i += 1  # vague magnitudes are no asserted number
            continue
        if prefilter and not lex.may_start(tokens[i], word):
            i += 1
            continue
        matched = _match_at(tokens, i, lex)
        if matched is None:
            i += 1
            continue
        quantity, end = matched
        found.append((quantity, i, end))
        i = max(end, i + 1)
    return _share_units(found, tokens)
