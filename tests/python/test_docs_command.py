"""`assay docs`: from a target folder to a published site, as a user runs it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ORDERS, SEED, SOURCE, STG_ORDERS
from site_pages import statuses_by_test, tables

from assay.site import render as site_render
from assay.site.paths import node_page

MODEL_PAGES = {uid: node_page(uid) for uid in (ORDERS, STG_ORDERS, SEED, SOURCE)}


def site_files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_publishes_index_and_one_page_per_relation(project, assay):
    result = assay("docs")

    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "assay: published site/index.html",
        "tests: 5 passed, 1 warned, 0 failed, 0 errored",
    ]
    assert result.stderr == ""
    site = project / "site"
    for page in MODEL_PAGES.values():
        assert (site / page).is_file()
    assert (site / "assets/assay.css").is_file() and (site / "assets/assay.js").is_file()

    index = {row[0]: row for row in tables(site / "index.html")["nodes"]}
    assert set(index) == {"orders", "stg_orders", "raw_orders", "shop.raw_orders"}
    assert index["orders"][2] == "enforced"
    assert index["orders"][3] == "pass 3 warn 1"
    assert index["stg_orders"][2] == "1 type mismatch"
    assert index["stg_orders"][3] == "pass 2"

    assert statuses_by_test(site / MODEL_PAGES[ORDERS]) == {
        "not_null not_null_orders_order_id": "pass",
        "accepted_values accepted_values_orders_status__placed__shipped__returned": "warn",
        "orders_dates_each_order_by_its_load_day unit test": "pass",
        "orders_amounts_are_positive singular test": "pass",
    }
    assert statuses_by_test(site / MODEL_PAGES[STG_ORDERS]) == {
        "not_null not_null_stg_orders_order_id": "pass",
        "unique unique_stg_orders_order_id": "pass",
    }


def test_model_page_shows_types_constraints_and_mismatches(project, assay):
    assert assay("docs").exit_code == 0
    orders = tables(project / "site" / MODEL_PAGES[ORDERS])
    assert orders["columns"][0][:4] == ["order_id", "integer", "INTEGER", "not_null unique"]
    assert [row[0] for row in orders[""]] == ["check", "primary_key"]  # model-level constraints
    assert {row[4] for row in orders[""]} == {"enforced"}

    staging = {row[0].split()[0]: row for row in tables(project / "site" / MODEL_PAGES[STG_ORDERS])["columns"]}
    assert staging["amount"][1:3] == ["integer", "DECIMAL(10,2) type mismatch"]
    assert staging["loaded_at"][0] == "loaded_at not documented"


def test_pages_stand_alone_and_link_only_inside_the_site(project, assay):
    assert assay("docs").exit_code == 0
    site = project / "site"
    for page in site.rglob("*.html"):
        html = page.read_text()
        for link in re.findall(r'(?:href|src)="([^"]*)"', html):
            path, _, anchor = link.partition("#")
            target = (page.parent / path).resolve() if path else page
            assert target.is_file(), f"{page.name} links to {link}"
            if anchor:
                assert f'id="{anchor}"' in target.read_text(), f"{page.name} links to {link}"
        assert "<script>" not in html  # only the shipped assets/assay.js, no inline data
    # A page carries its own relation, not the project: the source's description is not on the orders page.
    assert "loaded by the seed" in (site / MODEL_PAGES[SOURCE]).read_text()
    assert "loaded by the seed" not in (site / MODEL_PAGES[ORDERS]).read_text()


def test_truncated_manifest_is_a_one_line_error(project, assay):
    manifest = project / "target/manifest.json"
    manifest.write_bytes(manifest.read_bytes()[:5000])

    result = assay("docs")

    assert result.exit_code == 2
    assert result.stderr == "assay: error: target/manifest.json: not valid JSON (truncated at byte 5000?)\n"
    assert not (project / "site").exists()


def test_unsupported_manifest_version_is_a_one_line_error(project, edit_artifact, assay):
    edit_artifact(
        "manifest.json",
        lambda d: d["metadata"].update(dbt_schema_version="https://schemas.getdbt.com/dbt/manifest/v9.json"),
    )
    result = assay("docs")
    assert result.exit_code == 2
    assert result.stderr == (
        "assay: error: target/manifest.json: unsupported manifest version v9 (assay reads v10–v12)\n"
    )


def test_errors_name_the_file_under_the_given_project_dir(project, tmp_path, assay, monkeypatch):
    (project / "target/manifest.json").write_text("{")
    monkeypatch.chdir(tmp_path)
    result = assay("docs", "--project-dir", "project")
    assert result.exit_code == 2
    assert result.stderr.startswith("assay: error: project/target/manifest.json: not valid JSON")


def test_missing_run_results_warns_and_shows_tests_not_run(project, assay):
    (project / "target/run_results.json").unlink()

    result = assay("docs")

    assert result.exit_code == 0, result.output
    assert result.stderr == 'assay: warning: target/run_results.json: not found; tests are shown as "not run"\n'
    assert result.stdout.splitlines()[-1] == "tests: 0 passed, 0 warned, 0 failed, 0 errored, 6 not run"
    site = project / "site"
    assert set(statuses_by_test(site / MODEL_PAGES[ORDERS]).values()) == {"not run"}
    assert "No run_results.json" in (site / "index.html").read_text()


def test_project_text_is_escaped(project, edit_artifact, assay):
    attack = "<script>alert(1)</script>"

    def inject(document: dict) -> None:
        orders = document["nodes"][ORDERS]
        orders["description"] = f"Orders {attack} and <b>bold</b>"
        orders["tags"].append(attack)
        orders["columns"][attack] = {"name": attack, "description": attack, "data_type": attack, "constraints": []}
        orders["meta"]["owner"] = attack

    edit_artifact("manifest.json", inject)
    edit_artifact("run_results.json", lambda d: [r.update(message=attack) for r in d["results"]])

    result = assay("docs")

    assert result.exit_code == 0, result.output
    for page in (project / "site").rglob("*.html"):
        html = page.read_text()
        assert "<script>alert" not in html and "<b>bold" not in html, page
    orders = (project / "site" / MODEL_PAGES[ORDERS]).read_text()
    assert orders.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 5
    columns = [row[0] for row in tables(project / "site" / MODEL_PAGES[ORDERS])["columns"]]
    assert f"{attack} not in warehouse" in columns


def test_failed_render_keeps_the_previous_site(project, assay, monkeypatch):
    assert assay("docs").exit_code == 0
    before = site_files(project / "site")
    rendered = []

    def fail_on_second_page(template, project_model, node, lineage=None, changes=None):
        rendered.append(node.unique_id)
        if len(rendered) == 2:
            raise RuntimeError("disk full")
        return "new page"

    monkeypatch.setattr(site_render, "render_node_page", fail_on_second_page)
    result = assay("docs")

    assert isinstance(result.exception, RuntimeError)
    assert site_files(project / "site") == before
    assert sorted(p.name for p in project.iterdir()) == ["site", "target"]  # no staging folder left behind


def test_publishing_again_replaces_the_whole_site(project, assay):
    assert assay("docs").exit_code == 0
    stale = project / "site/models/model.assay_fixture.deleted.html"
    stale.write_text("from an older publish")
    assert assay("docs").exit_code == 0
    assert not stale.exists()
    assert sorted(p.name for p in project.iterdir()) == ["site", "target"]


def test_refuses_to_replace_a_folder_it_did_not_publish(project, assay):
    mine = project / "notes"
    mine.mkdir()
    (mine / "todo.txt").write_text("keep me")

    result = assay("docs", "--out", "notes")

    assert result.exit_code == 2
    assert result.stderr == (
        "assay: error: notes: not empty and not published by assay (no .assay-site); refusing to replace it\n"
    )
    assert (mine / "todo.txt").read_text() == "keep me"


def test_target_and_out_paths(project, tmp_path, assay, monkeypatch):
    (project / "target").rename(project / "elsewhere")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "published"
    result = assay("docs", "--project-dir", "project", "--target-path", "elsewhere", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file()
    assert result.stdout.splitlines()[0] == f"assay: published {out}/index.html"


@pytest.mark.parametrize(
    ("unique_id", "page"),
    [
        ("model.shop.orders", "models/model.shop.orders.html"),
        ("model.shop.orders.v2", "models/model.shop.orders.v2.html"),
    ],
)
def test_page_names_keep_plain_ids(unique_id, page):
    assert node_page(unique_id) == page


def test_page_names_stay_distinct_and_safe():
    odd = ["source.shop.raw.My Table", "source.shop.raw.my table", "model.shop.Orders", "model.shop.../../x"]
    pages = [node_page(uid) for uid in odd]
    assert len(set(pages)) == len(odd)
    for page in pages:
        name = page.removeprefix("models/")
        assert "/" not in name and " " not in name and name == name.lower()


def test_status_overview_by_owner_and_relation(project, assay):
    assert assay("docs").exit_code == 0
    status = tables(project / "site/status.html")
    assert status["by-owner"] == [
        ["data-platform@example.com", "3", "1", "0", "0", "0", "0"],
        ["no owner", "2", "0", "0", "0", "0", "0"],
    ]
    # Worst first: orders, with its warning, leads.
    assert [row[0] for row in status["by-relation"]][0] == "orders"


def test_long_lists_are_paged(project, assay, monkeypatch):
    monkeypatch.setattr(site_render, "PAGE_ROWS", 3)
    assert assay("docs").exit_code == 0
    site = project / "site"
    first, second = tables(site / "index.html")["nodes"], tables(site / "relations-2.html")["nodes"]
    assert len(first) == 3 and len(second) == 1
    assert 'href="relations-2.html"' in (site / "index.html").read_text()
    assert (site / "status.html").is_file()


def test_search_index_is_published_in_small_files(project, assay):
    assert assay("docs").exit_code == 0
    search = project / "site/search"
    assert (search / "meta.js").is_file() and (search / "d0.js").is_file()
    assert "order_id" in (search / "t-6f.js").read_text()  # the "o" shard
    assert "assets/assay.js" in (project / "site/index.html").read_text()


def test_node_page_draws_lineage_and_shows_failing_sql(project, assay):
    assert assay("docs").exit_code == 0
    orders = (project / "site" / MODEL_PAGES[ORDERS]).read_text()
    assert orders.count('<svg class="graph"') == 2  # model graph and column graph
    lineage = {row[0]: row[1] for row in tables(project / "site" / MODEL_PAGES[ORDERS])["column-lineage"]}
    assert lineage["order_date"] == "stg_orders.loaded_at"
    assert "<summary>compiled SQL</summary>" in orders  # of the warned accepted_values test
