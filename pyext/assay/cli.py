"""The `assay` command line: one click group, one sub-command per job."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from assay.artifacts import load_artifacts
from assay.artifacts.features_report import FILE_NAME as FEATURES_REPORT
from assay.contracts import Project, Status, build_project
from assay.errors import AssayError
from assay.site import publish_site

if TYPE_CHECKING:
    from assay.artifacts.features_report import FeaturesReport
    from assay.contracts.diff import ContractDiff


class _Group(click.Group):
    """Reports AssayError as one line on stderr instead of a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except AssayError as error:
            click.echo(f"assay: error: {error}", err=True)
            ctx.exit(error.exit_code)


class _EchoWarnings(logging.Handler):
    # Looks up stderr at each message, so output goes wherever click points it at the time.
    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"assay: warning: {record.getMessage()}", err=True)


_warnings = _EchoWarnings(logging.WARNING)


@click.group(cls=_Group)
@click.pass_context
def main(ctx: click.Context) -> None:
    """assay: data contracts and ML feature checks for dbt."""
    # Warnings are the command line's to print. dbt, run in-process by `assay demo`, installs
    # root logging handlers that would print them a second time, so stop propagation while a
    # command runs and restore it after, for callers that use assay as a library.
    logger = logging.getLogger("assay")
    propagate = logger.propagate
    logger.addHandler(_warnings)
    logger.propagate = False

    def restore() -> None:
        logger.removeHandler(_warnings)
        logger.propagate = propagate

    ctx.call_on_close(restore)


