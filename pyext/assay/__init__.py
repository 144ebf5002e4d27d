"""assay: data contracts and ML feature checks for dbt."""

__version__ = "0.1.0"
