"""``python -m quotetrack``: the command line."""

from .cli import main

# The guard keeps worker processes started with "spawn", which import this module, from running it.
if __name__ == "__main__":
    raise SystemExit(main())
