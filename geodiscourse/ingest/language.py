"""Is a text English? Language identification by py3langid, which works offline.

The extractors are English-only, so a document in another language must be rejected
(``not_english``, naming the language found) rather than published with empty tables.
A function-word rule written by hand could not tell short texts apart; py3langid's naive
Bayes model over byte n-grams (the langid.py model, 97 languages, in the wheel) can: one
sentence of German or Spanish is identified with a probability near 1, while a short
English headline gets no confident label at all. So a text is rejected only when the
model is confident of another language and gives English almost no chance
(rules/ingest/language.yaml); when it is unsure,
the text is kept, since losing an English article costs more than parsing a foreign one.

The model is loaded once per process, on first use (about 0.7 s and 100 MB); a text
that is English beyond doubt by its function words is passed without it.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from geodiscourse.rules import read_yaml_mapping, rule_text

STOPWORDS_FILE = "ingest/english_stopwords.txt"
LANGUAGE_RULES_FILE = "ingest/language.yaml"
#: The language code of every published document: only English ones are published.
ENGLISH = "en"
_MODEL_LOCK = threading.Lock()
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class LanguageRules:
    min_confidence: float
    max_english: float
    min_letters: int
    english_labels: frozenset[str]
    clear_min_words: int
    clear_function_share: float


@dataclass(frozen=True)
class Detection:
    """The model's most likely language (ISO 639-1 where it has one), its probability,
    and the probability of English."""

    language: str
    confidence: float
    english: float


@lru_cache(maxsize=1)
def language_rules() -> LanguageRules:
    data = read_yaml_mapping(LANGUAGE_RULES_FILE)
    return LanguageRules(
        min_confidence=float(data["min_confidence"]),
        max_english=float(data["max_english"]),
        min_letters=int(data["min_letters"]),
        english_labels=frozenset(str(code) for code in data["english_labels"]),
        clear_min_words=int(data["clear_min_words"]),
        clear_function_share=float(data["clear_function_share"]),
    )


@lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    """The closed-class words of English (one lower-case word a line, '#' lines being
    comments); the prose classifier counts them."""
    lines = rule_text(STOPWORDS_FILE).splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.lstrip().startswith("#"))


@lru_cache(maxsize=1)
def _identifier() -> object:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> Detection:
    """The most likely language of a text, with normalised probability."""
    with _MODEL_LOCK:  # one model per process, shared by the threads of a task runner
        ranked = _identifier().rank(text)  # type: ignore[attr-defined]
    label, confidence = ranked[0]
    english = next((p for code, p in ranked if code == ENGLISH), 0.0)
    return Detection(str(label), float(confidence), float(english))


def language_name(code: str) -> str:
    """'German' for 'de'; the code itself when pycountry does not know it."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    return str(found.name) if found is not None else code


def clearly_english(text: str) -> bool:
    """English prose beyond doubt, without the model: enough words, and a share of
    English function words that no other language's text reaches (the list leaves out
    words other European languages share with English; BBC articles have 34% at the
    median, while text in those languages has under 10%). Saves the model's load (0.7 s
    and 100 MB per process) where nothing is in doubt; every other text is judged by it."""
    rules = language_rules()
    words = _WORD.findall(text.casefold())
    if len(words) < rules.clear_min_words:
        return False
    function_words = english_function_words()
    return sum(w in function_words for w in words) >= rules.clear_function_share * len(words)


def is_judged(text: str) -> bool:
    """Whether a text has enough letters for its language to be told (counted only as far
    as the threshold: a whole article's characters cost 0.8 s per 1,000 articles)."""
    needed = language_rules().min_letters
    if needed <= 0:
        return True
    for ch in text:
        if ch.isalpha():
            needed -= 1
            if needed == 0:
                return True
    return False


def non_english_reason(text: str) -> str | None:
    """None when the text is English, too short to judge, or of no language the model is
    sure of; otherwise which language it is, for the rejection's detail."""
    rules = language_rules()
    if not is_judged(text) or clearly_english(text):
        return None
    found = detect_language(text)
    if found.language in rules.english_labels or found.confidence < rules.min_confidence:
        return None
    if found.english >= rules.max_english:
        return None
    return f"it reads as {language_name(found.language)} ('{found.language}', probability {found.confidence:.2f})"
