"""`assay features profile | suggest | coverage`."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from assay.features.coverage import coverage_gaps, required_checks
from assay.features.model import CHECKED_ROLES, FeatureError, FeatureModel, load_project

log = logging.getLogger("assay")

_project_dir = click.option(
    "--project-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
    help="The dbt project.",
)
_target_path = click.option(
    "--target-path", type=click.Path(path_type=Path), default=Path("target"), show_default=True,
    help="dbt's target folder (manifest.json, catalog.json), relative to the project dir.",
)
_profiles_dir = click.option(
    "--profiles-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Where dbt finds profiles.yml (default: as dbt decides; the project dir if it holds one).",
)


@click.group()
def features() -> None:
    """ML feature checks: reference profiles, suggested checks, a coverage gate."""


def _label(model: FeatureModel, label: str | None, several: bool) -> str:
    if label is None:
        return model.name
    return f"{label}_{model.name}" if several else label


@features.command()
@_project_dir
@_target_path
@_profiles_dir
@click.option("--select", "select", multiple=True, metavar="MODEL", help="Profile this model (repeatable); default every model with feature, label or prediction columns.")
@click.option("--label", default=None, help="Profile label (default the model's name; with several models, LABEL_<model>).")
def profile(project_dir: Path, target_path: Path, profiles_dir: Path | None, select: tuple[str, ...], label: str | None) -> None:
    """Capture reference profiles of the role columns, through dbt (assay.capture_profile)."""
    from assay.features.dbt import DbtProject, capture_profile, profile_summary

    project = load_project(project_dir, target_path)
    models = [project.model(name) for name in select] if select else [m for m in project.models if m.with_role(*CHECKED_ROLES)]
    models = [model for model in models if model.with_role(*CHECKED_ROLES)]
    if not models:
        raise FeatureError(
            "no model to profile: no column has role feature, label or prediction"
            " (config: {meta: {assay: {role: feature}}} on a column)"
        )
    dbt = DbtProject(project_dir, profiles_dir)
    labels: dict[str, str] = {}
    for model in models:
        columns = [column for column in model.with_role(*CHECKED_ROLES) if column.kind != "temporal"]
        if not columns:
            log.warning("%s: its role columns are dates or timestamps, which profiles do not hold; skipped", model.name)
            continue
        this = _label(model, label, len(models) > 1)
        capture_profile(
            dbt, model, this, [column.name for column in columns],
            [column.name for column in columns if column.kind == "categorical"],
        )
        labels[this] = model.name
    if not labels:
        return
    for row in _summarise(profile_summary(dbt, list(labels))):
        click.echo(
            f"captured profile '{row['label']}' of {labels[row['label']]}: {row['columns']} ({row['rows']} rows)"
            f" into {row['table']}"
        )


def _summarise(rows: list[dict]) -> list[dict]:
    by_label: dict[str, dict] = {}
    for row in rows:
        entry = by_label.setdefault(row["profile_label"], {"label": row["profile_label"], "parts": [], "rows": 0, "table": row["profile_table"]})
        entry["parts"].append(f"{int(row['n_columns'])} {row['kind']}")
        entry["rows"] = max(entry["rows"], int(row["n_rows"] or 0))
    for entry in by_label.values():
        entry["columns"] = ", ".join(entry["parts"]) + " columns"
    return [by_label[label] for label in sorted(by_label)]


@features.command()
@_project_dir
@_target_path
@_profiles_dir
@click.option("--profile", "profiles", multiple=True, metavar="LABEL", help="Compare with this stored profile (repeatable; the first that holds a column wins).")
@click.option("--reference", "references", multiple=True, metavar="MODEL", help="Compare with this model, e.g. the training set (repeatable).")
@click.option("--select", "select", multiple=True, metavar="MODEL", help="Only these models (repeatable).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write the properties YAML here (relative to the current folder); default stdout.")
@click.option("--merge", is_flag=True, help="Add the tests of models a properties file already describes to that file (dbt allows one entry per model).")
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@click.option("--severity", type=click.Choice(["warn", "error"]), default="warn", show_default=True, help="Severity of the suggested tests.")
def suggest(
    project_dir: Path, target_path: Path, profiles_dir: Path | None, profiles: tuple[str, ...], references: tuple[str, ...],
    select: tuple[str, ...], out: Path | None, merge: bool, force: bool, severity: str,
) -> None:
    """Propose checks for every feature, label, prediction, entity and timestamp column, as dbt YAML."""
    from assay.features.merge import insert_tests, named_tests
    from assay.features.suggest import Reference, plan, properties_yaml, render_tests

    if out is not None and out.exists() and not force:
        raise FeatureError(f"{out}: already exists (use --force to overwrite it)")
    project = load_project(project_dir, target_path)
    for name in select:
        project.model(name)
    refs = []
    if profiles:
        from assay.features.dbt import DbtProject, read_profiles

        rows = read_profiles(DbtProject(project_dir, profiles_dir), list(dict.fromkeys(profiles)))
        refs += [Reference.profile(label, rows) for label in dict.fromkeys(profiles)]
    refs += [Reference.model(project, name) for name in dict.fromkeys(references)]
    if not refs:
        log.warning("no --profile or --reference: only checks that need no reference are suggested")
    suggested = plan(project, refs, list(select) or None)
    for note in suggested.notes:
        log.warning("%s", note)
    if not suggested.suggestions:
        click.echo("assay: nothing to suggest: every role column already has its checks", err=True)
        return

    standalone = suggested
    if merge:
        from assay.features.suggest import Plan

        by_model = suggested.by_model()
        describing = {m.name: m.patch_path for m in project.models if m.name in by_model and m.patch_path}
        edits: dict[str, str] = {}
        for model, path in sorted(describing.items()):
            file = project_dir / path
            text = edits.get(path)
            if text is None:
                text = file.read_text()
            # Already added by an earlier --merge that dbt has not parsed yet.
            present = named_tests(text, model)
            by_model[model] = [s for s in by_model[model] if s.name not in present]
            if by_model[model]:
                edits[path] = insert_tests(text, model, render_tests(by_model[model], severity), str(file))
        if not edits:
            click.echo("assay: nothing to add: the properties files hold every suggested test", err=True)
        for path, text in edits.items():
            (project_dir / path).write_text(text)
            names = sorted(model for model, p in describing.items() if p == path)
            count = sum(len(by_model[model]) for model in names)
            click.echo(f"assay: added {count} tests to {project_dir / path} ({', '.join(names)})", err=True)
        standalone = Plan([s for s in suggested.suggestions if s.model not in describing], [])
        if not standalone.suggestions:
            return
    else:
        for model in project.models:
            if model.name in standalone.by_model() and model.patch_path:
                log.warning(
                    "%s is already described in %s and dbt accepts one entry per model: "
                    "add its tests there (or run with --merge)", model.name, model.patch_path,
                )
    command = " ".join(["assay features suggest", *(f"--profile {p}" for p in profiles), *(f"--reference {r}" for r in references)])
    header = (
        f"Suggested by `{command}`.\n"
        "Review the thresholds (each test's defaults are in assay's README) and keep what fits.\n"
        + (f"Severity {severity}: raise it to error once the checks are tuned.\n" if severity == "warn" else "")
    )
    text = properties_yaml(standalone, severity, header)
    if out is None:
        click.echo(text, nl=False)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    click.echo(f"assay: wrote {out} ({len(standalone.suggestions)} tests on {len(standalone.by_model())} models)", err=True)


@features.command()
@_project_dir
@_target_path
@click.pass_context
def coverage(ctx: click.Context, project_dir: Path, target_path: Path) -> None:
    """Exit 1 when a feature, label or prediction column lacks a required check (vars.assay_required_checks)."""
    project = load_project(project_dir, target_path)
    required = required_checks(project_dir)
    columns = sum(len(model.with_role(*CHECKED_ROLES)) for model in project.models)
    gaps = coverage_gaps(project, required)
    if not gaps:
        click.echo(f"assay: all {columns} feature, label and prediction columns have their required checks")
        return
    width = max(len(f"{gap.model}.{gap.column}") for gap in gaps)
    click.echo(f"assay: {len(gaps)} of {columns} feature, label and prediction columns lack required checks")
    for gap in gaps:
        click.echo(f"  {f'{gap.model}.{gap.column}':<{width}}  {gap.role:<10}  missing: {', '.join(gap.missing)}")
    ctx.exit(1)


@features.command()
@_project_dir
@_target_path
@_profiles_dir
@click.option("--select", "select", multiple=True, metavar="MODEL", help="Only the drift tests of this model (repeatable).")
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Where to write the report (relative to the current folder). [default: <target-path>/assay_features.json]",
)
def report(project_dir: Path, target_path: Path, profiles_dir: Path | None, select: tuple[str, ...], out: Path | None) -> None:
    """Compute every drift test's values and histograms, through dbt, for the site's feature-check report."""
    from assay.artifacts.features_report import FILE_NAME, encode
    from assay.features.dbt import DbtProject
    from assay.features.report import build_report, drift_tests

    project = load_project(project_dir, target_path)
    for name in select:
        project.model(name)
    tests = drift_tests(project.manifest, select)
    if not tests:
        log.warning("no assay drift test%s: the report holds no drift values", " on " + ", ".join(select) if select else "")
    built = build_report(DbtProject(project_dir, profiles_dir), project.manifest, tests)
    dest = out if out is not None else project_dir / target_path / FILE_NAME
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(encode(built))
    columns = sum(len(test.columns) for test in built.tests)
    drifted = sum(any(value.drifted for value in column.statistics) for test in built.tests for column in test.columns)
    failed = sum(test.error is not None for test in built.tests)
    click.echo(
        f"assay: wrote {dest}: {len(built.tests)} drift tests, {columns} columns checked, {drifted} drifting"
        + (f", {failed} tests could not be computed" if failed else "")
    )
