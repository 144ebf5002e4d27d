"""Compare two versions of a project's contracts: what changed, and what it breaks.

`diff_projects(base, target)` compares two contract models (`Project`, built from two dbt target
folders) and returns a `ContractDiff`: per node (model, seed, snapshot, source) every change to
what it promises, each with a severity:

- BREAKING: breaks an enforced contract under dbt's own rule: enforcement removed, a column
  removed, a base data type changed, an enforced constraint removed, a table/incremental model
  with enforced constraints turned into a view/ephemeral, a contracted model deleted or renamed.
- WARNING: a change of the same kind where no enforced contract protected the promise (an
  uncontracted model losing a column or changing a type, a constraint the warehouse never
  enforced, access narrowed). dbt reports nothing; consumers may still break. It would be
  breaking if the model's contract were enforced.
- INFO: not breaking: additions, type size/precision changes, documentation, tags, meta, tests,
  a contract newly enforced, new models and versions.

Every renderer (text, Markdown, JSON; later the site's changelog) reads only this model.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import msgspec

from assay.artifacts import Artifacts, Catalog, Manifest
from assay.artifacts.decode import decode_artifact
from assay.artifacts.versions import CATALOG, MANIFEST
from assay.contracts.build import build_project
from assay.contracts.diff_types import TypeChange, compare_types
from assay.contracts.model import Column, Constraint, Enforcement, Node, Project
from assay.errors import ArtifactError

SCHEMA_VERSION = 1

_MATERIALIZATIONS_WITH_DDL = frozenset({"table", "incremental"})
_ACCESS_RANK = {"private": 0, "protected": 1, "public": 2}
_NOT_DEPENDENTS = ("test", "unit_test")


class Severity(enum.Enum):
    BREAKING = "breaking"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.BREAKING: 0, Severity.WARNING: 1, Severity.INFO: 2}


class ChangeKind(enum.Enum):
    """Every kind of change assay reports. Declaration order is display order within a severity."""

    MODEL_DELETED = "model_deleted"
    MODEL_RENAMED = "model_renamed"
    VERSION_REMOVED = "version_removed"
    CONTRACT_REMOVED = "contract_removed"
    MATERIALIZATION_CHANGED = "materialization_changed"
    COLUMN_REMOVED = "column_removed"
    COLUMN_TYPE_CHANGED = "column_type_changed"
    CONSTRAINT_REMOVED = "constraint_removed"
    ACCESS_CHANGED = "access_changed"
    MODEL_ADDED = "model_added"
    VERSION_ADDED = "version_added"
    MODEL_VERSIONED = "model_versioned"
    LATEST_VERSION_CHANGED = "latest_version_changed"
    CONTRACT_ENFORCED = "contract_enforced"
    COLUMN_ADDED = "column_added"
    COLUMN_TYPE_RESIZED = "column_type_resized"
    CONSTRAINT_ADDED = "constraint_added"
    DESCRIPTION_CHANGED = "description_changed"
    TAGS_CHANGED = "tags_changed"
    META_CHANGED = "meta_changed"
    GROUP_CHANGED = "group_changed"
    TEST_ADDED = "test_added"
    TEST_REMOVED = "test_removed"


_KIND_ORDER = {kind: i for i, kind in enumerate(ChangeKind)}


class NodeStatus(enum.Enum):
    ADDED = "added"
    DELETED = "deleted"
    RENAMED = "renamed"
    MODIFIED = "modified"


class _Model(msgspec.Struct, frozen=True, kw_only=True):
    pass


class Change(_Model):
    kind: ChangeKind
    severity: Severity
    message: str  # one readable sentence, without the node's name
    column: str | None = None  # the column concerned, for column-level changes
    old: str | None = None  # the value before / after, as text, where there is one
    new: str | None = None

    @property
    def breaking(self) -> bool:
        return self.severity is Severity.BREAKING


class Dependent(_Model):
    """A node or exposure downstream of a changed node."""

    unique_id: str
    label: str
    resource_type: str


class NodeDiff(_Model):
    """The changes to one node's contract. Deleted nodes carry their old id, others the new one."""

    unique_id: str
    label: str
    resource_type: str
    status: NodeStatus
    old_unique_id: str | None = None
    new_unique_id: str | None = None
    contract_enforced_before: bool = False
    contract_enforced_after: bool = False
    changes: tuple[Change, ...] = ()
    # Everything downstream, transitively (tests excluded), for nodes with breaking or warning
    # changes: from the new project, or the old one for a deleted or renamed node.
    downstream: tuple[Dependent, ...] = ()

    @property
    def severity(self) -> Severity:
        return min((change.severity for change in self.changes), key=lambda s: s.rank, default=Severity.INFO)

    @property
    def breaking(self) -> bool:
        return any(change.breaking for change in self.changes)

    @property
    def downstream_models(self) -> tuple[Dependent, ...]:
        return tuple(d for d in self.downstream if d.resource_type != "exposure")

    @property
    def downstream_exposures(self) -> tuple[Dependent, ...]:
        return tuple(d for d in self.downstream if d.resource_type == "exposure")


