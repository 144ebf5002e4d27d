"""The contract model built from dbt artifacts: relations, columns, constraints, tests."""

from assay.contracts.build import build_project
from assay.contracts.model import Column, Constraint, DataTest, Enforcement, Exposure, Freshness, Node, Project, Status

__all__ = [
    "Column",
    "Constraint",
    "DataTest",
    "Enforcement",
    "Exposure",
    "Freshness",
    "Node",
    "Project",
    "Status",
    "build_project",
]
