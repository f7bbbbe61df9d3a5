"""Who recommends: the author, or the speaker of reported advice.

Reported speech comes from ``geodiscourse.extract.attribution`` (shared with claims): advice
inside an attribution's content is the speaker's ("The government must act quickly
..., Mary Robinson has said"). Who a pronoun speaker ("he argues", "it said") is comes
from the shared context (actor resolution and ``extract.coreference``), as it does for
claims. One fallback covers speakers no mention can resolve: an indefinite description
in a lead ("..., says a top academic") stands for the person the next sentences name
as a subject, as news leads introduce their source before naming them; that person's
mention row is in the document. A demand's subject is its recommender ("his report
demands ..." -> the report's owner); "this calls for ..." is the author's.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Token

from geodiscourse.extract.attribution import Attribution
from geodiscourse.nlp.context import DocContext

#: An indefinite speaker is named next as a subject ("Amitai Etzioni, a key influence
#: on Labour, says ..."), not as whoever else the next sentences mention.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
_INDEFINITE = ("a ", "an ")
#: How many sentences after an indefinite speaker may name them.
_NAMING_REACH = 2
#: Reporting verbs in the past tense that shift reported "has to" back to "had to".
_PAST_IRREGULAR = frozenset(
    {"said", "told", "wrote", "thought", "felt", "knew", "held", "made", "put", "saw"}
)
#: Words opening a speaker phrase that name a person ("Mr Blair", "Dr Fox").
_PERSON_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "prof", "professor"})
#: Speakers that "it" cannot stand for.
_NOT_IT = frozenset({"they", "we", "i", "you", "he", "she"})
#: Subjects of a demand that stand for the author's own judgement ("this calls for ...").
_AUTHOR_SUBJECTS = frozenset({"this", "that", "situation", "crisis", "moment", "case", "evidence"})


@dataclass(frozen=True)
class Recommender:
    actor_id: str | None
    text: str | None


AUTHOR = Recommender(None, None)


@dataclass
class RecommenderResolver:
    """Recommenders of one document's recommendations."""

    ctx: DocContext
    attributions: dict[int, list[Attribution]]
    _person_starts: list[int] = field(default_factory=list, init=False)
    _person_ids: list[str] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        doc = self.ctx.doc
        persons = [
            m
            for m in self.ctx.mentions
            if self.ctx.kind_of(m.actor_id) == "person"
            and any(doc[i].dep_ in _SUBJECT_DEPS for i in range(m.token_start, m.token_end))
        ]
        persons.sort(key=lambda m: m.char_start)
        self._person_starts = [m.char_start for m in persons]
        self._person_ids = [m.actor_id for m in persons]

    def report_at(self, index: int, char: int) -> Attribution | None:
        """The narrowest reported content of sentence ``index`` covering a character."""
        covering = [a for a in self.attributions.get(index, []) if a.content_start <= char < a.content_end]
        return min(covering, key=lambda a: a.content_end - a.content_start) if covering else None

    def is_backshifted(self, index: int, token: Token) -> bool:
        """Is the token reported by a past-tense verb ("he said Britain had to act")?"""
        report = self.report_at(index, token.idx)
        if report is None or report.speaker_text is None:
            return False
        last = report.cue.split()[-1].lower() if report.cue.split() else ""
        if last.endswith("ing"):
            return self._gerund_in_past(index, last)
        return last.endswith("ed") or last in _PAST_IRREGULAR

    def _gerund_in_past(self, index: int, cue: str) -> bool:
        """A reporting gerund takes its tense from the verb it hangs on: "Chirac
        reacted by saying Europe needed to ..." shifts "needs" back as "said" would."""
        for token in self.ctx.sentences[index]:
            if token.lower_ == cue and token.tag_ == "VBG":
                governor = token.head.head if token.dep_ == "pcomp" else token.head
                return governor.tag_ == "VBD"
        return False

    def names_speaker(self, index: int, pronoun: Token) -> bool:
        """Does a subject pronoun in reported content stand for the speaker themselves?
        "it" for a speaker that is no person ("the US company said it needed to ..."),
        "he"/"she" for a person ("Mr Blair said he had to ...")."""
        word = pronoun.lower_
        if word not in ("it", "he", "she"):
            return False
        report = self.report_at(index, pronoun.idx)
        if report is None or report.speaker_text is None:
            return False
        speaker = report.speaker_text.lower().split()
        if not speaker or speaker[0] in _NOT_IT - {"he", "she"}:
            return False
        person = (
            self.ctx.kind_of(report.speaker_actor_id) == "person"
            or speaker[0] in _PERSON_PRONOUNS
            or speaker[0].rstrip(".") in _PERSON_TITLES
        )
        return person if word in ("he", "she") else not person and speaker[-1] not in _NOT_IT

    def for_report(self, report: Attribution | None, index: int) -> Recommender:
        if report is None or report.speaker_text is None:
            return AUTHOR
        actor = report.speaker_actor_id or self._fallback(report.speaker_text, index)
        return Recommender(actor, report.speaker_text)

    def for_token(self, index: int, token: Token) -> Recommender:
        return self.for_report(self.report_at(index, token.idx), index)

    def for_demand(self, index: int, speaker: Token) -> Recommender:
        """The subject of "demands"/"calls for": its actor (its possessor's, "his report"
        -> whoever "his" stands for in the shared context), or the author."""
        reported = self.report_at(index, speaker.idx)
        if reported is not None:
            return self.for_report(reported, index)
        if speaker.lemma_.lower() in _AUTHOR_SUBJECTS:
            return AUTHOR
        text = speaker.doc[speaker.left_edge.i : speaker.i + 1].text
        return Recommender(self.ctx.actor_of(speaker), text)

    def _fallback(self, speaker_text: str, index: int) -> str | None:
        lowered = speaker_text.lower().strip()
        sent = self.ctx.sentences[index]
        if lowered.startswith(_INDEFINITE) and not any(w[:1].isupper() for w in speaker_text.split()[1:]):
            last = min(index + _NAMING_REACH, len(self.ctx.sentences) - 1)
            return self._person_between(sent.end_char, self.ctx.sentences[last].end_char)
        return None

    def _person_between(self, start: int, end: int) -> str | None:
        i = bisect_left(self._person_starts, start)
        if i < len(self._person_starts) and self._person_starts[i] < end:
            return self._person_ids[i]
        return None
