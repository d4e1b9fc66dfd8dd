"""Writing text that may hold lone surrogates (which UTF-8 cannot encode)."""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["dumps", "encodable"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(obj: Any, **kwargs: Any) -> str:
    """``json.dumps`` with readable non-ASCII text, or ASCII escapes when a lone surrogate
    (from a broken feed) would make the readable form unwritable as UTF-8."""
    text = json.dumps(obj, ensure_ascii=False, **kwargs)
    if _SURROGATE.search(text):
        return json.dumps(obj, ensure_ascii=True, **kwargs)
    return text


def encodable(value: str | None) -> str | None:
    """``value`` with each lone surrogate replaced by U+FFFD (same length, so offsets hold)."""
    return value if value is None else _SURROGATE.sub("\ufffd", value)
