"""A progress line on stderr for long work, silent for small projects.

Small projects publish in well under a second and their output stays two lines; above
`threshold` items a line shows how far each step is: rewritten in place on a terminal, and a
line per quarter elsewhere (CI logs), so a big project never looks stuck.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressLine:
    def __init__(self, what: str, threshold: int = 1000, stream: TextIO | None = None) -> None:
        self.what = what
        self.threshold = threshold
        self.stream = stream
        self._last_quarter = -1
        self._last_draw = 0.0

    def __call__(self, done: int, total: int) -> None:
        if total < self.threshold:
            return
        stream = self.stream or sys.stderr
        if stream.isatty():
            now = time.monotonic()
            if done < total and now - self._last_draw < 0.1:
                return
            self._last_draw = now
            end = "\n" if done == total else ""
            stream.write(f"\rassay: {self.what} {done}/{total}{end}")
        else:
            quarter = done * 4 // total
            if quarter == self._last_quarter:
                return
            self._last_quarter = quarter
            stream.write(f"assay: {self.what} {done}/{total}\n")
        stream.flush()
