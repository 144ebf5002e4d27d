"""Lineage drawn as inline SVG, laid out in Python: pages need no graph library and no script.

Two drawings: the model graph (parents → this node → children, one hop each way) and the
column graph (the upstream columns each of this model's columns is computed from). Every
piece of project text goes through `escape`; links are relative hrefs to pages of the site.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# Beyond this many boxes on one side, the rest is summarized: a source read by 5,000 models
# must not turn its page into a 5,000-box drawing.
MAX_BOXES = 24
MAX_COLUMN_ROWS = 80

_BOX_W, _BOX_H, _GAP = 230, 24, 8
_COL_GAP = 110
_CHARS = 30  # labels longer than this are cut, with the full text in a tooltip


@dataclass(frozen=True)
class Box:
    label: str
    kind: str  # css class: model, source, seed, snapshot, exposure, more, column, relation
    href: str | None = None
    title: str | None = None


def model_graph(center: Box, parents: Sequence[Box], children: Sequence[Box]) -> Markup:
    parents, children = _capped(parents, "upstream"), _capped(children, "downstream")
    rows = max(len(parents), len(children), 1)
    height = rows * (_BOX_H + _GAP) + _GAP
    width = 3 * _BOX_W + 2 * _COL_GAP
    x_left, x_mid, x_right = 0, _BOX_W + _COL_GAP, 2 * (_BOX_W + _COL_GAP)
    y_mid = (height - _BOX_H) / 2
    parts: list[str] = []
    for index, box in enumerate(parents):
        y = _row_y(index, len(parents), height)
        parts.append(_edge(x_left + _BOX_W, y + _BOX_H / 2, x_mid, y_mid + _BOX_H / 2))
    for index, box in enumerate(children):
        y = _row_y(index, len(children), height)
        parts.append(_edge(x_mid + _BOX_W, y_mid + _BOX_H / 2, x_right, y + _BOX_H / 2))
    for index, box in enumerate(parents):
        parts.append(_box(box, x_left, _row_y(index, len(parents), height)))
    for index, box in enumerate(children):
        parts.append(_box(box, x_right, _row_y(index, len(children), height)))
    parts.append(_box(center, x_mid, y_mid, current=True))
    return _svg(width, height, "Model lineage: upstream, this node, downstream", parts)


def column_graph(
    groups: Sequence[tuple[Box, Sequence[str | None]]], columns: Sequence[str], edges: Iterable[tuple[int, str | None, str]]
) -> Markup:
    """`groups`: each upstream relation with the columns of it that are read (None: its rows).
    `columns`: this model's columns. `edges`: (group index, upstream column, this model's column)."""
    left: list[tuple[Box, int | None, str | None]] = []  # box, group, column (None for a header)
    row_of: dict[tuple[int, str | None], int] = {}
    for index, (relation, used) in enumerate(groups):
        row_of[(index, None)] = len(left)
        left.append((relation, index, None))
        for column in used:
            if column is None:
                continue
            row_of[(index, column)] = len(left)
            left.append((Box(column, "column"), index, column))
    shown = list(columns[:MAX_COLUMN_ROWS])
    right_row = {name: row for row, name in enumerate(shown)}
    rows = max(len(left), len(shown), 1)
    row_h = _BOX_H - 4
    height = rows * (row_h + 4) + 8
    width = 2 * _BOX_W + 2 * _COL_GAP
    x_right = _BOX_W + 2 * _COL_GAP
    parts: list[str] = []
    for group, upstream, column in edges:
        source, target = row_of.get((group, upstream)), right_row.get(column)
        if source is None or target is None:
            continue
        parts.append(_edge(_BOX_W, 4 + source * (row_h + 4) + row_h / 2, x_right, 4 + target * (row_h + 4) + row_h / 2))
    for row, (box, _, column) in enumerate(left):
        indent = 12 if column is not None else 0
        parts.append(_box(box, indent, 4 + row * (row_h + 4), width=_BOX_W - indent, height=row_h))
    for row, name in enumerate(shown):
        parts.append(_box(Box(name, "column"), x_right, 4 + row * (row_h + 4), height=row_h))
    if len(columns) > len(shown):
        parts.append(f'<text x="{x_right}" y="{height + 14}" class="more">{len(columns) - len(shown)} more columns not drawn</text>')
        height += 20
    return _svg(width, height, "Column lineage: upstream columns on the left, this model's columns on the right", parts)


def _capped(boxes: Sequence[Box], side: str) -> list[Box]:
    if len(boxes) <= MAX_BOXES:
        return list(boxes)
    hidden = len(boxes) - (MAX_BOXES - 1)
    return [*boxes[: MAX_BOXES - 1], Box(f"… {hidden} more {side}", "more", title="listed below the drawing")]


def _row_y(index: int, count: int, height: float) -> float:
    block = count * (_BOX_H + _GAP) - _GAP
    return (height - block) / 2 + index * (_BOX_H + _GAP)


def _box(box: Box, x: float, y: float, *, width: float = _BOX_W, height: float = _BOX_H, current: bool = False) -> str:
    label = box.label if len(box.label) <= _CHARS else box.label[: _CHARS - 1] + "…"
    css = f"box {box.kind}{' current' if current else ''}"
    title = box.title or box.label
    inner = (
        f'<title>{escape(title)}</title>'
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{width:.0f}" height="{height:.0f}" rx="4"></rect>'
        f'<text x="{x + 8:.0f}" y="{y + height / 2 + 4:.0f}">{escape(label)}</text>'
    )
    if box.href:
        return f'<a href="{escape(box.href)}" class="{css}">{inner}</a>'
    return f'<g class="{css}">{inner}</g>'


def _edge(x1: float, y1: float, x2: float, y2: float) -> str:
    bend = (x2 - x1) / 2
    return f'<path class="edge" d="M{x1:.0f},{y1:.0f} C{x1 + bend:.0f},{y1:.0f} {x2 - bend:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"></path>'


def _svg(width: float, height: float, label: str, parts: list[str]) -> Markup:
    # Inline SVG in HTML needs no xmlns (and so names no URL).
    return Markup(
        f'<svg class="graph" role="img" aria-label="{escape(label)}" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}">' + "".join(parts) + "</svg>"
    )


_HIST_LABEL_W, _HIST_BAR_W, _HIST_ROW_H, _HIST_BAR_H = 190, 300, 26, 10
_HIST_CHARS = 28


def histogram(label: str, rows: Sequence[tuple[str, float | None, float | None, str]]) -> Markup:
    """Reference against current shares, one row of two bars per bin or category.

    `rows`: (bin label, reference share, current share, note); a share of None is drawn as
    nothing (the side has no data). Bars are scaled to the largest share, printed beside them.
    """
    top = max([share for _, ref, cur, _ in rows for share in (ref, cur) if share is not None] + [0.0]) or 1.0
    width = _HIST_LABEL_W + _HIST_BAR_W + 70
    height = 28 + len(rows) * _HIST_ROW_H
    parts = [
        f'<rect class="hist-ref" x="{_HIST_LABEL_W}" y="6" width="12" height="10"></rect>'
        f'<text x="{_HIST_LABEL_W + 16}" y="15">reference</text>'
        f'<rect class="hist-cur" x="{_HIST_LABEL_W + 100}" y="6" width="12" height="10"></rect>'
        f'<text x="{_HIST_LABEL_W + 116}" y="15">current</text>'
    ]
    for index, (name, ref, cur, note) in enumerate(rows):
        y = 26 + index * _HIST_ROW_H
        shown = name if len(name) <= _HIST_CHARS else name[: _HIST_CHARS - 1] + "…"
        tooltip = f"{name}{' (' + note + ')' if note else ''}: reference {_share(ref)}, current {_share(cur)}"
        row = [f"<title>{escape(tooltip)}</title>", f'<text x="0" y="{y + 15}" class="bin">{escape(shown)}</text>']
        for offset, css, share in ((1, "hist-ref", ref), (_HIST_BAR_H + 2, "hist-cur", cur)):
            if share is None:
                continue
            bar = max(share / top * _HIST_BAR_W, 0.5 if share > 0 else 0)
            row.append(
                f'<rect class="{css}" x="{_HIST_LABEL_W}" y="{y + offset}" width="{bar:.1f}" height="{_HIST_BAR_H}"></rect>'
                f'<text x="{_HIST_LABEL_W + bar + 4:.1f}" y="{y + offset + 9}" class="share">{share:.3f}</text>'
            )
        parts.append(f'<g class="hist-row{" unseen" if note == "unseen" else ""}">{"".join(row)}</g>')
    return Markup(
        f'<svg class="histogram" role="img" aria-label="{escape(label)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><title>{escape(label)}</title>' + "".join(parts) + "</svg>"
    )


def _share(share: float | None) -> str:
    return "no data" if share is None else f"{share:.4f}"