class ProjectSide(_Model):
    """Which project version one side of the diff is."""

    path: str | None = None
    project_name: str | None = None
    adapter_type: str | None = None
    dbt_version: str | None = None
    generated_at: str | None = None
    has_catalog: bool = False


class ContractDiff(_Model):
    base: ProjectSide
    target: ProjectSide
    nodes: tuple[NodeDiff, ...] = ()  # only nodes with changes: most severe first, then by label
    notes: tuple[str, ...] = ()  # caveats about the comparison, e.g. a missing catalog

    @property
    def breaking(self) -> bool:
        return any(node.breaking for node in self.nodes)

    def changes(self) -> Iterator[tuple[NodeDiff, Change]]:
        for node in self.nodes:
            for change in node.changes:
                yield node, change

    def counts(self) -> dict[Severity, int]:
        counts = dict.fromkeys(Severity, 0)
        for _, change in self.changes():
            counts[change.severity] += 1
        return counts

    def for_node(self, unique_id: str) -> NodeDiff | None:
        """The diff of one node, by its new or old id (for the site's changelog)."""
        for node in self.nodes:
            if unique_id in (node.unique_id, node.old_unique_id, node.new_unique_id):
                return node
        return None

    def to_json(self) -> dict[str, Any]:
        """The documented JSON document (docs/diff.md); stable within SCHEMA_VERSION."""
        counts = self.counts()
        return {
            "schema_version": SCHEMA_VERSION,
            "breaking": self.breaking,
            "summary": {
                "breaking": counts[Severity.BREAKING],
                "warning": counts[Severity.WARNING],
                "info": counts[Severity.INFO],
                "nodes_changed": len(self.nodes),
            },
            "base": msgspec.to_builtins(self.base),
            "target": msgspec.to_builtins(self.target),
            "notes": list(self.notes),
            "nodes": [_node_json(node) for node in self.nodes],
        }


def _node_json(node: NodeDiff) -> dict[str, Any]:
    return {
        "unique_id": node.unique_id,
        "label": node.label,
        "resource_type": node.resource_type,
        "status": node.status.value,
        "old_unique_id": node.old_unique_id,
        "new_unique_id": node.new_unique_id,
        "contract_enforced_before": node.contract_enforced_before,
        "contract_enforced_after": node.contract_enforced_after,
        "severity": node.severity.value,
        "breaking": node.breaking,
        "changes": [
            {
                "kind": c.kind.value,
                "severity": c.severity.value,
                "breaking": c.breaking,
                "would_break_if_contracted": c.severity is Severity.WARNING,
                "column": c.column,
                "old": c.old,
                "new": c.new,
                "message": c.message,
            }
            for c in node.changes
        ],
        "downstream": [msgspec.to_builtins(d) for d in node.downstream],
    }


