"""The search index, split so that no file carries the whole project.

A search loads only what it needs: `search/meta.js` (the list of shard keys), the term shards
whose key prefixes the typed words, then the document chunks holding the best hits. Files are
scripts that call `assaySearch.*` rather than JSON, because browsers refuse `fetch` on pages
opened from disk (file://) but do run a `<script src>` added to the page.

Terms are grouped by prefix: one letter while the group is small, longer prefixes where it is
not, so a huge project gets more shards instead of bigger ones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import msgspec

SHARD_BYTES = 200_000  # split a prefix group above this (each shard stays far below 1 MB)
DOC_CHUNK = 1_000  # documents per chunk file
_MAX_PREFIX = 6
_HINT_CHARS = 90
_TOKEN = re.compile(r"[^\W_]+(?:_[^\W_]+)*", re.UNICODE)


@dataclass(frozen=True)
class Document:
    label: str
    kind: str  # model, source, seed, snapshot, exposure, column
    url: str  # relative to the site's root
    names: str  # text whose words rank first (name, column name)
    text: str = ""  # description and other searchable text


def tokens(text: str) -> set[str]:
    """Lower-cased words; `customer_id` also gives `customer` and `id` so either finds it."""
    found: set[str] = set()
    for match in _TOKEN.finditer(text.lower()):
        word = match.group(0)
        found.add(word)
        if "_" in word:
            found.update(part for part in word.split("_") if part)
    return {word for word in found if len(word) >= 2}


def write_search_index(documents: Iterable[Document], dest: Path) -> dict[str, int]:
    """Write the index into `dest` (a `search/` folder); returns each file's size in bytes."""
    dest.mkdir()
    postings: dict[str, list[int]] = defaultdict(list)
    chunks: list[list[list[str]]] = []
    for doc_id, doc in enumerate(documents):
        if doc_id % DOC_CHUNK == 0:
            chunks.append([])
        hint = " ".join(doc.text.split())
        hint = hint if len(hint) <= _HINT_CHARS else hint[: _HINT_CHARS - 1] + "…"
        chunks[-1].append([doc.label, doc.kind, doc.url, hint])
        named = tokens(doc.names)
        # Even ids: the word is in the name; odd ids: only in the text. The script ranks names first.
        for word in named:
            postings[word].append(doc_id * 2)
        for word in tokens(doc.text) - named:
            postings[word].append(doc_id * 2 + 1)

    shards = _split(sorted(postings), postings, "")
    for key, words in shards.items():
        body = msgspec.json.encode({word: postings[word] for word in words}).decode()
        _write(dest / shard_file(key), f"assaySearch.terms({_js(key)},{body});\n")
    for number, chunk in enumerate(chunks):
        _write(dest / f"d{number}.js", f"assaySearch.docs({number},{msgspec.json.encode(chunk).decode()});\n")
    meta = {"shards": sorted(shards), "chunk": DOC_CHUNK, "documents": sum(len(c) for c in chunks)}
    _write(dest / "meta.js", f"assaySearch.meta({msgspec.json.encode(meta).decode()});\n")
    return {path.name: path.stat().st_size for path in dest.iterdir()}


def shard_file(key: str) -> str:
    """`t-<hex code points>.js`: safe on any file system, and the script computes the same name."""
    return "t-" + "-".join(f"{ord(char):x}" for char in key) + ".js"


def _split(words: list[str], postings: dict[str, list[int]], prefix: str) -> dict[str, list[str]]:
    """Group sorted `words` (all starting with `prefix`) into shards under the size limit."""
    groups: dict[str, list[str]] = defaultdict(list)
    length = len(prefix) + 1
    for word in words:
        groups[word[:length]].append(word)
    shards: dict[str, list[str]] = {}
    for key, members in groups.items():
        size = sum(len(w) + 4 + 7 * len(postings[w]) for w in members)
        # A word shorter than the next prefix stays in this shard, so every word has one home.
        longer = [w for w in members if len(w) > length]
        if size > SHARD_BYTES and len(key) < _MAX_PREFIX and longer:
            shards[key] = [w for w in members if len(w) <= length]
            shards.update(_split(longer, postings, key))
        else:
            shards[key] = members
    return shards


def _js(text: str) -> str:
    return msgspec.json.encode(text).decode()


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
