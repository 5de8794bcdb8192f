"""Publisher names as people read them: compared after NFKC and case folding, look-alikes caught.

A name proves nothing by itself (trust binds keys, see ``player/core/trust.py``); these rules
only stop a package from *borrowing* a trusted publisher's name. Two spellings that read the
same are the same name: ``normal_name`` applies Unicode NFKC (fullwidth letters, ligatures,
no-break spaces, decomposed accents), case folding and collapses white space. A name that mixes
scripts in its letters ("Аssociation" with a Cyrillic А) is the classic look-alike and is
refused; Latin with Han, Hiragana or Katakana (Japanese) is allowed, as UTS #39's "highly
restrictive" level does. Digits, punctuation and combining marks belong to no script.
"""

from __future__ import annotations

import unicodedata

#: Scripts that Japanese writing mixes with each other and with Latin (UTS #39).
JAPANESE = frozenset({"HAN", "HIRAGANA", "KATAKANA"})


def normal_name(name: str) -> str:
    """The form two names are compared in: NFKC, case folded, single spaces."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


def _script(char: str) -> str | None:
    """The script of a letter from its Unicode name's first word (None: not a letter)."""
    if not unicodedata.category(char).startswith("L"):
        return None
    first = unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
    return "HAN" if first == "CJK" else first


def scripts(name: str) -> set[str]:
    """The scripts of the letters of ``name`` after NFKC (fullwidth Latin counts as Latin)."""
    found = {_script(char) for char in unicodedata.normalize("NFKC", name)}
    found.discard(None)
    return found  # type: ignore[return-value]


def mixed_scripts(name: str) -> list[str]:
    """The scripts ``name`` mixes when it looks like a look-alike, else an empty list."""
    found = scripts(name)
    if len(found) <= 1 or found <= JAPANESE | {"LATIN"}:
        return []
    return sorted(found)
