"""ML feature checks: roles from column meta, reference profiles, suggested checks, coverage."""

from assay.features.coverage import DEFAULT_REQUIRED, Gap, coverage_gaps, required_checks
from assay.features.model import FeatureColumn, FeatureError, FeatureModel, Project, classify, load_project, parse_role
from assay.features.roles import ROLES, role_of

__all__ = [
    "DEFAULT_REQUIRED", "FeatureColumn", "FeatureError", "FeatureModel", "Gap", "Project", "ROLES", "classify",
    "coverage_gaps", "load_project", "parse_role", "required_checks", "role_of",
]
