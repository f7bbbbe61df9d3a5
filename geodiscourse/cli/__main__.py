"""``python -m geodiscourse.cli``: the command line without the installed script."""

import sys

from geodiscourse.cli import app

sys.exit(app())
