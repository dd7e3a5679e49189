"""The package's command: every API operation from the terminal.

Needs the `cli` extra (`pip install '<distribution>[cli]'`). Start-up stays quick
because nothing but click and a table of commands is imported until a command
actually runs.
"""

from ._app import build, main

__all__ = ["build", "main"]
