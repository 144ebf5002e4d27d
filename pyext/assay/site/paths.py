"""Where each page of the site lives."""

from __future__ import annotations

import hashlib
import re

_UNSAFE = re.compile(r"[^a-z0-9._-]")


def page_of(unique_id: str) -> str:
    """The page of any documented id: exposures have their own folder, everything else is a relation."""
    return exposure_page(unique_id) if unique_id.startswith("exposure.") else node_page(unique_id)


def exposure_page(unique_id: str) -> str:
    return "exposures/" + _safe(unique_id) + ".html"


def list_page(name: str, number: int) -> str:
    """Page `number` (from 1) of a long list: the first is `<name>.html`, the rest `<name>-<n>.html`."""
    return f"{name}.html" if number == 1 else f"{name}-{number}.html"


def column_anchor(name: str) -> str:
    return "col-" + _safe(name)


def node_page(unique_id: str) -> str:
    """`models/<unique_id>.html`, made safe for any file system and URL.

    Ids are lower-cased (case-insensitive file systems would merge `Orders` and `orders`) and
    stripped of unsafe characters; whenever that changes the id, a hash of the original keeps
    the file name unique.
    """
    return f"models/{_safe(unique_id)}.html"


def _safe(text: str) -> str:
    safe = _UNSAFE.sub("_", text.lower())
    if safe != text:
        safe += "-" + hashlib.sha1(text.encode()).hexdigest()[:8]
    return safe
