"""The test vocabulary assay promises, read from DESIGN.md §2, and the tests it defines.

DESIGN.md writes the list compactly; this expands its three shorthands:
  `a_to_b / _to_c`  an alternative that replaces the tail from the first `_to_` (or, for a
                    suffix without `_to_`, the last word): a_to_b, a_to_c
  `to_(not_)x`      with and without `not_`
  `{min,max}`       one name per item
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The design brief lives beside the repository (../shared/DESIGN.md, as in CI); a clone without
# it reads the copy of its §2 kept in tests/dbt, which test_vocabulary keeps equal to the brief.
SHARED_DESIGN = REPO.parent / "shared" / "DESIGN.md"
DESIGN_COPY = Path(__file__).with_name("design_vocabulary.md")
DESIGN = SHARED_DESIGN if SHARED_DESIGN.exists() else DESIGN_COPY
TEST_DEFINITION = re.compile(r"{%-?\s*test\s+(\w+)\s*\(")


def _without_argument_lists(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"\([^()]*\)", "", text)
    return text


def _expand(entry: str) -> list[str]:
    first, *alternatives = [part.strip() for part in entry.split(" / ")]
    names = []
    for name in [first] + [_replace_tail(first, alt) for alt in alternatives]:
        for expanded in _expand_braces(name):
            names += [expanded.replace("NOT_", ""), expanded.replace("NOT_", "not_")] if "NOT_" in expanded else [expanded]
    return names


def _replace_tail(name: str, suffix: str) -> str:
    if suffix.startswith("_to_") and "_to_" in name:
        return name[: name.index("_to_")] + suffix
    return name[: name.rindex("_")] + suffix


def _expand_braces(name: str) -> list[str]:
    match = re.search(r"{([^}]*)}", name)
    if not match:
        return [name]
    return [name[: match.start()] + item.strip() + name[match.end():] for item in match.group(1).split(",")]


def design_vocabulary(design: Path = DESIGN) -> dict[str, list[str]]:
    """{'dbt-expectations': [...], 'dbt-utils': [...]} as listed in DESIGN.md §2."""
    section = design_section(design)
    expectations = section[section.index("dbt-expectations ("): section.index("dbt-utils (")]
    utils = section[section.index("dbt-utils ("): section.index("(`expression_is_true` exists")]
    vocabulary = {}
    for package, block in (("dbt-expectations", expectations), ("dbt-utils", utils)):
        block = block[block.index("\n- "):] if package == "dbt-expectations" else block.split(":", 1)[1]
        block = _without_argument_lists(block.replace("(not_)", "NOT_"))
        # One entry per bullet: continuation lines belong to the bullet above them.
        bullets = re.split(r"\n\s*-\s+[\w/ -]+:\s*", " " + block)
        names = []
        for bullet in bullets:
            for entry in " ".join(bullet.split()).split(";"):
                entry = entry.strip().strip(".,").strip()
                if entry:
                    names += _expand(entry)
        vocabulary[package] = list(dict.fromkeys(names))
    return vocabulary


def design_section(design: Path = DESIGN) -> str:
    """DESIGN.md §2, the test vocabulary."""
    text = design.read_text()
    return text[text.index("## 2."): text.index("## 3.")]


def defined_tests(macro_dir: Path = REPO / "macros") -> dict[str, Path]:
    found = {}
    for path in macro_dir.rglob("*.sql"):
        for name in TEST_DEFINITION.findall(path.read_text()):
            found[name] = path
    return found
