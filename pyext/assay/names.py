"""File names for dbt ids, shared by the site and the exports."""

from __future__ import annotations

import hashlib
import re

_UNSAFE = re.compile(r"[^a-z0-9._-]")


def safe_name(text: str) -> str:
    """`text` made safe for any file system and URL.

    Lower-cased (case-insensitive file systems would merge `Orders` and `orders`) and stripped
    of unsafe characters; whenever that changes the text, a hash of the original keeps the
    name unique.
    """
    safe = _UNSAFE.sub("_", text.lower())
    if safe != text:
        safe += "-" + hashlib.sha1(text.encode()).hexdigest()[:8]
    return safe
