"""Finding hubs on the local network: DNS-SD / mDNS ``_course-player._tcp`` (python-zeroconf).

The hub announces itself (``Announcer``) with its name and port; laptops browse for a few
seconds (``find_hubs``). Multicast is often blocked on guest Wi-Fi: then nothing is found and
the learner types the address or scans the QR code the hub shows — discovery is a convenience,
never a requirement.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

import ifaddr
from zeroconf import (
    InterfaceChoice,
    IPVersion,
    ServiceBrowser,
    ServiceInfo,
    ServiceListener,
    Zeroconf,
)

SERVICE_TYPE = "_course-player._tcp.local."
DEFAULT_WAIT = 3.0


@dataclass(frozen=True, slots=True)
class FoundHub:
    name: str
    address: str
    port: int
    version: str = ""

    @property
    def url(self) -> str:
        host = f"[{self.address}]" if ":" in self.address else self.address
        return f"http://{host}:{self.port}/"


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses other than loopback, for the address shown to learners."""
    found = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if ip.is_IPv4 and isinstance(ip.ip, str) and not ip.ip.startswith(("127.", "169.254.")):
                found.append(ip.ip)
    return sorted(set(found))


def _instance_name(name: str) -> str:
    # DNS-SD instance labels are at most 63 bytes; dots would split the label.
    label = name.replace(".", " ").strip() or "course-player"
    return label.encode("utf-8")[:60].decode("utf-8", "ignore")


class Announcer:
    """Announce a hub while it serves; ``close()`` says goodbye on the network."""

    def __init__(
        self, name: str, port: int, addresses: list[str] | None = None, *, version: str = ""
    ) -> None:
        addresses = addresses if addresses is not None else lan_addresses()
        self.info = ServiceInfo(
            SERVICE_TYPE,
            f"{_instance_name(name)}.{SERVICE_TYPE}",
            addresses=[socket.inet_aton(a) for a in addresses],
            port=port,
            properties={"name": name, "path": "/", "v": version},
            server=f"course-player-{socket.gethostname() or 'hub'}.local.",
        )
        self.zeroconf = Zeroconf(
            interfaces=list(addresses) if addresses else InterfaceChoice.All,
            ip_version=IPVersion.V4Only,
        )
        self.zeroconf.register_service(self.info, allow_name_change=True)

    def close(self) -> None:
        try:
            self.zeroconf.unregister_service(self.info)
        finally:
            self.zeroconf.close()


class _Collector(ServiceListener):
    def __init__(self) -> None:
        self.names: set[str] = set()
        self.lock = threading.Lock()

    def add_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        with self.lock:
            self.names.add(name)

    def update_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self.add_service(zc, type_, name)

    def remove_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        with self.lock:
            self.names.discard(name)


def find_hubs(wait: float = DEFAULT_WAIT, interfaces: list[str] | None = None) -> list[FoundHub]:
    """Hubs that answer within ``wait`` seconds (none when multicast is blocked)."""
    zeroconf = Zeroconf(
        interfaces=list(interfaces) if interfaces else InterfaceChoice.All,
        ip_version=IPVersion.V4Only,
    )
    collector = _Collector()
    browser = ServiceBrowser(zeroconf, SERVICE_TYPE, collector)
    try:
        time.sleep(wait)
        with collector.lock:
            names = sorted(collector.names)
        found = []
        for name in names:
            info = zeroconf.get_service_info(SERVICE_TYPE, name, timeout=1500)
            if info is None or not info.parsed_addresses() or info.port is None:
                continue
            properties = {
                (k.decode() if isinstance(k, bytes) else str(k)): (
                    v.decode("utf-8", "replace") if isinstance(v, bytes) else ""
                )
                for k, v in (info.properties or {}).items()
            }
            found.append(
                FoundHub(
                    properties.get("name") or name.removesuffix("." + SERVICE_TYPE),
                    info.parsed_addresses()[0],
                    int(info.port),
                    properties.get("v", ""),
                )
            )
        return found
    finally:
        browser.cancel()
        zeroconf.close()