# --------------------------------------------------------------------------------------------
# Loading one side


def load_project(target: Path) -> tuple[Project, ProjectSide]:
    """The contract model of one dbt target folder (manifest required, catalog optional).

    Unlike `assay docs`, run_results and sources are not read: test outcomes are no contract.
    A path to the manifest itself is accepted too.
    """
    folder = target.parent if target.is_file() else target
    manifest_path = folder / MANIFEST.file_name
    if not folder.is_dir():
        raise ArtifactError(manifest_path, f"not found: no folder {folder}")
    if not manifest_path.is_file():
        raise ArtifactError(manifest_path, "not found (run `dbt parse` or `dbt build` there first)")
    manifest = decode_artifact(manifest_path, MANIFEST, Manifest)
    catalog_path = folder / CATALOG.file_name
    catalog = decode_artifact(catalog_path, CATALOG, Catalog) if catalog_path.exists() else None
    project = build_project(Artifacts(manifest=manifest, catalog=catalog))
    return project, _side(project, str(folder))


def _side(project: Project, path: str | None) -> ProjectSide:
    return ProjectSide(
        path=path,
        project_name=project.name,
        adapter_type=project.adapter_type,
        dbt_version=project.dbt_version,
        generated_at=project.generated_at,
        has_catalog=project.has_catalog,
    )


# --------------------------------------------------------------------------------------------
# Comparing


def diff_projects(
    base: Project, target: Project, *, base_side: ProjectSide | None = None, target_side: ProjectSide | None = None
) -> ContractDiff:
    """Every change to every node's contract from `base` (the old project) to `target` (the new)."""
    adapter = target.adapter_type or base.adapter_type
    old_ids = [uid for uid in base.nodes if uid not in target.nodes]
    new_ids = [uid for uid in target.nodes if uid not in base.nodes]
    pairs: list[tuple[Node, Node, NodeStatus, list[Change]]] = [
        (base.nodes[uid], target.nodes[uid], NodeStatus.MODIFIED, []) for uid in base.nodes if uid in target.nodes
    ]

    # An unversioned model that became versioned: unpinned refs now resolve to the latest version.
    for uid in list(old_ids):
        old = base.nodes[uid]
        if old.version is not None:
            continue
        latest = next(
            (
                target.nodes[n]
                for n in new_ids
                if _same_family(old, target.nodes[n])
                and target.nodes[n].version is not None
                and target.nodes[n].version == target.nodes[n].latest_version
            ),
            None,
        )
        if latest is not None:
            old_ids.remove(uid)
            new_ids.remove(latest.unique_id)
            change = Change(
                kind=ChangeKind.MODEL_VERSIONED, severity=Severity.INFO, new=latest.version,
                message=f"now versioned: unpinned refs resolve to its latest version, v{latest.version}",
            )
            pairs.append((old, latest, NodeStatus.MODIFIED, [change]))

    # A deleted node and a new one promising the same columns (or the same relation) were renamed.
    for uid in list(old_ids):
        old = base.nodes[uid]
        candidates = [n for n in new_ids if _looks_renamed(old, target.nodes[n])]
        backwards = [o for o in old_ids if candidates and _looks_renamed(base.nodes[o], target.nodes[candidates[0]])]
        if len(candidates) == 1 and backwards == [uid]:
            new = target.nodes[candidates[0]]
            old_ids.remove(uid)
            new_ids.remove(new.unique_id)
            change = Change(
                kind=ChangeKind.MODEL_RENAMED, severity=_removal_severity(old), old=old.label, new=new.label,
                message=f"renamed: {old.label} → {new.label}{_unprotected(old)}",
            )
            pairs.append((old, new, NodeStatus.RENAMED, [change]))

    diffs: list[NodeDiff] = []
    for old, new, status, first in pairs:
        changes = first + _compare(old, new, base, target, adapter)
        if not changes:
            continue
        # Refs to a renamed model's old name are in the old project only.
        dependents_in = base if status is NodeStatus.RENAMED else target
        diffs.append(_node_diff(new, status, changes, old=old, new=new, downstream_in=dependents_in))

    for uid in old_ids:
        old = base.nodes[uid]
        siblings = [n for n in target.nodes.values() if _same_family(old, n)]
        if old.version is not None and siblings:
            change = Change(
                kind=ChangeKind.VERSION_REMOVED, severity=_removal_severity(old), old=old.version,
                message=f"version {old.version} removed{_unprotected(old)}",
            )
        else:
            what = "contracted model" if old.contract_enforced else old.resource_type
            change = Change(
                kind=ChangeKind.MODEL_DELETED, severity=_removal_severity(old),
                message=f"{what} deleted{_unprotected(old)}",
            )
        diffs.append(_node_diff(old, NodeStatus.DELETED, [change], old=old, new=None, downstream_in=base))

    for uid in new_ids:
        new = target.nodes[uid]
        siblings = [n for n in base.nodes.values() if _same_family(new, n)]
        if new.version is not None and siblings:
            change = Change(
                kind=ChangeKind.VERSION_ADDED, severity=Severity.INFO, new=new.version, message=f"new version {new.version}",
            )
        else:
            change = Change(kind=ChangeKind.MODEL_ADDED, severity=Severity.INFO, message=f"new {new.resource_type}")
        diffs.append(_node_diff(new, NodeStatus.ADDED, [change], old=None, new=new, downstream_in=target))

    diffs.sort(key=lambda d: (d.severity.rank, d.label, d.unique_id))
    return ContractDiff(
        base=base_side or _side(base, None),
        target=target_side or _side(target, None),
        nodes=tuple(diffs),
        notes=_notes(base, target),
    )


