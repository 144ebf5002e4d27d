"""The site's parts on their own: search index shards, SVG drawings, Markdown, progress."""

from __future__ import annotations

import io
import json
import re

import pytest

from assay.progress import ProgressLine
from assay.site import search as search_module
from assay.site.search import Document, shard_file, tokens, write_search_index
from assay.site.svg import MAX_BOXES, Box, column_graph, model_graph
from assay.site.text import markdown


def test_tokens_split_snake_case_and_drop_single_letters():
    assert tokens("Customer_ID of a fct_orders.v2") == {"customer_id", "customer", "id", "of", "fct_orders", "fct", "orders", "v2"}


def _load(path) -> tuple[str, object]:
    call = re.fullmatch(r"assaySearch\.(\w+)\((.*)\);\n", path.read_text(), re.S)
    assert call, path.name
    name, args = call.groups()
    return name, json.loads(f"[{args}]")


def test_search_index_is_split_into_small_prefix_shards(tmp_path, monkeypatch):
    monkeypatch.setattr(search_module, "SHARD_BYTES", 2_000)
    monkeypatch.setattr(search_module, "DOC_CHUNK", 100)
    docs = [Document(f"model_{i}", "model", f"models/m{i}.html", f"model_{i} customer_{i % 50}", f"counts customers {i}") for i in range(1000)]

    write_search_index(docs, tmp_path / "search")

    _, (meta,) = _load(tmp_path / "search/meta.js")
    assert meta["documents"] == 1000 and meta["chunk"] == 100
    keys = meta["shards"]
    assert len(keys) > 5 and any(len(key) > 1 for key in keys)  # big groups were split further
    homes: dict[str, str] = {}
    for key in keys:
        name, (shard_key, terms) = _load(tmp_path / "search" / shard_file(key))
        assert name == "terms" and shard_key == key
        for word in terms:
            assert word.startswith(key) and word not in homes  # each word in exactly one shard
            homes[word] = key
    assert {"model_7", "customer", "counts", "7"} - set(homes) == {"7"}  # one-character words are not indexed
    _, (number, chunk) = _load(tmp_path / "search/d3.js")
    assert number == 3 and chunk[0][:3] == ["model_300", "model", "models/m300.html"]
    # Names rank before text: even ids for a name hit, odd for text.
    _, (_, customer_terms) = _load(tmp_path / "search" / shard_file(homes["customer"]))
    assert all(code % 2 == 0 for code in customer_terms["customer"])
    assert all(code % 2 == 1 for code in customer_terms.get("customers", []))


def test_shard_files_have_portable_names():
    assert shard_file("ab") == "t-61-62.js"
    assert shard_file("é") == "t-e9.js"


def test_svg_escapes_labels_and_caps_wide_graphs():
    attack = '<script>alert(1)</script>"'
    many = [Box(f"child_{i}", "model", f"../models/c{i}.html") for i in range(100)]
    drawing = str(model_graph(Box(attack, "model"), [Box(attack, "source", "../x.html")], many))
    assert "<script>" not in drawing and "&lt;script&gt;" in drawing
    assert "http" not in drawing  # no namespace URL, nothing external
    assert drawing.count('href="../models/c') == MAX_BOXES - 1
    assert "77 more downstream" in drawing


def test_column_graph_draws_an_edge_per_origin():
    drawing = str(column_graph([(Box("orders", "model", "o.html"), ["id", None])], ["id", "n"], [(0, "id", "id"), (0, None, "n")]))
    assert drawing.count('class="edge"') == 2


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("[a](https://example.com)", '<a href="https://example.com">'),
        ("[a](mailto:x@example.com)", '<a href="mailto:x@example.com">'),
        ("[a](../models/b.html#col-x)", '<a href="../models/b.html#col-x">'),
        ("[a](javascript:alert(1))", None),
        ("[a](JAVASCRIPT:alert(1))", None),
        ("[a](vbscript:x)", None),
        ("[a](data:text/html;base64,PHNjcmlwdD4=)", None),
        ("[a](file:///etc/passwd)", None),
        ("![img](https://example.com/x.png)", None),
    ],
)
def test_markdown_links_keep_only_safe_schemes(text, link):
    html = str(markdown(text))
    assert "<img" not in html
    if link:
        assert link in html
    else:
        assert "<a " not in html or "https://example.com/x.png" in html  # an image becomes a plain link


def test_markdown_shows_raw_html_as_text():
    assert str(markdown("<b>x</b> <script>alert(1)</script>")) == "<p>&lt;b&gt;x&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n"


def test_progress_is_silent_for_small_projects_and_quarterly_in_logs():
    stream = io.StringIO()
    small = ProgressLine("writing pages", threshold=1000, stream=stream)
    for done in range(1, 11):
        small(done, 10)
    assert stream.getvalue() == ""
    big = ProgressLine("writing pages", threshold=1000, stream=stream)
    for done in range(1, 2001):
        big(done, 2000)
    assert stream.getvalue().splitlines() == [f"assay: writing pages {n}/2000" for n in (1, 500, 1000, 1500, 2000)]
