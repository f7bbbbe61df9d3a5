"""Faster stand-ins for two of the model's components, with identical output.

Profiled on 300 BBC articles (issue 15), en_core_web_sm spends a fifth of its parse in
two components that do simple table work in Python, token by token:

- the **attribute ruler** (2.8 s of 23.6 s) runs a spaCy ``Matcher`` of 179 patterns over
  every token to map fine tags to coarse tags and morphology. Its patterns test only a
  token's tag, lower-cased form, dependency and whether it is space, so which of them
  match a token is a function of those four values (eight patterns of two tokens also
  look at the next token): :class:`CompiledAttributeRuler` decides it once per distinct
  combination and reads the answer back for every later token;
- the **lemmatizer** (1.8 s) looks each new word up in the model's lemma index, which
  holds every known word of a part of speech as a list searched from the start (95 us a
  word), and reaches its cache through a Python ``Token`` per position:
  :class:`CachedLemmatizer` turns those lists into sets, reads form, part of speech and
  morphology as one array and asks the original component only for combinations it has
  not seen.

On 699 BBC and 286 web articles every token's tag, coarse tag, morphology, lemma,
dependency and entity is the same with the stand-ins, and parsing takes 17 % less time.
Both write the document's arrays once instead of token by token. The model's own
components stay the authority: they are kept inside the stand-ins, which refuse to stand
in for a pattern they cannot decide (:func:`speed_up` then leaves the pipeline as it
is), and the tests compare every token's attributes with the original pipeline's.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["CachedLemmatizer", "CompiledAttributeRuler", "UnsupportedPattern", "speed_up"]

log = logging.getLogger(__name__)

#: Token attributes a compiled pattern may test, in the order of a token's key.
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")
_TESTED_IDS = [TAG, LOWER, DEP, IS_SPACE]
#: Attributes written through the document's arrays; any other goes through spaCy's setter.
_ARRAY_ATTRS = (POS, MORPH, LEMMA, TAG)

#: Entries a stand-in remembers before it starts afresh: under 10 MB of a worker's memory
#: (a limit of 100,000 took 20 MB over 1,000 BBC articles and was no faster).
_MEMO_LIMIT = 20_000
_NONE: frozenset[int] = frozenset()

#: (tag, dependency, is_space): what a token test asks besides the lower-cased form
Rest = tuple[str, str, bool]
_REST_FIELDS = ("TAG", "DEP", "IS_SPACE")


class UnsupportedPattern(ValueError):
    """A pattern the compiled ruler cannot decide from a token's four tested values."""


def _value_test(spec: Any) -> Callable[[Any], bool]:
    """The Matcher's test of one attribute value: equality, IN, NOT_IN or REGEX (searched)."""
    if isinstance(spec, (str, bool)):
        return lambda value: value == spec
    if isinstance(spec, Mapping) and spec and set(spec) <= {"IN", "NOT_IN", "REGEX"}:
        inside = frozenset(spec["IN"]) if "IN" in spec else None
        outside = frozenset(spec.get("NOT_IN", ()))
        regex = re.compile(spec["REGEX"]) if "REGEX" in spec else None
        return lambda value: (
            (inside is None or value in inside)
            and value not in outside
            and (regex is None or regex.search(value) is not None)
        )
    raise UnsupportedPattern(f"cannot compile the value {spec!r}")


@dataclass(frozen=True)
class _TokenTest:
    """One token of a pattern. The lower-cased form is asked for by a set of literal
    forms (``forms``) or by any other test (``form_test``), or not at all; the other
    three values by ``rest``. Splitting them lets the forms be looked up, not tested."""

    forms: frozenset[str] | None
    form_test: Callable[[str], bool] | None
    rest: Callable[[Rest], bool]


def _token_test(spec: Mapping[str, Any]) -> _TokenTest:
    forms: frozenset[str] | None = None
    form_test: Callable[[str], bool] | None = None
    rest: list[tuple[int, Callable[[Any], bool]]] = []
    for name, value in spec.items():
        field = name.upper()
        if field == "LOWER":
            if isinstance(value, str):
                forms = frozenset({value})
            elif isinstance(value, Mapping) and set(value) == {"IN"}:
                forms = frozenset(value["IN"])
            else:
                form_test = _value_test(value)
        elif field in _REST_FIELDS:
            rest.append((_REST_FIELDS.index(field), _value_test(value)))
        else:
            raise UnsupportedPattern(f"cannot compile a test of {name!r}")
    return _TokenTest(forms, form_test, lambda values: all(test(values[i]) for i, test in rest))


