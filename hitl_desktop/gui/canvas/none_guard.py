"""A guard against a reference-counting bug of PySide6 6.12.0 on CPython 3.11.

Every call of a Qt method that returns void drops one reference to ``None``: 1,000 calls of
``QCoreApplication.processEvents()`` or ``QPainter.drawRect()`` lower
``sys.getrefcount(None)`` by 1,000. When the count reaches zero the interpreter aborts
("Fatal Python error: none_dealloc"). The canvas paints thousands of shapes, several void
calls each, so without this guard the app dies within seconds of showing a busy page.

CPython 3.12 made ``None`` immortal, which is why the binding gets away with it there. This
gives ``None`` a count it cannot run out of on older interpreters. It belongs at application
start-up; the editor calls it too, so it is safe wherever it is embedded. Drop it once the
binding is fixed (check: the count stays put over a loop of ``processEvents()``).
"""

from __future__ import annotations

import ctypes
import sys

_done = False


def keep_none_alive() -> None:
    """Raise None's reference count by 2**40 (once per process; no-op on 3.12+)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    _done = True
