"""Export a relation's contract as one Markdown page, for a repository, a wiki or a review.

Project text is inserted as text: `<` is escaped outside code spans (inside them Markdown
shows it literally), so no description can inject HTML into whatever renders the file;
descriptions keep the rest of their Markdown. Table cells escape `|` and flatten newlines.
"""

from __future__ import annotations

import re

from collections.abc import Iterable

from assay.contracts.model import Constraint, DataTest, Node, Project


def markdown_contract(project: Project, node: Node) -> str:
    lines: list[str] = [f"# {_text(node.label)}", ""]
    facts = [
        ("Type", node.resource_type + (f" ({node.materialization})" if node.materialization else "")),
        ("Relation", f"`{node.relation_name}`" if node.relation_name else None),
        ("Contract", "enforced" if node.contract_enforced else "not enforced"),
        ("Owner", node.owner),
        ("Access", node.access),
        ("Group", node.group),
        ("Version", node.version),
        ("Tags", ", ".join(node.tags) or None),
        ("Freshness", node.freshness_rule),
        ("Tests", _counts(node)),
        ("dbt id", f"`{node.unique_id}`"),
    ]
    lines += [f"- **{name}:** {_text(value) if not value.startswith('`') else value}" for name, value in facts if value]
    lines += ["", _text(node.description.strip()) or "_No description._", ""]

    lines += ["## Columns", ""]
    if node.columns:
        lines += _table(
            ["Column", "Role", "Declared type", "Warehouse type", "Constraints", "Description"],
            (
                [
                    f"`{c.name}`",
                    c.role or "",
                    c.declared_type or "",
                    (c.warehouse_type or "") + (" (type mismatch)" if c.type_mismatch else ""),
                    ", ".join(_constraint(k) for k in c.constraints),
                    c.description,
                ]
                for c in node.columns
            ),
        )
    else:
        lines.append("_No columns documented._")
    if node.constraints:
        lines += ["", "## Constraints", ""]
        lines += _table(["Constraint", "Columns", "Enforced"], ([_constraint(c), ", ".join(c.columns), c.enforcement.value] for c in node.constraints))
    lines += ["", "## Tests", ""]
    if node.tests:
        lines += _table(["Status", "Test", "Column", "Failures"], (_test_row(t) for t in node.tests))
        for test in node.tests:
            if test.compiled_sql:
                lines += ["", f"### {_text(test.node_name)}: {test.status.value}", "", "```sql", test.compiled_sql.replace("```", "` ` `"), "```"]
    else:
        lines.append("_No tests._")
    lines += ["", "## Lineage", ""]
    lines.append("Upstream: " + (", ".join(f"`{project.label(u)}`" for u in node.upstream) or "none"))
    lines.append("")
    lines.append("Downstream: " + (", ".join(f"`{project.label(u)}`" for u in node.downstream) or "none"))
    return "\n".join(lines) + "\n"


def _counts(node: Node) -> str | None:
    counts = [f"{count} {status.value}" for status, count in node.test_counts().items() if count]
    return ", ".join(counts) or None


def _test_row(test: DataTest) -> list[str]:
    return [test.status.value, test.test_name, f"`{test.column_name}`" if test.column_name else "", "" if test.failures is None else str(test.failures)]


def _constraint(constraint: Constraint) -> str:
    return constraint.type + (f" ({constraint.expression})" if constraint.expression else "")


def _table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return lines


def _cell(value: str) -> str:
    return _text(" ".join(value.split())).replace("|", "\\|")


_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)


def _text(value: str) -> str:
    parts, last = [], 0
    for span in _CODE_SPAN.finditer(value):
        parts += [value[last : span.start()].replace("<", "&lt;"), span.group(0)]
        last = span.end()
    parts.append(value[last:].replace("<", "&lt;"))
    return "".join(parts)
