"""`assay docs --base`: the changelog page and each changed model's "Changes since base"."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec
import pytest
from site_pages import tables

from assay.artifacts import load_artifacts
from assay.contracts import build_project
from assay.contracts.diff import ChangeKind, diff_projects, load_project
from assay.site.paths import change_anchor, node_page
from assay.site.render import render_site

pytest.importorskip("dbt.adapters.duckdb")

PKG = "model.assay_diff"


@pytest.fixture(scope="module")
def changelog_site(targets: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from assay.cli import main

    out = tmp_path_factory.mktemp("changelog") / "site"
    result = CliRunner().invoke(
        main, ["docs", "--target-path", str(targets["changed"]), "--base", str(targets["base"]), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


def _row(rows: list[list[str]], label: str, kind: ChangeKind) -> list[str]:
    matches = [row for row in rows if row[0].split()[0] == label and row[1].split()[0] == kind.value]
    assert len(matches) == 1, rows
    return matches[0]


def test_changelog_lists_breaking_changes_with_their_downstream(changelog_site, targets):
    page = changelog_site / "changelog.html"
    html = page.read_text()
    found = tables(page)

    removed = _row(found["changes-breaking"], "c_column_removed", ChangeKind.COLUMN_REMOVED)
    assert removed[2].endswith("→ —")
    assert "child_a" in removed[4] and "child_b" in removed[4] and "exposures: Weekly dashboard" in removed[4]
    # The model and its downstream link to their pages; a deleted model has no page to link to.
    for uid in (f"{PKG}.c_column_removed", f"{PKG}.child_a", "exposure.assay_diff.weekly_dashboard"):
        target = node_page(uid) if uid.startswith("model.") else "exposures/"
        assert f'href="{target}' in html, uid
    _row(found["changes-breaking"], "c_deleted", ChangeKind.MODEL_DELETED)
    assert f'href="{node_page(f"{PKG}.c_deleted")}"' not in html
    assert re.search(r'<tr id="[^"]*">\s*<td>c_deleted <span', html)

    typed = _row(found["changes-breaking"], "c_type_changed", ChangeKind.COLUMN_TYPE_CHANGED)
    assert typed[2] == "integer → varchar"
    warned = _row(found["changes-warning"], "u_changes", ChangeKind.COLUMN_REMOVED)
    assert len(warned) == 5
    info = _row(found["changes-info"], "c_additions", ChangeKind.COLUMN_ADDED)
    assert len(info) == 4  # no downstream column for info changes
    # Every change of the diff has its row.
    rows = sum(len(found[f"changes-{s}"]) for s in ("breaking", "warning", "info"))
    diff = diff_projects(load_project(targets["base"])[0], load_project(targets["changed"])[0])
    assert rows == sum(1 for _ in diff.changes())

    index = (changelog_site / "index.html").read_text()
    assert 'href="changelog.html"' in index


def test_model_page_shows_its_changes_since_base(changelog_site):
    page = (changelog_site / node_page(f"{PKG}.c_column_removed")).read_text()
    anchor = change_anchor(f"{PKG}.c_column_removed") + "-breaking"
    assert "Changes since base" in page
    assert f'href="../changelog.html#{anchor}"' in page
    assert "column note removed" in page
    assert f'id="{anchor}"' in (changelog_site / "changelog.html").read_text()
    assert 'href="../changelog.html"' in page  # the navigation

    unchanged = (changelog_site / node_page(f"{PKG}.c_type_alias")).read_text()
    assert "Changes since base" not in unchanged


def test_without_base_there_is_no_changelog(targets, assay, tmp_path):
    out = tmp_path / "site"
    result = assay("docs", "--target-path", str(targets["changed"]), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert not (out / "changelog.html").exists()
    assert "changelog.html" not in (out / "index.html").read_text()
    assert "Changes since base" not in (out / node_page(f"{PKG}.c_column_removed")).read_text()


def test_html_in_a_changed_description_renders_as_text(targets, tmp_path):
    project = build_project(load_artifacts(targets["changed"]))
    diff = diff_projects(load_project(targets["base"])[0], project)
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'

    def poisoned(change):
        if change.kind is ChangeKind.DESCRIPTION_CHANGED:
            return msgspec.structs.replace(change, new=payload, message=f"description changed {payload}")
        return change

    nodes = tuple(msgspec.structs.replace(n, changes=tuple(poisoned(c) for c in n.changes)) for n in diff.nodes)
    diff = msgspec.structs.replace(diff, nodes=nodes)
    render_site(project, tmp_path, changes=diff)

    for page in (tmp_path / "changelog.html", tmp_path / node_page(f"{PKG}.c_additions")):
        html = page.read_text()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
