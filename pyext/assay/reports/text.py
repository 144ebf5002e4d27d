"""The terminal report: changes grouped by severity, one node per paragraph."""

from __future__ import annotations

from assay.contracts.diff import ContractDiff, Severity
from assay.reports.common import HEADINGS, contract_state, downstream, side, summary

_MARK = {Severity.BREAKING: "✗", Severity.WARNING: "!", Severity.INFO: "·"}


def render_text(diff: ContractDiff) -> str:
    lines = [f"assay diff: {side(diff.base)} → {side(diff.target)}", summary(diff)]
    lines += [f"note: {note}" for note in diff.notes]
    for severity in Severity:
        nodes = [node for node in diff.nodes if any(c.severity is severity for c in node.changes)]
        if not nodes:
            continue
        lines += ["", f"{HEADINGS[severity]}:"]
        for node in nodes:
            lines.append(f"  {node.label} ({node.resource_type}, {contract_state(node)})")
            lines += [f"    {_MARK[severity]} {c.message}" for c in node.changes if c.severity is severity]
            affected = downstream(node)
            if affected and severity is not Severity.INFO:
                lines.append(f"    downstream: {affected}")
    return "\n".join(lines) + "\n"
