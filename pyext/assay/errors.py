"""Errors the command line reports as one line, without a traceback."""

from __future__ import annotations


class AssayError(Exception):
    """A problem with the user's input or environment, not a bug in assay."""

    exit_code = 2


class ArtifactError(AssayError):
    """A dbt artifact that cannot be read; the message always starts with the file."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
