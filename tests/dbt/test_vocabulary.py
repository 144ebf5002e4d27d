"""The vocabulary is complete, every test is proven both ways, and every test is documented."""

from __future__ import annotations

import re

import pytest

from dbt_project_runner import collect_cases
from vocabulary import REPO, design_vocabulary, defined_tests

VOCABULARY = design_vocabulary()
DEFINED = defined_tests()
CASES = collect_cases()


@pytest.mark.parametrize("package", sorted(VOCABULARY))
def test_every_listed_test_is_defined(package):
    missing = [name for name in VOCABULARY[package] if name not in DEFINED]
    assert not missing, f"{package} tests missing from macros/: {missing}"


def test_design_lists_the_full_vocabulary():
    # 62 + 3 from dbt-expectations, 16 from dbt-utils: guards the parser of DESIGN.md itself.
    assert len(VOCABULARY["dbt-expectations"]) == 65
    assert len(VOCABULARY["dbt-utils"]) == 16


@pytest.mark.parametrize("test_name", sorted(DEFINED))
def test_every_test_has_passing_and_failing_cases(test_name):
    outcomes = {c.meta["expect"] for c in CASES if c.test == f"assay.{test_name}"}
    assert "pass" in outcomes, f"{test_name} has no passing case"
    assert outcomes & {"fail", "warn"}, f"{test_name} has no failing case"


def test_every_test_file_is_named_after_its_test():
    misnamed = {name: path.name for name, path in DEFINED.items() if path.stem != name}
    assert not misnamed


def test_readme_documents_every_test():
    readme = (REPO / "README.md").read_text()
    sections = set(re.findall(r"^### (\w+)\s*$", readme, flags=re.M))
    undocumented = sorted(set(DEFINED) - sections)
    assert not undocumented, f"README sections missing: {undocumented}"
    for name in DEFINED:
        body = readme.split(f"### {name}\n", 1)[1].split("\n### ", 1)[0]
        assert "**Arguments:**" in body and "**NULLs:**" in body and "```yaml" in body, name
    assert "## Migrating from dbt-expectations / dbt-utils" in readme


def test_the_kept_copy_of_the_vocabulary_matches_the_design_brief():
    from vocabulary import DESIGN_COPY, SHARED_DESIGN, design_section

    if SHARED_DESIGN.exists():
        assert design_section(DESIGN_COPY) == design_section(SHARED_DESIGN), (
            "DESIGN.md §2 changed: refresh tests/dbt/design_vocabulary.md from it"
        )
    assert design_vocabulary(DESIGN_COPY) == VOCABULARY