def _node_diff(
    node: Node, status: NodeStatus, changes: list[Change], *, old: Node | None, new: Node | None, downstream_in: Project
) -> NodeDiff:
    changes.sort(key=lambda c: (c.severity.rank, _KIND_ORDER[c.kind], c.column or ""))
    worrying = any(change.severity is not Severity.INFO for change in changes)
    origin = old if old is not None and status in (NodeStatus.DELETED, NodeStatus.RENAMED) else node
    return NodeDiff(
        unique_id=node.unique_id,
        label=node.label,
        resource_type=node.resource_type,
        status=status,
        old_unique_id=old.unique_id if old else None,
        new_unique_id=new.unique_id if new else None,
        contract_enforced_before=bool(old and old.contract_enforced),
        contract_enforced_after=bool(new and new.contract_enforced),
        changes=tuple(changes),
        downstream=_downstream(downstream_in, origin.unique_id) if worrying else (),
    )


def _downstream(project: Project, unique_id: str) -> tuple[Dependent, ...]:
    """Every node and exposure that depends on `unique_id`, transitively, nearest first."""
    seen: dict[str, None] = {}
    frontier = [unique_id]
    while frontier:
        following = []
        for current in frontier:
            node = project.nodes.get(current)
            for child in node.downstream if node else ():
                if child not in seen and child != unique_id and child.split(".", 1)[0] not in _NOT_DEPENDENTS:
                    seen[child] = None
                    following.append(child)
        frontier = following
    return tuple(
        Dependent(unique_id=uid, label=project.label(uid), resource_type=uid.split(".", 1)[0]) for uid in seen
    )


def _notes(base: Project, target: Project) -> tuple[str, ...]:
    missing = [name for name, project in (("base", base), ("target", target)) if not project.has_catalog]
    if not missing:
        return ()
    sides = " and ".join(missing)
    return (
        f"no catalog.json for the {sides}: uncontracted models are compared by their documented "
        "columns and declared types only (run `dbt docs generate` to compare the warehouse's)",
    )


def _same_family(a: Node, b: Node) -> bool:
    """Versions of the same versioned model (or the same model name)."""
    return (a.resource_type, a.package, a.name) == (b.resource_type, b.package, b.name)


