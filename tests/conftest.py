"""Test settings shared by every test module."""

from hypothesis import settings

# No timed tests: Hypothesis' per-example deadline would make slow machines fail.
settings.register_profile("quotetrack", settings(deadline=None))
settings.load_profile("quotetrack")
