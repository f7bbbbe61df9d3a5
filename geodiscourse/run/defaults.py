"""Defaults the command line shows before it imports anything heavy."""

from __future__ import annotations

#: Articles per task: large enough that task bookkeeping is a small share of a batch,
#: small enough that a run of a few hundred files keeps every worker busy.
DEFAULT_BATCH_SIZE = 64
