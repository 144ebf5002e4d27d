from __future__ import annotations

import os
from pathlib import Path

import pytest

from assay.site import publish as publish_module
from assay.site.publish import MARKER, publish_atomically as publish


def write_page(text: str):
    def render(folder: Path) -> None:
        (folder / "index.html").write_text(text)

    return render


def test_first_publish_creates_the_folder_readable_by_others(tmp_path):
    publish(tmp_path / "deep/site", write_page("v1"))
    site = tmp_path / "deep/site"
    assert (site / "index.html").read_text() == "v1"
    assert (site / MARKER).is_file()
    assert site.stat().st_mode & 0o755 == 0o755


def test_failed_swap_puts_the_old_site_back(tmp_path, monkeypatch):
    site = tmp_path / "site"
    publish(site, write_page("v1"))
    real_rename = os.rename

    def rename(src, dst):
        if ".new-" in str(src):
            raise OSError("simulated failure")
        real_rename(src, dst)

    monkeypatch.setattr(publish_module.os, "rename", rename)
    with pytest.raises(OSError, match="simulated"):
        publish(site, write_page("v2"))

    assert (site / "index.html").read_text() == "v1"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_an_empty_folder_may_be_replaced(tmp_path):
    (tmp_path / "site").mkdir()
    publish(tmp_path / "site", write_page("v1"))
    assert (tmp_path / "site/index.html").read_text() == "v1"
