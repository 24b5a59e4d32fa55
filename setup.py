"""The optional compiled build: `TRACKER_USE_MYPYC=1 pip install .` compiles the extraction step with mypyc.

Everything else about the package is declared in pyproject.toml. Extraction is pure Python, and on text dense with
quotes its cost is Python's per-call overhead spread over some forty small rules (docs/performance.md); mypyc
compiles those same modules to C, the way black and mypy ship, for 1.6 to 1.8 times the speed with output
byte for byte the same. It is opt-in, as theirs is: a compiled module shadows its source, so an editable
checkout stays pure Python (an edit to a .py file would otherwise do nothing), and a machine without a C
compiler installs as before.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup

# The extraction step's modules, except the package's __init__; the entry point, pipeline.py, which stays Python
# so that what it calls can be replaced (tests do, to make an article fail); and quantities.py, whose mixed int and
# float arithmetic mypyc would make all float (a figure's value could then print as 5.0 where it prints 5).
_NOT_COMPILED = {"__init__.py", "pipeline.py", "quantities.py"}


def _compiled_modules() -> list[str]:
    here = Path(__file__).resolve().parent
    return sorted(
        str(p.relative_to(here)) for p in (here / "tracker" / "extraction").glob("*.py") if p.name not in _NOT_COMPILED
    )


def _ext_modules() -> list:
    if os.environ.get("TRACKER_USE_MYPYC") != "1":
        return []
    if "editable_wheel" in sys.argv:
        print("TRACKER_USE_MYPYC ignored for an editable install: compiled modules would shadow the sources")
        return []
    from mypyc.build import mypycify

    return mypycify(_compiled_modules(), opt_level="3")


setup(ext_modules=_ext_modules())
