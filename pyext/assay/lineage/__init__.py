"""Column-level lineage from each model's compiled SQL (sqlglot). Reads the contract model only."""

from assay.lineage.trace import ModelLineage, Origin, column_lineage, trace_model

__all__ = ["ModelLineage", "Origin", "column_lineage", "trace_model"]
