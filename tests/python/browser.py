"""Headless Chromium for the site tests: playwright driving the system browser.

playwright cannot download its own browser here, so it is pointed at /usr/bin/chromium; the
flags keep the browser from reaching the network on its own (updates, sync, first-run pages).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("ASSAY_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch() -> Iterator[object]:
    from playwright import sync_api

    # `make test` installs Chromium (scripts/system-deps.sh): a missing browser is a set-up error.
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.fail(f"no Chromium at {CHROMIUM}: run scripts/system-deps.sh or set ASSAY_CHROMIUM")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