@main.command()
@click.option("--project-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True)
@click.option(
    "--target-path", type=click.Path(path_type=Path), default=Path("target"), show_default=True,
    help="dbt's target folder, relative to the project dir.",
)
@click.option(
    "--out", type=click.Path(path_type=Path), default=Path("site"), show_default=True,
    help="Where to publish the site, relative to the project dir.",
)
@click.option(
    "--base", type=click.Path(path_type=Path), default=None,
    help="dbt target folder of an older version (e.g. the main branch's): adds a changelog page of every "
    "contract change since it.",
)
@click.option(
    "--features-report", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="The drift values of `assay features report`. [default: <target-path>/assay_features.json when present]",
)
def docs(project_dir: Path, target_path: Path, out: Path, base: Path | None, features_report: Path | None) -> None:
    """Publish the contract site from the artifacts of the last dbt run."""
    project = build_project(load_artifacts(project_dir / target_path))
    report = _features_report(features_report or project_dir / target_path / FEATURES_REPORT, features_report is not None)
    changes = None
    if base is not None:
        from assay.contracts.diff import diff_projects, load_project

        old, old_side = load_project(base)
        changes = diff_projects(old, project, base_side=old_side)
    index = _publish(project, project_dir / out, changes=changes, features_report=report)
    click.echo(f"assay: published {index}")
    click.echo(_summary(project))


@main.command()
@click.option(
    "--project-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("examples"),
    show_default=True,
)
@click.option("--out", type=click.Path(path_type=Path), default=Path("site"), show_default=True, help="Relative to the current folder.")
def demo(project_dir: Path, out: Path) -> None:
    """Build the example project with dbt and publish its contract site."""
    from assay.dbt_runner import DbtError, run_dbt

    project_root = project_dir.absolute()
    target = project_root / "target"
    common = ["--project-dir", str(project_root), "--profiles-dir", str(project_root), "--target-path", str(target)]
    # The example's profile keeps its DuckDB file under target/ wherever the demo is run from.
    target.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("ASSAY_DEMO_DB", str(target / "demo.duckdb"))
    if (project_root / "packages.yml").exists():
        run_dbt(["deps", "--project-dir", str(project_root), "--profiles-dir", str(project_root)])
    built = run_dbt(["build", *common])
    try:
        # --no-compile keeps the manifest and run_results of the build: the catalog is all we need.
        run_dbt(["docs", "generate", "--no-compile", *common])
    except DbtError as error:
        logging.getLogger("assay").warning("%s; the site shows no warehouse types", error)

    report = None
    try:
        report = _demo_features_report(project_root, target)
    except DbtError as error:
        logging.getLogger("assay").warning("%s; the site shows no drift values", error)

    project = build_project(load_artifacts(target))
    index = _publish(project, out, features_report=report)
    click.echo(index.absolute())
    click.echo(_summary(project))
    if built.errored_nodes:
        names = ", ".join(project.label(unique_id) for unique_id in built.errored_nodes)
        raise DbtError(f"dbt build: {len(built.errored_nodes)} node(s) errored: {names}")


def _demo_features_report(project_root: Path, target: Path) -> FeaturesReport:
    """`assay features report` on the freshly built demo: its drift values go on the site."""
    from assay.artifacts.features_report import encode
    from assay.features.dbt import DbtProject
    from assay.features.model import load_project
    from assay.features.report import build_report, drift_tests

    manifest = load_project(project_root, target.relative_to(project_root)).manifest
    report = build_report(DbtProject(project_root, project_root), manifest, drift_tests(manifest))
    (target / FEATURES_REPORT).write_bytes(encode(report))
    return report


def _features_report(path: Path, required: bool) -> FeaturesReport | None:
    from assay.artifacts.features_report import load_features_report

    if not path.exists() and not required:
        return None  # the report pages say how to produce it
    return load_features_report(path)


def _publish(
    project: Project, out: Path, changes: ContractDiff | None = None, features_report: FeaturesReport | None = None
) -> Path:
    from assay.lineage import column_lineage
    from assay.progress import ProgressLine

    lineage = column_lineage(project, progress=ProgressLine("tracing column lineage", threshold=200))
    return publish_site(
        project, out, lineage=lineage, progress=ProgressLine("writing pages"), changes=changes, features_report=features_report
    )


def _summary(project: Project) -> str:
    counts = project.test_counts()
    line = (
        f"tests: {counts[Status.PASS]} passed, {counts[Status.WARN]} warned, "
        f"{counts[Status.FAIL]} failed, {counts[Status.ERROR]} errored"
    )
    for status in (Status.SKIPPED, Status.NOT_RUN):
        if counts[status]:
            line += f", {counts[status]} {status.value}"
    return line


@main.command()
@click.option(
    "--base", required=True, type=click.Path(path_type=Path),
    help="dbt target folder of the old version (e.g. the main branch's), holding manifest.json and ideally catalog.json.",
)
@click.option(
    "--target", type=click.Path(path_type=Path), default=Path("target"), show_default=True,
    help="dbt target folder of the new version.",
)
@click.option("--format", "format_", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.option("--warn-only", is_flag=True, help="Exit 0 even when a change breaks a contract.")
@click.pass_context
def diff(ctx: click.Context, base: Path, target: Path, format_: str, warn_only: bool) -> None:
    """Report the contract changes from --base to --target; exit 1 on a breaking change."""
    from assay.contracts.diff import diff_projects, load_project
    from assay.reports import render

    old, old_side = load_project(base)
    new, new_side = load_project(target)
    report = diff_projects(old, new, base_side=old_side, target_side=new_side)
    click.echo(render(report, format_), nl=False)
    if report.breaking and not warn_only:
        ctx.exit(1)


@main.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["markdown", "odcs"]))
@click.option("--project-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True)
@click.option(
    "--target-path", type=click.Path(path_type=Path), default=Path("target"), show_default=True,
    help="dbt's target folder, relative to the project dir.",
)
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Relative to the project dir. [default: contracts/<FORMAT>]")
@click.option(
    "--resource-type", "resource_types", multiple=True,
    type=click.Choice(["model", "seed", "snapshot", "source"]), help="Only these kinds of relation (repeatable).",
)
def export(fmt: str, project_dir: Path, target_path: Path, out: Path | None, resource_types: tuple[str, ...]) -> None:
    """Write one contract file per relation: Markdown, or Open Data Contract Standard v3 YAML."""
    from assay.contracts.export import write_exports
    from assay.site.publish import publish_atomically

    project = build_project(load_artifacts(project_dir / target_path))
    dest = project_dir / (out or Path("contracts") / fmt)
    written: list[Path] = []
    publish_atomically(dest, lambda staging: written.extend(write_exports(project, fmt, staging, resource_types)))
    click.echo(f"assay: wrote {len(written)} {fmt} contract(s) to {dest}")


from assay.features.cli import features  # noqa: E402  (the `features` command group)

main.add_command(features)
