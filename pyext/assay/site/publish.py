"""Publish a folder atomically: readers see the old site or the new one, never half of either.

The new site is rendered into a hidden sibling folder, so that the final rename stays on one
file system, and moved into place only once complete. A failure before that leaves the
previous site as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from assay import __version__
from assay.errors import AssayError

# Marks a folder as assay's to replace. Without it, `--out .` would swap out a whole project.
MARKER = ".assay-site"


def publish_atomically(out: Path, render: Callable[[Path], None]) -> None:
    _check_replaceable(out)
    target = Path(os.path.abspath(out))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a site is meant to be read
        render(staging)
        (staging / MARKER).write_text(f"Published by assay {__version__}; replaced whole on every publish.\n")
        _move_into_place(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _check_replaceable(out: Path) -> None:
    if not out.exists():
        return
    if not out.is_dir():
        raise AssayError(f"{out}: exists and is not a folder")
    if not (out / MARKER).exists() and any(out.iterdir()):
        raise AssayError(f"{out}: not empty and not published by assay (no {MARKER}); refusing to replace it")


def _move_into_place(staging: Path, target: Path) -> None:
    if not target.exists():
        os.rename(staging, target)
        return
    # POSIX cannot swap two folders in one call: move the old one aside, then the new one in.
    retired = staging.with_name(staging.name.replace(".new-", ".old-", 1))
    os.rename(target, retired)
    try:
        os.rename(staging, target)
    except BaseException:
        os.rename(retired, target)
        raise
    shutil.rmtree(retired, ignore_errors=True)
