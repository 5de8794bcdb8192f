"""What a hub shows to learners: its address, the pairing code, and a QR code of both.

The QR code holds ``http://ADDRESS:PORT/#code=CODE``: a phone's camera opens the hub's page
(the fragment never reaches the server, so the code stays out of any log), and pasting it in
the app's "hub address" field pairs at once (``learner.code_in``). Drawn with ``segno``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import segno

from player.core.hub.discovery import lan_addresses

if TYPE_CHECKING:
    from player.core.hub.server import HubServer


@dataclass(frozen=True, slots=True)
class Invitation:
    url: str  # the address learners type
    code: str
    other_urls: tuple[str, ...] = ()

    @property
    def qr_payload(self) -> str:
        return f"{self.url}#code={self.code}"


def invitation(server: HubServer) -> Invitation:
    port = server.port
    bind = server.options.bind
    if bind in ("0.0.0.0", ""):
        urls = [f"http://{address}:{port}/" for address in lan_addresses()] or [server.url]
    else:
        urls = [server.url]
    return Invitation(urls[0], server.options.code, tuple(urls[1:]))


def qr_code(invitation: Invitation) -> segno.QRCode:
    return segno.make(invitation.qr_payload, error="m")


def qr_png(invitation: Invitation, scale: int = 6) -> bytes:
    """PNG bytes of the QR code, for a ``QPixmap``."""
    import io

    buffer = io.BytesIO()
    qr_code(invitation).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def qr_text(invitation: Invitation) -> str:
    """The QR code drawn with block characters, for a terminal."""
    import io

    buffer = io.StringIO()
    qr_code(invitation).terminal(out=buffer, compact=True, border=2)
    return buffer.getvalue()
