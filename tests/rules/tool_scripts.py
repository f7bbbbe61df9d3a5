"""Loading a build script of ``tools/`` (no package) as a module, for its tests."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.paths import REPO

TOOLS = REPO / "tools"


def load_tool(name: str) -> ModuleType:
    """``tools/<name>.py`` as a module; the folder goes on the path for the scripts' shared
    ``build_outputs``, as when they run from the command line."""
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
