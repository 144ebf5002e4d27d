"""Append tests to a model's `data_tests:` in the properties file that already describes it.

dbt accepts one properties entry per model, so suggestions for a model that a YAML file
already describes can only go into that entry. The file is edited as text at the positions
PyYAML reports, so its comments, order and layout stay as they were: only lines are added
(or a flow list like `data_tests: [not_null]` is rewritten as a block list).
"""

from __future__ import annotations

from yaml import MappingNode, ScalarNode, SequenceNode, YAMLError, compose, safe_load
from yaml.nodes import Node

from assay.features.model import FeatureError


def _get(mapping: MappingNode, key: str) -> tuple[ScalarNode, Node] | None:
    for key_node, value in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value
    return None


def _find_model(root: Node | None, model: str, where: str) -> MappingNode:
    models = _get(root, "models") if isinstance(root, MappingNode) else None
    if models is not None and isinstance(models[1], SequenceNode):
        for entry in models[1].value:
            if isinstance(entry, MappingNode):
                name = _get(entry, "name")
                if name is not None and isinstance(name[1], ScalarNode) and name[1].value == model:
                    return entry
    raise FeatureError(f"{where}: no entry for model {model!r} under models:")


def named_tests(text: str, model: str) -> set[str]:
    """The `name:` of every test of `model` in a properties file's text (to not add one twice)."""
    try:
        document = safe_load(text) or {}
    except YAMLError:
        return set()
    for entry in document.get("models") or []:
        if isinstance(entry, dict) and entry.get("name") == model:
            tests = entry.get("data_tests") or entry.get("tests") or []
            return {
                body["name"] for test in tests if isinstance(test, dict)
                for body in test.values() if isinstance(body, dict) and isinstance(body.get("name"), str)
            }
    return set()


def _end_line(node: Node) -> int:
    """The first line after `node`'s content (block mappings/sequences end at the next token)."""
    while isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    mark = node.end_mark
    return mark.line if mark.column == 0 else mark.line + 1


def _indented(text: str, indent: int) -> list[str]:
    return [(" " * indent + line) if line else line for line in text.splitlines()]


def insert_tests(text: str, model: str, tests_yaml: str, where: str) -> str:
    """`text` with the items in `tests_yaml` (a YAML list) appended to `model`'s data_tests."""
    try:
        root = compose(text)
    except YAMLError as error:
        raise FeatureError(f"{where}: not valid YAML ({str(error).splitlines()[0]})") from None
    entry = _find_model(root, model, where)
    lines = text.splitlines()
    found = _get(entry, "data_tests") or _get(entry, "tests")
    if found is not None and isinstance(found[1], SequenceNode) and not found[1].flow_style and found[1].value:
        sequence = found[1]
        first = sequence.value[0].start_mark
        dash = lines[first.line].rfind("-", 0, first.column)
        at = _end_line(sequence)
        new = lines[:at] + _indented(tests_yaml, dash) + lines[at:]
    elif found is not None and (
        isinstance(found[1], SequenceNode) or (isinstance(found[1], ScalarNode) and found[1].value in ("", "null", "~"))
    ):
        # `data_tests: [a, b]`, `data_tests: []` or `data_tests:`: rewrite as a block list.
        key, value = found
        kept = [text[item.start_mark.index:item.end_mark.index] for item in value.value] if isinstance(value, SequenceNode) else []
        if any("\n" in item for item in kept):
            raise FeatureError(f"{where}: {model}.{key.value} is a multi-line flow list; write it as a block list first")
        colon = text.index(":", key.end_mark.index)
        value_end = value.end_mark.index if isinstance(value, SequenceNode) else colon + 1
        line_end = text.find("\n", value_end)
        line_end = len(text) if line_end < 0 else line_end
        after = text[value_end:line_end]
        if after.strip() and not after.strip().startswith("#"):
            raise FeatureError(f"{where}: cannot add tests to {model}.{key.value} (unexpected text after it)")
        indent = key.start_mark.column + 2
        block = [" " * indent + f"- {item}" for item in kept] + _indented(tests_yaml, indent)
        new_text = text[: colon + 1] + after.rstrip() + "\n" + "\n".join(block) + (text[line_end:] or "\n")
        return _checked(new_text, where)
    elif found is not None:
        raise FeatureError(f"{where}: {model}.{found[0].value} is not a list")
    else:
        indent = entry.value[0][0].start_mark.column
        at = _end_line(entry)
        new = lines[:at] + _indented("data_tests:\n" + "\n".join("  " + line if line else line for line in tests_yaml.splitlines()), indent) + lines[at:]
    return _checked("\n".join(new) + ("\n" if text.endswith("\n") else ""), where)


def _checked(new_text: str, where: str) -> str:
    try:
        safe_load(new_text)
    except YAMLError as error:  # pragma: no cover - a bug in the insertion, never the user's file
        raise FeatureError(f"{where}: could not add the tests without breaking the file ({str(error).splitlines()[0]})") from None
    return new_text
