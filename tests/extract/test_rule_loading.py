"""load_extraction_rules reads every rule file, so a worker's first document reads none.

Runs in a new interpreter: in this test session the rule caches are already warm, so a
missed loader could not show here.
"""

from __future__ import annotations

import subprocess
import sys

from tests.paths import REPO

CHILD = """
import datetime, importlib.resources, sys
import geodiscourse.rules
from geodiscourse.extract.document import extract_document, load_extraction_rules
from geodiscourse.nlp.pipeline import load_pipeline

nlp = load_pipeline()
load_extraction_rules()

def refuse(*args, **kwargs):
    raise AssertionError(f"a rule file was read after loading: {args}")

geodiscourse.rules.rule_text = refuse
importlib.resources.files = refuse
text = (
    "Russia said on Monday it could not support the plan. The government of France "
    "urged Moscow to withdraw 5,000 troops, and Mr Blair told the BBC it was a disgrace. "
    "Washington should lift sanctions by 2026, analysts argued."
)
rows = extract_document("d", nlp(text), datetime.date(2026, 1, 5))
sys.stdout.write(str(sum(len(v) for v in rows.values())))
"""


def test_first_document_reads_no_rule_file_after_loading() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout) > 0
