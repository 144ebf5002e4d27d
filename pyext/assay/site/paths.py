"""Where each page of the site lives."""

from __future__ import annotations

import hashlib
import re

_UNSAFE = re.compile(r"[^a-z0-9._-]")


def node_page(unique_id: str) -> str:
    """`models/<unique_id>.html`, made safe for any file system and URL.

    Ids are lower-cased (case-insensitive file systems would merge `Orders` and `orders`) and
    stripped of unsafe characters; whenever that changes the id, a hash of the original keeps
    the file name unique.
    """
    safe = _UNSAFE.sub("_", unique_id.lower())
    if safe != unique_id:
        safe += "-" + hashlib.sha1(unique_id.encode()).hexdigest()[:8]
    return f"models/{safe}.html"
