"""The published site in a real browser (headless Chromium): search, navigation, statuses, and
project text that tries to run script."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import launch
from conftest import ORDERS

from assay.site.paths import node_page

# Copies of the screenshots outlive pytest's rotating tmp folders; the path is printed at the end.
KEPT_SCREENSHOTS = Path(tempfile.gettempdir()) / "assay-site-screenshots"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launch()


@pytest.fixture
def page(browser, request):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    errors: list[str] = []
    outside: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Everything the site loads is a file of the site: any other request is a bug.
    page.on("request", lambda req: outside.append(req.url) if not req.url.startswith("file://") else None)
    page.dialogs, page.errors, page.outside = dialogs, errors, outside
    yield page
    page.close()


def screenshot(page, tmp_path: Path, name: str, request: pytest.FixtureRequest) -> Path:
    folder = tmp_path / "site-screenshots"
    folder.mkdir(exist_ok=True)
    path = folder / name
    page.screenshot(path=str(path), full_page=True)
    KEPT_SCREENSHOTS.mkdir(exist_ok=True)
    shutil.copyfile(path, KEPT_SCREENSHOTS / name)
    request.config.stash.setdefault(SCREENSHOTS_KEY, set()).add(str(KEPT_SCREENSHOTS))
    return path


SCREENSHOTS_KEY = pytest.StashKey[set]()


def test_search_then_open_a_model_and_read_its_test_statuses(demo_site, page, tmp_path, request):
    page.goto((demo_site / "index.html").as_uri())
    search = page.locator("#search")
    search.fill("churn probability")
    first = page.locator("#search-results ol.results li a").first
    first.wait_for()
    assert first.inner_text() == "predictions.churn_probability"
    assert page.locator("#search-results p").inner_text().endswith(" matches.")  # every word must match
    search.fill("training")
    page.locator("#search-results li a", has_text="training_set").first.wait_for()
    screenshot(page, tmp_path, "index-search.png", request)

    page.locator("#search-results li a", has_text="training_set").first.click()
    page.wait_for_url("**/models/model.churn_ml.training_set.html")
    assert page.locator("h1").inner_text().startswith("training_set")
    statuses = page.locator("table.tests tbody tr td:first-child").all_inner_texts()
    assert statuses and set(statuses) <= {"pass", "warn", "fail", "error", "skipped", "not run"}
    assert "pass" in statuses
    # The lineage drawings are there, and a box of the model graph links to its upstream page.
    assert page.locator("svg.graph").count() == 2
    page.locator("svg.graph a", has_text="fct_customer_features").first.click()
    page.wait_for_url("**/models/model.churn_ml.fct_customer_features.html")
    page.go_back()
    screenshot(page, tmp_path, "model-training_set.png", request)

    assert page.errors == [] and page.dialogs == [] and page.outside == []


def test_status_overview_and_feature_catalog(demo_site, page, tmp_path, request):
    page.goto((demo_site / "status.html").as_uri())
    owners = page.locator("#by-owner tbody tr td:first-child").all_inner_texts()
    assert "ml-platform" in owners
    header = page.locator("#by-relation thead th").all_inner_texts()
    assert header[2:] == ["pass", "warn", "fail", "error", "skipped", "not run"]
    # Worst first: the relations with warnings lead the list.
    first_warn = page.locator("#by-relation tbody tr").first.locator("td").nth(3).inner_text()
    assert int(first_warn) > 0
    screenshot(page, tmp_path, "status.png", request)

    page.goto((demo_site / "features.html").as_uri())
    roles = set(page.locator("table.features td:nth-child(2)").all_inner_texts())
    assert {"entity", "timestamp", "feature", "label", "prediction"} <= roles
    assert page.errors == [] and page.outside == []


def test_feature_report_page_draws_reference_against_current(demo_site, page, tmp_path, request):
    page.goto((demo_site / "features.html").as_uri())
    page.locator("h2", has_text="serving_features").locator("a.report-link").click()
    page.wait_for_url("**/features/model.churn_ml.serving_features.html")
    assert page.locator("h1").inner_text() == "Feature checks: serving_features"
    histograms = page.locator("svg.histogram")
    assert histograms.count() == 9
    assert all(histograms.nth(i).is_visible() for i in range(histograms.count()))
    country = page.locator("#col-country")
    assert country.locator("svg.histogram").get_attribute("aria-label").startswith("Histogram of country: reference")
    assert "MX (new)" in country.locator("svg.histogram").text_content()
    drifted = country.locator("table.drift td.drifted")
    assert drifted.count() == 1 and drifted.inner_text() == "drifted"
    country.scroll_into_view_if_needed()
    screenshot(page, tmp_path, "feature-report-serving_features.png", request)
    # Back to the model page, which links the report too.
    page.locator(".crumbs a", has_text="serving_features").click()
    page.wait_for_url("**/models/model.churn_ml.serving_features.html")
    assert page.locator("a.report-link").count() == 1
    assert page.errors == [] and page.dialogs == [] and page.outside == []


def test_filter_box_narrows_the_index(demo_site, page):
    page.goto((demo_site / "index.html").as_uri())
    page.locator("input[data-filter=nodes]").fill("stg_")
    visible = [row for row in page.locator("#nodes tbody tr").all() if row.is_visible()]
    assert {row.locator("td").first.inner_text() for row in visible} == {"stg_customers", "stg_events"}


PAYLOAD = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2;alert(2)</script>'


def test_project_text_never_runs_as_script(project, edit_artifact, assay, page, tmp_path, request):
    """Payloads in descriptions, column names, meta, tags, test names and messages stay text."""

    def inject(document: dict) -> None:
        orders = document["nodes"][ORDERS]
        orders["description"] = f"Orders {PAYLOAD} [click](javascript:window.__pwned=3) [data](data:text/html,x) zzpayload"
        orders["columns"][PAYLOAD] = {"name": PAYLOAD, "description": PAYLOAD, "meta": {"assay": {"role": PAYLOAD}, PAYLOAD: PAYLOAD}}
        orders["columns"]["status"]["meta"] = {"assay": {"role": '"><svg onload=alert(4)>'}}
        orders["meta"] = {"owner": PAYLOAD, "note": PAYLOAD}
        orders["tags"].append(PAYLOAD)
        for node in document["nodes"].values():
            if node["resource_type"] == "test" and node.get("test_metadata"):
                node["test_metadata"]["name"] = PAYLOAD
                node["name"] = PAYLOAD
        for exposure in document.get("exposures", {}).values():
            exposure["description"] = PAYLOAD

    edit_artifact("manifest.json", inject)
    edit_artifact("run_results.json", lambda d: [r.update(message=PAYLOAD, status="fail") for r in d["results"]])
    assert assay("docs").exit_code == 0
    site = project / "site"

    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 6
    for html in pages:
        page.goto(html.as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, html
    orders = site / node_page(ORDERS)
    page.goto(orders.as_uri())
    body = page.locator("main").inner_text()
    assert PAYLOAD in body  # shown, as text
    assert page.locator("main img, main script, main svg[onload]").count() == 0
    # The javascript: and data: links were not made links.
    assert page.locator("a[href^='javascript'], a[href^='data']").count() == 0
    screenshot(page, tmp_path, "xss-model.png", request)

    # Search results render project text too.
    page.goto((site / "index.html").as_uri())
    page.locator("#search").fill("zzpayload")
    page.locator("#search-results li a").first.wait_for()
    page.locator("#search").fill("onerror")
    # The column named after the payload, the exposure and the model all match.
    page.locator("#search-results li .badge", has_text="column").first.wait_for()
    assert PAYLOAD in page.locator("#search-results").inner_text()
    assert page.locator("#search-results img").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == [] and page.errors == [] and page.outside == []