@dataclass(frozen=True)
class _Alternative:
    """One token sequence of a pattern: its index in the ruler (later ones win), the ids
    of its token tests and which of its tokens it writes to."""

    rule: int
    tests: tuple[int, ...]
    offset: int


@dataclass(frozen=True)
class _Decision:
    """What the ruler does to a token with given tested values: the token tests it
    passes, the one-token rules it matches in the order they apply, the longer
    alternatives it may start, and the merged writes of its one-token rules."""

    passed: frozenset[int]
    single: tuple[int, ...]
    starts: tuple[int, ...]
    array_writes: tuple[tuple[int, int], ...]
    elsewhere: bool


class CompiledAttributeRuler:
    """The model's attribute ruler, decided per distinct (tag, lower, dep, is_space)."""

    def __init__(self, source: AttributeRuler) -> None:
        self.source = source
        self.tests: list[_TokenTest] = []
        self.alternatives: list[_Alternative] = []
        patterns: list[dict[str, Any]] = list(source.patterns)  # spaCy types the values loosely
        for rule, pattern in enumerate(patterns):
            for tokens in pattern["patterns"]:
                if not tokens:
                    raise UnsupportedPattern("an empty pattern")
                offset = int(pattern.get("index", 0))
                offset = offset + len(tokens) if offset < 0 else offset
                if not 0 <= offset < len(tokens):
                    raise UnsupportedPattern(f"index {pattern.get('index')} outside its pattern")
                ids = []
                for token in tokens:
                    ids.append(len(self.tests))
                    self.tests.append(_token_test(token))
                self.alternatives.append(_Alternative(rule, tuple(ids), offset))
        self.attrs: list[dict[int, int]] = [dict(a) for a in source.attrs]
        self._first_of_single = {a.tests[0]: a.rule for a in self.alternatives if len(a.tests) == 1}
        self._first_of_longer = {a.tests[0]: n for n, a in enumerate(self.alternatives) if len(a.tests) > 1}
        self._by_form: dict[str, set[int]] = {}
        for n, test in enumerate(self.tests):
            for form in test.forms or ():
                self._by_form.setdefault(form, set()).add(n)
        self._formless = frozenset(
            n for n, t in enumerate(self.tests) if t.forms is None and t.form_test is None
        )
        self._form_tested = [n for n, t in enumerate(self.tests) if t.form_test is not None]
        self._rest_passed: dict[tuple[int, int, int], frozenset[int]] = {}
        self._form_passed: dict[int, frozenset[int]] = {}
        self._by_passed: dict[frozenset[int], _Decision] = {}
        self._decided: dict[tuple[int, ...], _Decision] = {}

    def _passed(self, hashes: tuple[int, ...], strings: Any) -> frozenset[int]:
        tag, lower, dep, space = hashes
        rest = self._rest_passed.get((tag, dep, space))
        if rest is None:
            values: Rest = (strings[tag], strings[dep], bool(space))
            rest = self._rest_passed[(tag, dep, space)] = frozenset(
                n for n, test in enumerate(self.tests) if test.rest(values)
            )
        forms = self._form_passed.get(lower)
        if forms is None:  # the tests that ask for this very form (for most words, none)
            form = strings[lower]
            found = set(self._by_form.get(form, ()))
            found.update(n for n in self._form_tested if self.tests[n].form_test(form))  # type: ignore[misc]
            forms = self._form_passed[lower] = frozenset(found) if found else _NONE
        return (rest & self._formless) | (rest & forms) if forms else rest & self._formless

    def _decide(self, hashes: tuple[int, ...], strings: Any) -> _Decision:
        if len(self._decided) >= _MEMO_LIMIT:  # a bound on memory over a long run: start afresh
            self._decided.clear()
            self._form_passed.clear()
        passed = self._passed(hashes, strings)
        decision = self._by_passed.get(passed)  # tokens that pass the same tests share one
        if decision is None:
            single = sorted(self._first_of_single[n] for n in passed if n in self._first_of_single)
            writes: dict[int, int] = {}
            for rule in single:
                writes.update(self.attrs[rule])
            decision = self._by_passed[passed] = _Decision(
                passed=passed,
                single=tuple(single),
                starts=tuple(sorted(self._first_of_longer[n] for n in passed if n in self._first_of_longer)),
                array_writes=tuple(
                    (_ARRAY_ATTRS.index(attr), value)
                    for attr, value in writes.items()
                    if attr in _ARRAY_ATTRS
                ),
                elsewhere=any(attr not in _ARRAY_ATTRS for attr in writes),
            )
        self._decided[hashes] = decision
        return decision

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        strings = doc.vocab.strings
        known = self._decided
        decided = [
            known.get(k) or self._decide(k, strings) for k in map(tuple, doc.to_array(_TESTED_IDS).tolist())
        ]
        # alternatives of two or more tokens (8 of 179): where their first token passes
        longer: dict[int, list[tuple[int, int]]] = {}
        for start, decision in enumerate(decided):
            for a in decision.starts:
                alternative = self.alternatives[a]
                end = start + len(alternative.tests)
                if end <= len(doc) and all(
                    alternative.tests[j] in decided[start + j].passed for j in range(1, end - start)
                ):
                    longer.setdefault(start + alternative.offset, []).append((alternative.rule, start))
        values = doc.to_array(list(_ARRAY_ATTRS)).tolist()
        elsewhere: list[tuple[int, list[int]]] = []
        for i, decision in enumerate(decided):
            if i in longer or decision.elsewhere:
                rules = sorted([(rule, i) for rule in decision.single] + longer.get(i, []))
                ordered = [rule for rule, _ in rules]
                for rule in ordered:
                    for attr, value in self.attrs[rule].items():
                        if attr in _ARRAY_ATTRS:
                            values[i][_ARRAY_ATTRS.index(attr)] = value
                if any(attr not in _ARRAY_ATTRS for rule in ordered for attr in self.attrs[rule]):
                    elsewhere.append((i, ordered))
                continue
            row = values[i]
            for column, value in decision.array_writes:
                row[column] = value
        doc.from_array(list(_ARRAY_ATTRS), cast(Any, numpy.array(values, dtype=numpy.uint64)))
        for i, ordered in elsewhere:  # rare (DEP on space tokens): spaCy's own setter, in order
            for rule in ordered:
                set_token_attrs(doc[i], self.attrs[rule])
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


