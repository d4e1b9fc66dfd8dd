"""``python -m quotetrack``: the command line."""

from .cli import main

raise SystemExit(main())
