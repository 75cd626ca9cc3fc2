"""The INR survey's build logic: load papers/, validate it, plan the generated site.

The package imports neither MkDocs nor Material; `hooks/inrsurvey_hooks.py` is the thin
adapter that connects it to a MkDocs build.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