class CachedLemmatizer:
    """The model's rule lemmatizer, asked once per (form, part of speech, morphology)."""

    def __init__(self, source: Lemmatizer) -> None:
        if source.mode != "rule":
            raise UnsupportedPattern(f"only a rule lemmatizer is cached, not mode {source.mode!r}")
        self.source = source
        self._lemmas: dict[tuple[int, int, int], int] = {}
        # The model's lemma index holds each part of speech's known words as a JSON list,
        # which spaCy's rule lemmatizer searches with ``in`` for every candidate form: 95 us
        # a word. A set answers the same question at once.
        index = source.lookups.get_table("lemma_index", {})
        for pos in list(index.keys()):
            if isinstance(index[pos], list):
                index[pos] = frozenset(index[pos])

    def __getattr__(self, name: str) -> Any:
        return getattr(self.source, name)  # lookups, mode, lemmatize: the original's

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        strings = doc.vocab.strings
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        overwrite = bool(self.source.overwrite)
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if not overwrite and lemma != 0:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                if len(self._lemmas) >= _MEMO_LIMIT:
                    self._lemmas.clear()
                found = self._lemmas[key] = strings.add(self.source.lemmatize(doc[i])[0])
            values[i, 3] = found
        doc.from_array([LEMMA], cast(Any, numpy.ascontiguousarray(values[:, 3:4])))
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


_STAND_INS: dict[str, tuple[type, Callable[[Any], Any]]] = {
    "attribute_ruler": (AttributeRuler, CompiledAttributeRuler),
    "lemmatizer": (Lemmatizer, CachedLemmatizer),
}


def speed_up(nlp: Language, names: Sequence[str] = tuple(_STAND_INS)) -> list[str]:
    """Put the stand-ins in place of the named components, under the same names; a
    component of another kind, or with a pattern the stand-in cannot decide, stays.
    Returns the names replaced."""
    replaced = []
    for name in names:
        if name not in nlp.pipe_names:
            continue
        kind, stand_in = _STAND_INS[name]
        original = nlp.get_pipe(name)
        if not isinstance(original, kind):
            continue
        try:
            fast = stand_in(original)
        except UnsupportedPattern as err:
            log.info("keeping spaCy's %s: %s", name, err)
            continue
        _swap(nlp, name, fast)
        replaced.append(name)
    return replaced


def _swap(nlp: Language, name: str, component: Any) -> None:
    """Replace a component object in place, keeping its name and position.

    ``Language.replace_pipe`` builds a new component from a registered factory and its
    config; the stand-ins are built from the loaded component, so the object is swapped
    in the pipeline's own list instead."""
    components = nlp._components  # no public way to swap in a built object
    components[[n for n, _ in components].index(name)] = (name, component)
