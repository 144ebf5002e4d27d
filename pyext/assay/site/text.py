"""Project text as HTML: descriptions are Markdown, rendered so that nothing in them runs.

Raw HTML is shown as text (markdown-it with html disabled), links keep only safe schemes, and
images become plain links: a description must not make a reader's browser fetch anything.
"""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt
from markupsafe import Markup

_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:)")


def _safe_link(url: str) -> bool:
    """Relative links and anchors pass; absolute ones only with http(s) or mailto."""
    match = _SCHEME.match(url)
    return match is None or match.group(1).lower() in _SAFE_SCHEMES


_markdown = MarkdownIt("commonmark", {"html": False}).enable("table").disable("image")
_markdown.validateLink = _safe_link  # type: ignore[method-assign]

# Most descriptions are one plain sentence; markdown-it would spend most of a page's time on them.
_PLAIN_TEXT = re.compile(r"(?:[^\W_]|[ .,;:'\"()?/%$@])*")
_LIST_ITEM = re.compile(r"\d+[.)](\s|$)")


@functools.lru_cache(maxsize=8192)
def markdown(text: str) -> Markup:
    """A description as HTML. Cached: doc blocks repeat the same text across many columns."""
    text = text.strip()
    if not text:
        return Markup("")
    if _PLAIN_TEXT.fullmatch(text) and not _LIST_ITEM.match(text):
        return Markup("<p>{}</p>\n").format(text)
    return Markup(_markdown.render(text))
