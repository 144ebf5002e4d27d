"""What the text and Markdown reports share: headings, counts and the downstream list."""

from __future__ import annotations

from assay.contracts.diff import ContractDiff, NodeDiff, NodeStatus, ProjectSide, Severity

HEADINGS = {
    Severity.BREAKING: "Breaking changes",
    Severity.WARNING: "Warnings: not breaking under dbt's rule (no enforced contract or constraint), consumers may still break",
    Severity.INFO: "Non-breaking changes",
}


def side(project: ProjectSide) -> str:
    return project.path or project.project_name or "?"


def summary(diff: ContractDiff) -> str:
    counts = diff.counts()
    if not diff.nodes:
        return "no contract changes"
    return (
        f"{plural(counts[Severity.BREAKING], 'breaking change')}, {plural(counts[Severity.WARNING], 'warning')}, "
        f"{counts[Severity.INFO]} non-breaking in {plural(len(diff.nodes), 'node')}"
    )


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def contract_state(node: NodeDiff) -> str:
    before, after = node.contract_enforced_before, node.contract_enforced_after
    if node.status is NodeStatus.ADDED:
        return "contracted" if after else "no contract"
    if node.status is NodeStatus.DELETED:
        return "contracted" if before else "no contract"
    if before and after:
        return "contracted"
    if before:
        return "was contracted"
    if after:
        return "now contracted"
    return "no contract"


def downstream(node: NodeDiff) -> str:
    parts = []
    if node.downstream_models:
        parts.append(", ".join(d.label for d in node.downstream_models))
    if node.downstream_exposures:
        parts.append("exposures: " + ", ".join(d.label for d in node.downstream_exposures))
    return "; ".join(parts)
