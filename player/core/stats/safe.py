"""Reading fields of a statement nobody vouches for: bounded texts, checked numbers.

A statement in an LRS was written by any client holding its credentials, a progress file by
anyone holding a USB stick: each getter returns None (or a default) instead of raising, never
keeps a text longer than asked, and never returns a non-finite number.
"""

from __future__ import annotations

import json
import math
from typing import Any

from player.core.sync.statements import duration_seconds

MAX_IRI = 2048
MAX_ID = 200  # characters of a module, lesson or question id (manifest ids are far shorter)
MAX_LABEL = 200  # characters kept of a name, a prompt or a choice shown in the report
MAX_RESPONSE = 500  # characters kept of a response
MAX_DURATION = 30 * 24 * 3600.0  # a duration over 30 days is not time spent on a module


def text(value: Any, limit: int) -> str | None:
    """``value`` when it is a text, cut to ``limit`` characters."""
    if not isinstance(value, str):
        return None
    return value if len(value) <= limit else value[: limit - 1] + "…"


def iri(value: Any) -> str | None:
    """An IRI-sized text (not longer than ``MAX_IRI``), else None."""
    return value if isinstance(value, str) and 0 < len(value) <= MAX_IRI else None


def number(value: Any) -> float | None:
    """A finite JSON number (not a boolean), else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    result = float(value)
    return result if math.isfinite(result) else None


def obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def items(value: Any, limit: int = 16) -> list[dict[str, Any]]:
    """A context-activities entry (a list, or one object) as at most ``limit`` objects."""
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [item for item in value[:limit] if isinstance(item, dict)]
    return []


def duration(value: Any) -> float | None:
    """Seconds of an ISO 8601 ``result.duration``, when sound and under 30 days."""
    if not isinstance(value, str):
        return None
    try:
        seconds = duration_seconds(value)
    except ValueError:
        return None
    return seconds if 0 <= seconds <= MAX_DURATION else None


def language_map(value: Any, limit: int = MAX_LABEL) -> str | None:
    """The first text of an xAPI language map (``{"fr": "Écouter"}``)."""
    if isinstance(value, dict):
        for found in list(value.values())[:8]:
            if isinstance(found, str) and found.strip():
                return text(found.strip(), limit)
    return None


def actor_key(actor: Any) -> tuple[str, str | None] | None:
    """(a key naming the learner, their e-mail address or None); None for no usable actor.

    ``mbox`` is compared lower-cased (statements before issue 16 kept the case as typed);
    a Group is not a learner.
    """
    if not isinstance(actor, dict) or actor.get("objectType", "Agent") != "Agent":
        return None
    mbox = actor.get("mbox")
    if isinstance(mbox, str) and mbox[:7].lower() == "mailto:" and 8 < len(mbox) <= 330:
        email = mbox[7:].strip().lower()
        return (f"mailto:{email}", email) if "@" in email else None
    account = actor.get("account")
    if isinstance(account, dict):
        home, name = iri(account.get("homePage")), text(account.get("name"), MAX_IRI)
        if home and name:
            return f"account:{home}|{name}", None
    for field in ("openid", "mbox_sha1sum"):
        found = iri(actor.get(field))
        if found:
            return f"{field}:{found}", None
    return None


def email_domain(email: str) -> str | None:
    """The domain of an e-mail address, lower-cased; None when it is not a plain host name."""
    domain = email.rpartition("@")[2].strip().rstrip(".")
    if not 0 < len(domain) <= 253 or "." not in domain:
        return None
    labels = domain.split(".")
    if any(not label or len(label) > 63 for label in labels):
        return None
    if not all(ch.isalnum() or ch in "-." for ch in domain):
        return None
    return domain


def top_level(domain: str) -> str | None:
    """The last label of a domain (``sn``, ``ma``, ``com``), when it is alphabetic or IDN."""
    tld = domain.rsplit(".", 1)[-1]
    return tld if tld.isalpha() or tld.startswith("xn--") else None


def _json_int(literal: str) -> int | None:
    """Integers up to 20 digits; longer ones (10**30, 5,000 nines) become None, not work."""
    return int(literal) if len(literal) <= 20 else None


def _json_constant(_: str) -> None:
    return None  # NaN, Infinity: nothing to count


_DECODER = json.JSONDecoder(parse_int=_json_int, parse_constant=_json_constant)


def load_page(data: bytes) -> Any:
    """A JSON document from an LRS, or ``ValueError`` (with ``RecursionError`` folded in).

    Out-of-range integers and ``NaN``/``Infinity`` read as null: a hostile value in a field
    the report does not use must not make the whole page unreadable.
    """
    try:
        return _DECODER.decode(data.decode("utf-8"))
    except RecursionError as error:  # the C parser's own depth limit
        raise ValueError("nested too deep") from error
