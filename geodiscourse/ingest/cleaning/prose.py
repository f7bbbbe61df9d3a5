"""Prose or page furniture: every paragraph judged by its shape, on any site.

A list of patterns per site cannot keep up with the open web, but furniture has a shape
that prose does not, which is what jusText's paragraph classifier (Pomikálek 2011)
exploits: prose is made of sentences, held together by function words and finished by
sentence punctuation; captions, credits, headings of related links, advertising teasers,
player controls and menu entries are short runs of capitalised words, names or numbers.
The test here works on plain text (no markup, no link density) with three classes:

- **prose**: ends like a sentence, or is long and has function words;
- **label**: short, not a list item, and its words are mostly capitalised or not words
  at all ("Hillary Clinton", "Top Content in the Last 2 Days", "01:19", "H D");
- **unsure**: anything else (a lower-case fragment, a list item, a long unpunctuated line).

Context decides the rest, as in jusText: labels go wherever they stand; after the last
prose paragraph (the page tail: related links, sign-offs, widgets) everything that is
not prose goes; before the first, the head keeps only what could be a standfirst.
Precision comes first: a paragraph that ends like a sentence is never removed here, and
neither is a list item inside the body. Thresholds live in rules/ingest/prose.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from geodiscourse.ingest.language import english_function_words
from geodiscourse.rules import read_yaml_mapping

PROSE_RULES_FILE = "ingest/prose.yaml"
_TOKEN = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]")
# A paragraph ends like a sentence: final punctuation, possibly inside closing quotes
# or brackets, or an ellipsis ("... and then he left…").
_SENTENCE_END = re.compile(r"(?:[.!?:;…。！？：；]|\.\.\.)[\"”’')\]」』）]*$")
_LIST_ITEM = re.compile(r"(?:[•·▪◦●■□✓✔☑➤►*>-]|\(?\d{1,3}[.)]|\[\d{1,3}\]|\d{1,3}(?=\s+[^\W\d]))\s+\S")
_CONTINUATION_END = frozenset(",—–-([")
_INTRODUCING_END = frozenset(",:;")
#: A paragraph this long that ends in a letter stopped mid-sentence ("... i.e. like an").
_OPEN_END_MIN_WORDS = 8
_URL = re.compile(r"(?:https?://|www\.)\S+$")
_SIGNATURE_START = frozenset("—–")
#: Words that title case leaves in lower case ("Where to Eat and Drink in Houston").
_TITLE_CASE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "or",
        "nor",
        "for",
        "so",
        "yet",
        "at",
        "by",
        "in",
        "of",
        "on",
        "to",
        "up",
        "as",
        "from",
        "with",
        "into",
        "onto",
        "over",
        "vs",
        "v",
    ]
)
_EDGE_PUNCT = "\"'“”‘’()[]{}«»,.;:!?—–-*#@|/"


@dataclass(frozen=True)
class ProseRules:
    label_max_words: int
    label_max_lower_share: float
    long_unpunctuated_min_words: int
    long_min_function_share: float
    head_keep_min_words: int
    body_list_min_run: int
    table_row_max_words: int
    standfirst_min_words: int
    fragment_max_words: int
    teaser_min_words: int


@lru_cache(maxsize=1)
def prose_rules() -> ProseRules:
    data = read_yaml_mapping(PROSE_RULES_FILE)
    return ProseRules(
        label_max_words=int(data["label_max_words"]),
        label_max_lower_share=float(data["label_max_lower_share"]),
        long_unpunctuated_min_words=int(data["long_unpunctuated_min_words"]),
        long_min_function_share=float(data["long_min_function_share"]),
        head_keep_min_words=int(data["head_keep_min_words"]),
        body_list_min_run=int(data["body_list_min_run"]),
        standfirst_min_words=int(data["standfirst_min_words"]),
        table_row_max_words=int(data["table_row_max_words"]),
        fragment_max_words=int(data["fragment_max_words"]),
        teaser_min_words=int(data["teaser_min_words"]),
    )


@dataclass(frozen=True)
class ParagraphShape:
    """What the classes are decided from."""

    words: int
    #: words that have letters and start with a lower-case one ("said", "iPhone"), leaving
    #: out the small words that title case does not capitalise
    lower_words: int
    #: words that have letters, leaving out those small words
    letter_words: int
    function_words: int
    ends_sentence: bool
    #: ends with a comma, a dash or an opening bracket: the sentence goes on below
    continues: bool
    #: ends with a colon or comma, or a long paragraph stops mid-sentence: what follows
    #: belongs to it (a list after "On Tuesday,", an italic phrase the page split off)
    introduces: bool
    #: ends with "!" or "?", possibly inside closing quotes
    exclaims_or_asks: bool
    #: commas and semicolons: items of a list ("Cech, Ferreira, Carvalho, Terry")
    list_separators: int
    #: words written Capitalised (an upper-case letter, then lower case: not "TRUMP")
    capitalised_words: int
    #: nothing but links: an embedded post or video the page lost ("https://twitter.com/...")
    only_urls: bool
    #: starts with a dash: the signature of the quotation or post above ("— Name (@handle) date")
    signature: bool
    list_item: bool

    @property
    def lower_share(self) -> float:
        return self.lower_words / self.letter_words if self.letter_words else 0.0

    @property
    def function_share(self) -> float:
        return self.function_words / self.words if self.words else 0.0


def paragraph_shape(paragraph: str) -> ParagraphShape:
    tokens = _TOKEN.findall(paragraph)
    function_words = english_function_words()
    letter_words = lower_words = functional = capitalised = 0
    for token in tokens:
        word = token.strip(_EDGE_PUNCT)
        if not word or not _LETTERS.search(word):
            continue
        folded = word.casefold()
        functional += folded in function_words
        if folded in _TITLE_CASE_SMALL_WORDS:
            continue  # title case leaves them lower case: they tell nothing of the case
        letter_words += 1
        lower_words += word[0].islower()
        capitalised += word[0].isupper() and any(ch.islower() for ch in word[1:])
    text = paragraph.strip()
    return ParagraphShape(
        words=len(tokens),
        lower_words=lower_words,
        letter_words=letter_words,
        function_words=functional,
        ends_sentence=_SENTENCE_END.search(text) is not None,
        continues=text[-1:] in _CONTINUATION_END,
        introduces=text[-1:] in _INTRODUCING_END
        or (
            len(tokens) >= _OPEN_END_MIN_WORDS
            and text[-1:].isalpha()
            and lower_words > letter_words / 2  # a sentence's words, not a headline's
        ),
        signature=text[:1] in _SIGNATURE_START,
        only_urls=bool(tokens) and all(_URL.match(t) for t in tokens),
        capitalised_words=capitalised,
        list_separators=paragraph.count(",") + paragraph.count(";"),
        exclaims_or_asks=text.rstrip("\"”’')").endswith(("!", "?")),
        list_item=_LIST_ITEM.match(paragraph) is not None,
    )


def is_prose(shape: ParagraphShape) -> bool:
    """Sentences: a paragraph that ends like one, or a long one held together by
    function words (an embedded post without a final full stop)."""
    rules = prose_rules()
    if shape.ends_sentence and (shape.letter_words or shape.function_words):
        return not is_teaser(shape)
    return (
        shape.words >= rules.long_unpunctuated_min_words
        and shape.function_share >= rules.long_min_function_share
        and shape.lower_share > rules.label_max_lower_share  # not a title-case headline
    )


def is_teaser(shape: ParagraphShape) -> bool:
    """A headline in title case that ends with "!" or "?" ("Watch This Breakthrough Tech
    Soar This Year!"): every word capitalised, not shouted in capitals, long enough not to
    be a name. Prose never capitalises every word; advertising teasers do (a full stop is
    left out: lists of names end with one, "Subs Not Used: Eboue, Taylor.")."""
    rules = prose_rules()
    return (
        shape.exclaims_or_asks
        and not shape.list_item
        and shape.letter_words >= rules.teaser_min_words
        and shape.lower_words == 0
        and shape.capitalised_words * 2 > shape.letter_words  # title case, not capitals
        and shape.words <= rules.label_max_words
        and shape.list_separators < 2  # "Kenny, Geary, Morgan, Bromby, ...": a list of names
    )


def is_label(shape: ParagraphShape) -> bool:
    """A caption, credit, teaser headline, menu entry or counter: short, not a sentence,
    not a list item, and mostly capitalised words or no words at all."""
    rules = prose_rules()
    if is_teaser(shape):
        return True
    if is_prose(shape) or shape.list_item or shape.continues or shape.signature:
        return False
    if shape.only_urls:
        return True
    if shape.words <= rules.fragment_max_words and shape.function_words == 0:
        return True  # "tracking", "Mute", a user name: a word or two and no sentence
    if shape.words > rules.label_max_words:
        return False
    return shape.lower_share <= rules.label_max_lower_share


def _is_standfirst(shape: ParagraphShape, index: int, first_prose: int) -> bool:
    """The heading right above the first sentence ("The Persistence of Maximalist Goals
    in Russia's Foreign Policy" under a byline): a phrase with function words, not a
    counter, a menu entry or a name."""
    rules = prose_rules()
    return (
        index == first_prose - 1
        and shape.words >= rules.standfirst_min_words
        and shape.function_words > 0
        and not shape.only_urls
    )


def _run_bounds(flags: list[bool]) -> list[tuple[int, int]]:
    """[start, end) of each run of consecutive flagged paragraphs."""
    bounds: list[tuple[int, int]] = []
    i = 0
    while i < len(flags):
        if flags[i]:
            j = i
            while j < len(flags) and flags[j]:
                j += 1
            bounds.append((i, j))
            i = j
        else:
            i += 1
    return bounds


def _in_long_runs(
    flags: list[bool], min_run: int, accept: Callable[[int, int], bool] | None = None
) -> list[bool]:
    """Which paragraphs stand in a run of at least min_run flagged ones (that ``accept``
    takes, given the run's [start, end))."""
    inside = [False] * len(flags)
    for start, end in _run_bounds(flags):
        if end - start >= min_run and (accept is None or accept(start, end)):
            inside[start:end] = [True] * (end - start)
    return inside


def keep_prose(paragraphs: list[str]) -> list[str]:
    """The paragraphs without labels, without anything but prose after the last prose
    paragraph, and without short non-prose paragraphs before the first.

    What reads as the article's own table or list stays: a run of labels in the body
    (fixtures, a cast list), a run of list items after the last sentence (a ranking),
    and whatever follows a paragraph that introduces it ("On Tuesday," + a list of
    clubs). A text with no prose paragraph at all comes back empty: a page of furniture
    ("You may also like / Leave a Comment") is no article.
    """
    shapes = [paragraph_shape(p) for p in paragraphs]
    prose = [is_prose(s) for s in shapes]
    if not any(prose):
        return []
    first, last = prose.index(True), len(prose) - 1 - prose[::-1].index(True)
    rules = prose_rules()
    labels = [is_label(s) for s in shapes]

    def is_table(start: int, end: int) -> bool:
        # a table's rows are short (fixtures, a ranking); a run of teaser headlines or
        # bare links is a strip of the page
        rows = sorted(shapes[k].words for k in range(start, end))
        return rows[len(rows) // 2] <= rules.table_row_max_words and not all(
            shapes[k].only_urls for k in range(start, end)
        )

    in_table = _in_long_runs(labels, rules.body_list_min_run, is_table)
    in_list = _in_long_runs([s.list_item for s in shapes], rules.body_list_min_run)
    kept: list[str] = []
    introduced = False
    for i, (paragraph, shape) in enumerate(zip(paragraphs, shapes, strict=True)):
        follows_intro = introduced
        # a list goes on below its introduction until the next sentence
        introduced = shape.introduces or (follows_intro and not prose[i])
        if not (follows_intro and i > first and not prose[i]):
            standfirst = i < first and _is_standfirst(shape, i, first)
            signed = shape.signature or (i + 1 < len(shapes) and shapes[i + 1].signature)  # a signed post
            if i < first and shape.words < rules.head_keep_min_words and not standfirst:
                continue
            if i > last and not prose[i] and not signed and not in_list[i]:
                continue
            if labels[i] and not in_table[i] and not standfirst:
                continue
        kept.append(paragraph)
    return kept
