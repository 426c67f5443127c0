"""Python's cyclic garbage collector, paused for a block that makes many objects and no cycles.

Reading a theory of 10^6 triples and scoring it makes hundreds of thousands of strings,
tuples, dictionaries and small arrays that live to the end of the block. Each collection
of the oldest generation walks all of them and finds nothing to free (the blocks make no
reference cycles); paused, the block is faster and the collector runs again after it.

>>> import gc
>>> with paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block, and as it was after it (also on an exception)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