def _looks_renamed(old: Node, new: Node) -> bool:
    if (old.resource_type, old.package) != (new.resource_type, new.package) or old.name == new.name:
        return False
    if old.relation_name and old.relation_name == new.relation_name:
        return True
    signature = _signature(old)
    return bool(signature) and signature == _signature(new)


def _signature(node: Node) -> tuple[tuple[str, str], ...]:
    """The documented columns with their declared types: what a contract promises."""
    if not any(column.documented and column.declared_type for column in node.columns):
        return ()
    return tuple(sorted((c.name.lower(), "".join((c.declared_type or "").lower().split())) for c in node.columns if c.documented))


def _removal_severity(old: Node) -> Severity:
    return Severity.BREAKING if old.contract_enforced else Severity.WARNING


def _unprotected(old: Node) -> str:
    return "" if old.contract_enforced else " (no enforced contract)"


def _compare(old: Node, new: Node, base: Project, target: Project, adapter: str | None) -> list[Change]:
    changes: list[Change] = []
    add = changes.append

    if old.contract_enforced and not new.contract_enforced:
        add(Change(kind=ChangeKind.CONTRACT_REMOVED, severity=Severity.BREAKING, old="enforced", new="not enforced",
                   message="contract no longer enforced"))
    elif new.contract_enforced and not old.contract_enforced:
        add(Change(kind=ChangeKind.CONTRACT_ENFORCED, severity=Severity.INFO, old="not enforced", new="enforced",
                   message="contract now enforced"))

    if old.materialization != new.materialization:
        add(_materialization_change(old, new))

    if old.access != new.access:
        before, after = _ACCESS_RANK.get(old.access or "protected", 1), _ACCESS_RANK.get(new.access or "protected", 1)
        narrowed = after < before
        add(Change(
            kind=ChangeKind.ACCESS_CHANGED, severity=Severity.WARNING if narrowed else Severity.INFO,
            old=old.access, new=new.access,
            message=f"access {old.access or 'unset'} → {new.access or 'unset'}"
            + (": refs from outside its group or project may fail" if narrowed else ""),
        ))
    if old.latest_version != new.latest_version and old.version is not None:
        add(Change(kind=ChangeKind.LATEST_VERSION_CHANGED, severity=Severity.INFO, old=old.latest_version, new=new.latest_version,
                   message=f"latest version {old.latest_version} → {new.latest_version}"))
    if old.group != new.group:
        add(Change(kind=ChangeKind.GROUP_CHANGED, severity=Severity.INFO, old=old.group, new=new.group,
                   message=f"group {old.group or 'none'} → {new.group or 'none'}"))
    changes.extend(_documentation(old, new, None))

    changes.extend(_columns(old, new, adapter))
    changes.extend(_constraints(old, new, adapter))
    changes.extend(_tests(old, new))
    return changes


def _materialization_change(old: Node, new: Node) -> Change:
    message = f"materialization {old.materialization} → {new.materialization}"
    kind, arrow = ChangeKind.MATERIALIZATION_CHANGED, (old.materialization, new.materialization)
    loses_ddl = old.materialization in _MATERIALIZATIONS_WITH_DDL and new.materialization not in _MATERIALIZATIONS_WITH_DDL
    if loses_ddl and old.contract_enforced:
        lost = [(c, col) for c, col in _all_constraints(old) if c.enforcement is not Enforcement.NOT_ENFORCED]
        if lost:
            enforced = any(c.enforcement is Enforcement.ENFORCED for c, _ in lost)
            listed = ", ".join(_describe_constraint(c, col) for c, col in lost)
            return Change(
                kind=kind, severity=Severity.BREAKING if enforced else Severity.WARNING, old=arrow[0], new=arrow[1],
                message=f"{message}: its constraints are no longer enforced ({listed})",
            )
        message += " (no constraint was enforced)"
    return Change(kind=kind, severity=Severity.INFO, old=arrow[0], new=arrow[1], message=message)


