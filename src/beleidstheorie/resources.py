"""Files shipped inside the package: the ontology and shapes, the default configuration,
the bundled theories, the page's assets, the starter.

The package is installed as a folder (by pip, or editable from a checkout), so its files
are paths beside its modules. ``importlib.resources`` answers the same paths for such an
install, at about 5 ms of imports (tempfile, zipfile's machinery) in every fresh process.

>>> (package_path("reasoning", "defaults.toml")).is_file()
True
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).parent
"""The folder of the installed package."""


def package_path(*parts: str) -> Path:
    """The path of a file or folder inside the package, by its parts below it."""
    return PACKAGE.joinpath(*parts)
