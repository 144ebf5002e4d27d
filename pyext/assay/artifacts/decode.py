"""Decode one artifact file into its struct, turning every failure into a one-line error."""

from __future__ import annotations

import json
import re
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from assay.artifacts.struct import Artifact
from assay.artifacts.versions import ArtifactKind, version_problem
from assay.errors import ArtifactError

T = TypeVar("T", bound=Artifact)


def decode_artifact(path: Path, kind: ArtifactKind, type_: type[T]) -> T:
    """Read `path` as `type_`; any failure, a missing file included, is an ArtifactError."""
    data = read_artifact_bytes(path)
    try:
        artifact = msgspec.json.decode(data, type=type_)
    except msgspec.ValidationError as error:
        # A schema version assay does not read may well fail validation: the version is the
        # real problem then, so check it before blaming a field.
        _check_version(path, kind, data)
        raise ArtifactError(path, describe_validation_error(str(error), data, type_)) from None
    except msgspec.DecodeError as error:
        raise ArtifactError(path, describe_json_error(str(error), len(data))) from None
    problem = version_problem(kind, artifact.metadata.dbt_schema_version)
    if problem:
        raise ArtifactError(path, problem)
    return artifact


def read_artifact_bytes(path: Path) -> bytes:
    """The file's bytes; a missing or unreadable file is an ArtifactError naming it."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise ArtifactError(path, error.strerror or str(error)) from None


def _check_version(path: Path, kind: ArtifactKind, data: bytes) -> None:
    try:
        header = msgspec.json.decode(data, type=Artifact)
    except msgspec.ValidationError:
        return
    problem = version_problem(kind, header.metadata.dbt_schema_version)
    if problem:
        raise ArtifactError(path, problem)


def describe_json_error(message: str, size: int) -> str:
    if size == 0:
        return "empty file, not valid JSON"
    if "truncated" in message:
        return f"not valid JSON (truncated at byte {size}?)"
    detail = message.removeprefix("JSON is malformed: ")
    detail = re.sub(r"\(byte (\d+)\)", r"at byte \1", detail)
    return f"not valid JSON ({detail})"


def describe_validation_error(message: str, data: bytes, type_: type) -> str:
    what, _, where = message.partition(" - at ")
    what = what.replace("`", "")
    what = what[:1].lower() + what[1:]
    if not where:
        return what
    return f"{what} at {_locate(data, type_, where.strip('`'))}"


# msgspec paths look like $.nodes[...].columns[...].name or $.results[3].status
_PATH_STEP = re.compile(r"\.(?P<field>[^.\[]+)|\[(?P<index>\.\.\.|\d+)\]")


def _locate(data: bytes, type_: Any, path: str) -> str:
    """Spell out the dict keys that msgspec writes as `[...]`, so the error names the node.

    It decodes one level at a time and picks the first entry that fails, which is the one
    msgspec stopped at. It runs only after decoding failed, so it costs nothing otherwise.
    """
    located = ""
    steps = list(_PATH_STEP.finditer(path.removeprefix("$")))
    for position, step in enumerate(steps):
        try:
            data, type_, spelled = _step(data, type_, step["field"], step["index"])
        except (msgspec.MsgspecError, LookupError, TypeError):
            rest = "".join(s.group(0) for s in steps[position:])
            return (located + rest).lstrip(".")
        located += spelled
    return located.lstrip(".")


def _step(data: bytes, type_: Any, field: str | None, index: str | None) -> tuple[bytes, Any, str]:
    type_ = _without_none(type_)
    if field is not None:
        value = msgspec.json.decode(data, type=dict[str, msgspec.Raw])[field]
        info = {f.encode_name: f for f in msgspec.structs.fields(type_)}[field]
        return bytes(value), info.type, f".{field}"
    if index == "...":
        value_type = typing.get_args(type_)[1]
        for key, value in msgspec.json.decode(data, type=dict[str, msgspec.Raw]).items():
            try:
                msgspec.json.decode(value, type=value_type)
            except msgspec.ValidationError:
                return bytes(value), value_type, f"[{json.dumps(key)}]"
        raise LookupError(index)
    item_type = typing.get_args(type_)[0]
    return bytes(msgspec.json.decode(data, type=list[msgspec.Raw])[int(index)]), item_type, f"[{index}]"


def _without_none(type_: Any) -> Any:
    if typing.get_origin(type_) in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(type_) if arg is not type(None)]
        if len(options) == 1:
            return options[0]
    return type_
