"""The pairing code and the bearer token derived from it.

The trainer reads out (or shows as a QR code) a short code; laptops derive the same token from
it and send it as ``Authorization: Bearer <token>``. The code itself never travels after
pairing, and a token says nothing about other hubs' codes (the hub's name is not mixed in, so a
hub restarted with the same ``--code`` keeps its laptops paired).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

#: No 0/O, 1/I/L: the code is read aloud and typed on small keyboards.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
_TOKEN_CONTEXT = b"course-player-hub/1:"
DEFAULT_PORT = 8765
#: The laptop's name, shown with its statements on the hub's dashboard.
LAPTOP_HEADER = "X-Course-Player-Laptop"


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(code: str) -> str:
    """Case, spaces and dashes do not matter (``abc-123`` is ``ABC123``)."""
    return "".join(code.split()).replace("-", "").upper()


def token_for(code: str) -> str:
    return hashlib.sha256(_TOKEN_CONTEXT + normalize_code(code).encode("utf-8")).hexdigest()


def bearer_matches(header: str | None, token: str) -> bool:
    """Whether an ``Authorization`` header carries ``token`` (constant-time comparison).

    ``Bearer <token>`` is what the app sends. ``Basic`` with the code (or the token) as the
    password is accepted too, so a course URL can carry it for ``install``:
    ``http://code:K7M2QX@192.168.1.10:8765/courses/ID/course.json`` (every member URL, joined
    to it, keeps it).
    """
    if not header:
        return False
    if header.startswith("Bearer "):
        return hmac.compare_digest(header[len("Bearer ") :].strip().encode(), token.encode())
    if header.startswith("Basic "):
        try:
            decoded = base64.b64decode(header[len("Basic ") :].strip(), validate=True).decode()
        except (ValueError, UnicodeDecodeError):
            return False
        secret = decoded.partition(":")[2]
        return hmac.compare_digest(secret.encode(), token.encode()) or hmac.compare_digest(
            token_for(secret).encode(), token.encode()
        )
    return False
