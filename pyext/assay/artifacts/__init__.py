"""dbt's JSON artifacts, read leniently and fast. Knows nothing about what is made of them."""

from assay.artifacts.catalog import Catalog
from assay.artifacts.load import Artifacts, load_artifacts
from assay.artifacts.manifest import Manifest
from assay.artifacts.run_results import RunResults
from assay.artifacts.sources import Sources

__all__ = ["Artifacts", "Catalog", "Manifest", "RunResults", "Sources", "load_artifacts"]
