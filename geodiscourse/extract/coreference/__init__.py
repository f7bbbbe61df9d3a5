"""Coreference: every pronoun, role noun and bare "the government" resolved once per document.

Two passes, one place. ``persons`` runs inside actor resolution, because who "he" or
"the prime minister" is shapes a person's record (gender, offices, state); ``discourse``
runs right after it, before anything else is extracted, for "it"/"its"/"they" standing
for states and bodies, "he"/"she" after a role phrase, and "the government". Both add
mention rows, and events, claims and recommendations all read that one resolution
through the document context, so no table names an actor that no mention stands behind.
"""

from __future__ import annotations

from geodiscourse.extract.coreference.discourse import resolve_coreference

__all__ = ["resolve_coreference"]