def _documentation(old: Node | Column, new: Node | Column, column: str | None) -> Iterator[Change]:
    where = f"column {column}: " if column else ""
    if old.description != new.description:
        yield Change(kind=ChangeKind.DESCRIPTION_CHANGED, severity=Severity.INFO, column=column,
                     old=old.description, new=new.description, message=f"{where}description changed")
    if set(old.tags) != set(new.tags):
        yield Change(kind=ChangeKind.TAGS_CHANGED, severity=Severity.INFO, column=column,
                     old=", ".join(old.tags), new=", ".join(new.tags),
                     message=f"{where}tags {_set_delta(old.tags, new.tags)}")
    if old.meta != new.meta:
        keys = sorted(k for k in set(old.meta) | set(new.meta) if old.meta.get(k) != new.meta.get(k))
        yield Change(kind=ChangeKind.META_CHANGED, severity=Severity.INFO, column=column,
                     old=_json(old.meta), new=_json(new.meta), message=f"{where}meta changed ({', '.join(keys)})")


def _columns(old: Node, new: Node, adapter: str | None) -> Iterator[Change]:
    contracted = old.contract_enforced or new.contract_enforced
    # What a model's columns really are: the contract for a contracted model (dbt enforces it),
    # otherwise the warehouse's, when both catalogs know the relation; failing that, the YAML.
    warehouse = not contracted and _in_catalog(old) and _in_catalog(new)
    before, after = _present(old, warehouse), _present(new, warehouse)
    severity = Severity.BREAKING if old.contract_enforced else Severity.WARNING
    suffix = _unprotected(old)

    for key, column in before.items():
        if key not in after:
            yield Change(kind=ChangeKind.COLUMN_REMOVED, severity=severity, column=column.name,
                         old=_type_of(column, warehouse), message=f"column {column.name} removed{suffix}")
    for key, column in after.items():
        if key not in before:
            yield Change(kind=ChangeKind.COLUMN_ADDED, severity=Severity.INFO, column=column.name,
                         new=_type_of(column, warehouse), message=f"column {column.name} added")
    for key, was in before.items():
        now = after.get(key)
        if now is None:
            continue
        old_type, new_type = _type_of(was, warehouse), _type_of(now, warehouse)
        if not old_type or not new_type:
            continue
        change = compare_types(old_type, new_type, adapter)
        if change is TypeChange.CHANGED:
            yield Change(kind=ChangeKind.COLUMN_TYPE_CHANGED, severity=severity, column=now.name, old=old_type, new=new_type,
                         message=f"column {now.name} type {old_type} → {new_type}{suffix}")
        elif change is TypeChange.RESIZED:
            yield Change(kind=ChangeKind.COLUMN_TYPE_RESIZED, severity=Severity.INFO, column=now.name, old=old_type, new=new_type,
                         message=f"column {now.name} type {old_type} → {new_type} (size or precision only)")

    # Documentation of the columns both sides document, whichever basis decides presence.
    old_docs = {c.name.lower(): c for c in old.columns if c.documented}
    for key, now in ((c.name.lower(), c) for c in new.columns if c.documented):
        was = old_docs.get(key)
        if was is not None:
            yield from _documentation(was, now, now.name)


def _in_catalog(node: Node) -> bool:
    return any(column.in_warehouse is not None for column in node.columns)


def _present(node: Node, warehouse: bool) -> dict[str, Column]:
    if warehouse:
        return {c.name.lower(): c for c in node.columns if c.in_warehouse}
    return {c.name.lower(): c for c in node.columns if c.documented}


def _type_of(column: Column, warehouse: bool) -> str | None:
    if warehouse:
        return column.warehouse_type or column.declared_type
    return column.declared_type or column.warehouse_type


def _all_constraints(node: Node) -> Iterator[tuple[Constraint, str | None]]:
    yield from ((constraint, None) for constraint in node.constraints)
    for column in node.columns:
        yield from ((constraint, column.name) for constraint in column.constraints)


