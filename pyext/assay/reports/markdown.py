"""The pull-request comment: a summary line and one table per severity (non-breaking folded)."""

from __future__ import annotations

from assay.contracts.diff import Change, ContractDiff, NodeDiff, Severity
from assay.reports.common import HEADINGS, contract_state, side, summary


def render_markdown(diff: ContractDiff) -> str:
    lines = ["## assay: contract changes", ""]
    verdict = "**Breaking contract changes.**" if diff.breaking else "No breaking contract changes."
    lines += [f"{verdict} {_escape(summary(diff))} (`{_escape(side(diff.base))}` → `{_escape(side(diff.target))}`)."]
    lines += ["", *(f"> {_escape(note)}" for note in diff.notes)] if diff.notes else []
    for severity in Severity:
        rows = [(node, c) for node, c in diff.changes() if c.severity is severity]
        if not rows:
            continue
        table = _table(rows, with_downstream=severity is not Severity.INFO)
        if severity is Severity.INFO:
            lines += ["", f"<details><summary>{HEADINGS[severity]} ({len(rows)})</summary>", "", *table, "", "</details>"]
        else:
            lines += ["", f"### {HEADINGS[severity]} ({len(rows)})", "", *table]
    return "\n".join(lines) + "\n"


def _table(rows: list[tuple[NodeDiff, Change]], *, with_downstream: bool) -> list[str]:
    header = ["Model", "Contract", "Change"] + (["Downstream"] if with_downstream else [])
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for node, change in rows:
        cells = [f"`{_escape(node.label)}`", contract_state(node), _escape(change.message)]
        if with_downstream:
            cells.append(_downstream(node))
        out.append("| " + " | ".join(cells) + " |")
    return out


def _downstream(node: NodeDiff) -> str:
    items = [f"`{_escape(d.label)}`" for d in node.downstream_models]
    items += [f"exposure `{_escape(d.label)}`" for d in node.downstream_exposures]
    return ", ".join(items) or "none"


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
