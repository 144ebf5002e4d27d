"""Propose checks for every column with an ML role, as dbt properties YAML.

| role | column kind | checks (against the reference unless marked *) |
|---|---|---|
| feature | numeric | null_rate_shift, numeric_drift (PSI), out_of_range |
| feature | categorical | null_rate_shift, new_category, categorical_drift |
| feature | temporal / unknown type | null_rate_shift |
| label | any (binary) | label_distribution_shift; a numeric label with > 2 values in the profile: numeric_drift |
| prediction | numeric | probabilities*, prediction_shift; values outside [0, 1] in the profile: numeric_drift |
| prediction | categorical | categorical_drift |
| entity | | not_null* |
| timestamp | | not_null*, freshness* (not on the model a profile was captured from) |

Every test is model-level: reference checks list their columns in `column_list` (one query
for all of them), the others name theirs in `column_name`. A check a column already has (any
spelling, see names.CHECK_KINDS) is not proposed again, so running suggest twice adds nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import yaml

from assay.features.coverage import tests_by_column
from assay.features.dbt import ProfiledColumn
from assay.features.model import FeatureColumn, FeatureError, FeatureModel, Project, bare
from assay.features.names import CHECK_KINDS, SPELLING

REFERENCE_CHECKS = (
    "null_rate_shift", "numeric_drift", "out_of_range", "new_category", "categorical_drift",
    "label_distribution_shift", "prediction_shift",
)
# The order checks appear in within a model.
_ORDER = ("not_null", "freshness", "probabilities", *REFERENCE_CHECKS)


@dataclass(frozen=True)
class Reference:
    """Where reference checks compare to: a stored profile or a model."""

    arguments: dict[str, str]  # {"reference_profile": label} or {"reference": "ref('model')"}
    describe: str
    source: str  # bare relation (profile) or model name (reference model)
    is_profile: bool
    columns: dict[str, ProfiledColumn | None]  # bare column -> its profile summary (None: a model's column)

    @classmethod
    def profile(cls, label: str, profiled: list[ProfiledColumn]) -> Reference:
        rows = [row for row in profiled if row.label == label]
        return cls({"reference_profile": label}, f"profile '{label}'", bare(rows[0].source_relation) if rows else "",
                   True, {bare(row.column): row for row in rows})

    @classmethod
    def model(cls, project: Project, name: str) -> Reference:
        node = next((n for n in project.manifest.nodes.values() if n.resource_type == "model" and n.name == name), None)
        if node is None:
            raise FeatureError(f"--reference {name}: no such model in the manifest")
        names = list(node.columns)
        if project.catalog is not None and node.unique_id in project.catalog.nodes:
            names += list(project.catalog.nodes[node.unique_id].columns)
        return cls({"reference": f"ref('{name}')"}, f"model {name}", name, False, {bare(c): None for c in names})

    def is_source_of(self, model: FeatureModel) -> bool:
        if self.is_profile:
            return self.source == bare(model.relation_name or model.relation)
        return self.source == model.name


@dataclass
class Suggestion:
    model: str
    check: str
    columns: list[str]
    reference: Reference | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    name: str = ""

    def test(self, severity: str) -> dict[str, Any]:
        spelling = SPELLING[self.check] if self.check in SPELLING else None
        test = f"assay.{spelling.test}" if spelling else self.check  # not_null is dbt's own
        arguments: dict[str, Any] = {}
        if self.reference is None:
            arguments["column_name"] = self.columns[0]
        else:
            arguments["column_list"] = _Flow(self.columns)
            arguments.update(self.reference.arguments)
        arguments.update(self.extra)
        if spelling:
            arguments = {spelling.argument(key): value for key, value in arguments.items()}
        body: dict[str, Any] = {"name": self.name, "arguments": arguments}
        if severity != "error":
            body["config"] = {"severity": severity}
        return {test: body}


@dataclass
class Plan:
    suggestions: list[Suggestion]
    notes: list[str]

    def by_model(self) -> dict[str, list[Suggestion]]:
        grouped: dict[str, list[Suggestion]] = defaultdict(list)
        for suggestion in self.suggestions:
            grouped[suggestion.model].append(suggestion)
        return dict(grouped)


def _wanted(column: FeatureColumn, profiled: ProfiledColumn | None) -> list[str]:
    kind = column.kind
    if profiled is not None and kind not in ("temporal",):
        kind = profiled.kind
    if column.role == "entity":
        return ["not_null"]
    if column.role == "timestamp":
        return ["not_null", "freshness"]
    if column.role == "feature":
        return {
            "numeric": ["null_rate_shift", "numeric_drift", "out_of_range"],
            "categorical": ["null_rate_shift", "new_category", "categorical_drift"],
        }.get(kind, ["null_rate_shift"])
    if column.role == "label":
        if kind == "numeric" and profiled is not None and (profiled.distinct_count or 0) > 2:
            return ["numeric_drift"]
        return ["label_distribution_shift"]
    # prediction
    if kind == "categorical":
        return ["categorical_drift"]
    if kind == "numeric":
        outside = profiled is not None and (
            (profiled.min_value is not None and profiled.min_value < 0)
            or (profiled.max_value is not None and profiled.max_value > 1)
        )
        return ["numeric_drift"] if outside else ["probabilities", "prediction_shift"]
    return []


def plan(project: Project, references: list[Reference], models: list[str] | None = None) -> Plan:
    covered = tests_by_column(project.manifest)
    taken = {node.name for node in project.manifest.nodes.values() if node.resource_type == "test"}
    suggestions: list[Suggestion] = []
    notes: list[str] = []
    for model in project.models:
        if models and model.name not in models:
            continue
        # A relation compared with itself never drifts; a profile of the model itself is
        # worth comparing with (the model changed since the profile was captured).
        candidates = [ref for ref in references if ref.is_profile or not ref.is_source_of(model)]
        is_reference_source = any(ref.is_source_of(model) for ref in references)
        grouped: dict[tuple[str, int], Suggestion] = {}
        singles: list[Suggestion] = []
        if references and not candidates:
            notes.append(f"{model.name}: it is the reference ({', '.join(r.describe for r in references)}): "
                         "no reference checks suggested for it")
        for column in model.columns:
            has = covered.get((model.unique_id, bare(column.name)), set())
            chosen = next((ref for ref in candidates if bare(column.name) in ref.columns), None)
            profiled = chosen.columns[bare(column.name)] if chosen is not None else None
            unplaced = []
            for check in _wanted(column, profiled):
                if CHECK_KINDS[check] & has:
                    continue
                if check == "not_null" and column.not_null_enforced:
                    continue  # dbt checks it at build time
                if check == "freshness" and is_reference_source:
                    continue  # a reference is history: it is not meant to be fresh
                if check not in REFERENCE_CHECKS:
                    extra = {"interval": 1, "datepart": "day"} if check == "freshness" else {}
                    singles.append(Suggestion(model.name, check, [column.name], extra=extra))
                elif chosen is None:
                    unplaced.append(check)
                else:
                    key = (check, references.index(chosen))
                    if key not in grouped:
                        grouped[key] = Suggestion(model.name, check, [], reference=chosen)
                    grouped[key].columns.append(column.name)
            if unplaced and candidates:
                notes.append(f"{model.name}.{column.name} ({column.role}): not in "
                             f"{' or '.join(ref.describe for ref in candidates)}; not suggested: {', '.join(unplaced)}")
        model_suggestions = singles + list(grouped.values())
        model_suggestions.sort(key=lambda s: (_ORDER.index(s.check), [bare(c) for c in s.columns]))
        for suggestion in model_suggestions:
            suggestion.name = _unique_name(_base_name(suggestion), taken)
        suggestions += model_suggestions
    return Plan(suggestions, sorted(set(notes)))


def _base_name(suggestion: Suggestion) -> str:
    if suggestion.reference is None:
        return f"{suggestion.model}_{bare(suggestion.columns[0])}_{suggestion.check}"
    return f"{suggestion.model}_{suggestion.check}"


def _unique_name(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}_{n}"
    taken.add(candidate)
    return candidate


class _Flow(list):
    """A list written inline: column_list: [a, b, c]."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent sequences under their key, as dbt's docs and most projects write them.
        super().increase_indent(flow, False)


_Dumper.add_representer(_Flow, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, default_flow_style=False, allow_unicode=True, width=120)


def render_tests(suggestions: list[Suggestion], severity: str) -> str:
    """The suggestions as the items of a `data_tests:` list (no indentation)."""
    return dump([suggestion.test(severity) for suggestion in suggestions])


def properties_yaml(plan_: Plan, severity: str, header: str) -> str:
    models = [
        {"name": model, "data_tests": [s.test(severity) for s in suggestions]}
        for model, suggestions in plan_.by_model().items()
    ]
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    return "\n".join(lines) + "\n" + dump({"version": 2, "models": models})
