"""Renderers of a ContractDiff: text for terminals, Markdown for pull requests, JSON for machines."""

from __future__ import annotations

from assay.contracts.diff import ContractDiff
from assay.reports.json import render_json
from assay.reports.markdown import render_markdown
from assay.reports.text import render_text

FORMATS = {"text": render_text, "markdown": render_markdown, "json": render_json}


def render(diff: ContractDiff, format: str = "text") -> str:
    return FORMATS[format](diff)


__all__ = ["FORMATS", "render", "render_json", "render_markdown", "render_text"]
