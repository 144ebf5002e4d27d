"""ML feature roles read from column meta, and what is built on them."""

from assay.features.roles import ROLES, role_of

__all__ = ["ROLES", "role_of"]
