"""Sphinx configuration for the quotetrack documentation.

Build with ``python -m sphinx -W -b html docs docs/_build/html`` after
``pip install -e ".[docs]"``. The pages are MyST Markdown; the tour notebook is
executed at every build; the rule table, the quote-mark table and the command
line help are generated from the code by the extension in ``_ext/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import quotetrack  # noqa: E402

project = "quotetrack"
author = "The quotetrack developers"
copyright = "the quotetrack developers, Apache-2.0"
release = quotetrack.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "quotetrack_docs",
]

exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "**.ipynb_checkpoints", "jupyter_execute"]
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}

# MyST: ::: fences and definition lists; headings get anchors for links such as page.md#section.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# MyST-NB: run the notebook at every build, locally, and fail the build on any error in it.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 120
nb_execution_show_tb = True

# autodoc: the public API only (the pages say which names), in source order, Google docstrings.
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
napoleon_use_rtype = False

html_theme = "furo"
html_title = f"quotetrack {release}"
html_static_path: list[str] = []
html_show_sourcelink = False