def _constraint_key(constraint: Constraint, column: str | None) -> tuple[Any, ...]:
    # A column-level constraint and the same model-level constraint on that one column are equal;
    # a constraint's name alone says nothing about what it checks.
    columns = (column,) if column else constraint.columns
    return (
        constraint.type,
        tuple(c.lower() for c in columns),
        "".join((constraint.expression or "").lower().split()),
        constraint.to,
        tuple(c.lower() for c in constraint.to_columns),
    )


def _constraints(old: Node, new: Node, adapter: str | None) -> Iterator[Change]:
    before = {_constraint_key(c, col): (c, col) for c, col in _all_constraints(old)}
    after = {_constraint_key(c, col): (c, col) for c, col in _all_constraints(new)}
    surviving_columns = {c.name.lower() for c in new.columns if c.documented}
    for key, (constraint, column) in before.items():
        if key in after:
            continue
        if column is not None and column.lower() not in surviving_columns:
            continue  # reported as the column's removal
        described = _describe_constraint(constraint, column)
        if constraint.enforcement is Enforcement.ENFORCED:
            severity, why = Severity.BREAKING, f"was enforced by {adapter or 'the warehouse'}"
        elif constraint.enforcement is Enforcement.UNKNOWN:
            severity, why = Severity.WARNING, f"enforcement by {adapter or 'this adapter'} unknown"
        else:
            severity, why = Severity.WARNING, f"was not enforced: {_why_not_enforced(old)}"
        yield Change(kind=ChangeKind.CONSTRAINT_REMOVED, severity=severity, column=column, old=described,
                     message=f"constraint {described} removed ({why})")
    for key, (constraint, column) in after.items():
        if key not in before:
            described = _describe_constraint(constraint, column)
            yield Change(kind=ChangeKind.CONSTRAINT_ADDED, severity=Severity.INFO, column=column, new=described,
                         message=f"constraint {described} added")


def _why_not_enforced(node: Node) -> str:
    if not node.contract_enforced:
        return "no enforced contract"
    if node.materialization not in _MATERIALIZATIONS_WITH_DDL:
        return f"materialized as {node.materialization}"
    return "the adapter does not enforce it"


def _describe_constraint(constraint: Constraint, column: str | None) -> str:
    text = constraint.type
    if constraint.expression:
        text += f" ({constraint.expression})"
    columns = (column,) if column else constraint.columns
    if columns:
        text += f" on {', '.join(columns)}"
    if constraint.to:
        text += f" → {constraint.to}" + (f" ({', '.join(constraint.to_columns)})" if constraint.to_columns else "")
    return text


def _tests(old: Node, new: Node) -> Iterator[Change]:
    def keyed(node: Node) -> dict[tuple[Any, ...], str]:
        tests = {}
        for test in node.tests:
            if test.kind == "generic":
                key = (test.test_name, (test.column_name or "").lower(), _json(test.arguments))
                label = test.test_name + (f" on {test.column_name}" if test.column_name else "")
            else:
                key, label = (test.kind, test.node_name), f"{test.kind} test {test.node_name}"
            tests[key] = label
        return tests

    before, after = keyed(old), keyed(new)
    for key, label in before.items():
        if key not in after:
            yield Change(kind=ChangeKind.TEST_REMOVED, severity=Severity.INFO, column=_test_column(key), old=label,
                         message=f"test {label} removed")
    for key, label in after.items():
        if key not in before:
            yield Change(kind=ChangeKind.TEST_ADDED, severity=Severity.INFO, column=_test_column(key), new=label,
                         message=f"test {label} added")


def _test_column(key: tuple[Any, ...]) -> str | None:
    return key[1] or None if len(key) == 3 else None


def _set_delta(old: Iterable[str], new: Iterable[str]) -> str:
    before, after = set(old), set(new)
    parts = [f"+{t}" for t in sorted(after - before)] + [f"-{t}" for t in sorted(before - after)]
    return " ".join(parts)


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)
