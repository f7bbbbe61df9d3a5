"""Page furniture: navigation, category strips, share bars, paywalls, comment forms.

Three shapes of furniture, each with its own section in rules/ingest/boilerplate.yaml:
single lines that are never prose (drop_line), the page tail that follows the article
(tail_start: related links and comments, dropped to the end), and blocks such as a
paywall blurb with its bullet list of subscription perks (block_start). Editor's notes
are found here too; metadata.py decides whether their dates say anything.
"""

from __future__ import annotations

import re
from itertools import pairwise

from geodiscourse.ingest.cleaning.normalize import first_prose_line
from geodiscourse.ingest.cleaning.rules import boilerplate_rules

_ALNUM = re.compile(r"[^\W_]")
_STRIP_SEPARATORS = re.compile(r"[|/·•,&]+")
_SENTENCE_PUNCT = re.compile(r"[.!?:;\"“”]")


def _matches_any(pattern: re.Pattern[str], line: str) -> bool:
    return pattern.fullmatch(line) is not None


def is_furniture_line(line: str) -> bool:
    """A line that is never prose wherever it stands (rules/ingest/boilerplate.yaml drop_line)."""
    return _matches_any(boilerplate_rules().drop_line, line)


def cut_tail(lines: list[str]) -> list[str]:
    """Blank everything from the first tail marker ("You may also like", "Leave a
    Comment") that follows the start of the article's prose."""
    tail = boilerplate_rules().tail_start
    start = first_prose_line(lines)
    for i in range(start + 1, len(lines)):
        if lines[i] and _matches_any(tail, lines[i]):
            return lines[:i] + [""] * (len(lines) - i)
    return list(lines)


def editor_notes(lines: list[str]) -> list[tuple[int, int]]:
    """Line ranges [start, end) of editor's notes: a label line with the paragraph that
    follows it ("Editor's Note:" + "This piece was updated ..."), a labelled line, or a
    stand-alone line about the page's history."""
    rules = boilerplate_rules()
    notes: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line and rules.editor_note_label.fullmatch(line):
            j = i + 1
            while j < len(lines) and not lines[j]:
                j += 1
            while j < len(lines) and lines[j]:
                j += 1
            notes.append((i, j))
            i = j
            continue
        if line and (rules.editor_note_line.fullmatch(line) or rules.editor_note_sentence.fullmatch(line)):
            notes.append((i, i + 1))
        i += 1
    return notes


def _is_category_strip(line: str, words: frozenset[str]) -> bool:
    """A title-case line made of section names ("Featured Featured Global News Global
    News News Russia Technology", "News | Politics | Europe"), not a headline."""
    if _SENTENCE_PUNCT.search(line):
        return False
    tokens = _STRIP_SEPARATORS.sub(" ", line).split()
    if not tokens or not all(t[0].isupper() or t[0].isdigit() for t in tokens):
        return False
    share = sum(t.lower() in words for t in tokens) / len(tokens)
    repeated = any(a == b for a, b in pairwise(tokens))
    if len(tokens) == 1:  # a menu with one entry a line: "World", "Europe", "Opinion"
        return share == 1.0
    return share >= 0.75 or (repeated and len(tokens) >= 3 and share >= 0.5)


def _continues_block(line: str) -> bool:
    rules = boilerplate_rules()
    return (
        not line
        or rules.bullet_line.fullmatch(line) is not None
        or _matches_any(rules.drop_line, line)
        or _matches_any(rules.block_start, line)
    )


def drop_furniture(lines: list[str]) -> list[str]:
    """Blank furniture lines, separator lines, paywall blocks, and the category strips
    and counters of the page head."""
    rules = boilerplate_rules()
    out = list(lines)
    head_end = first_prose_line(out)
    i = 0
    while i < len(out):
        line = out[i]
        if not line:
            i += 1
            continue
        if _matches_any(rules.block_start, line):
            out[i] = ""
            j = i + 1
            while j < len(out) and _continues_block(out[j]):
                out[j] = ""
                j += 1
            i = j
            continue
        in_head = i < head_end
        if (
            _matches_any(rules.drop_line, line)
            or not _ALNUM.search(line)  # separators: "___", "* * *", "—"
            or (in_head and _matches_any(rules.head_drop_line, line))
            or (in_head and _is_category_strip(line, rules.category_words))
        ):
            out[i] = ""
        i += 1
    return out


def drop_body_prompts(paragraphs: list[str]) -> list[str]:
    """Paragraphs of the body without prompts to watch or read elsewhere; runs once the
    headline is taken, since a headline may start the same way ("WATCH: ...")."""
    prompt = boilerplate_rules().body_prompt_line
    return [p for p in paragraphs if prompt.fullmatch(p) is None]
