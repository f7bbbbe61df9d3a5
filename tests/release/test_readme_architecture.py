"""README's Architecture section names exactly the package's stages, in import order.

The diagram is the newcomer's map: a stage added, removed or renamed without it, or a
layer order in the diagram that the import-linter contract does not enforce, would
send readers to the wrong place.
"""

from __future__ import annotations

import re
import tomllib

from tests.paths import README, REPO

PACKAGE = REPO / "geodiscourse"


def architecture_block() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    return section.split("```", 2)[1]


def diagram_stages() -> list[str]:
    """Stages as the diagram lists them, top to bottom ("cli.py" -> "cli")."""
    found = re.findall(r"^geodiscourse/(\w+)(?:/|\.py)", architecture_block(), flags=re.M)
    return found


def test_every_stage_of_the_package_is_in_the_diagram_and_nothing_else() -> None:
    on_disk = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    on_disk |= {p.stem for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__")}
    assert sorted(diagram_stages()) == sorted(on_disk)


def test_diagram_order_is_the_enforced_layer_order() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    enforced = [name.split(".", 1)[1] for layer in layers for name in re.split(r"\s*[|:]\s*", layer)]
    assert diagram_stages() == enforced


def test_flows_and_schemas_are_links_to_the_top_level_folders() -> None:
    for name in ("flows", "schemas"):
        link = PACKAGE / name
        assert link.is_symlink() and link.resolve() == (REPO / name).resolve()
