"""A token bucket per client address: one laptop cannot flood the hub."""

from __future__ import annotations

import time

MAX_CLIENTS = 10_000


class RateLimiter:
    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, at)

    def wait_for(self, client: str, now: float | None = None) -> float:
        """0 when ``client`` may go on (a token is spent), else the seconds until it may."""
        now = time.monotonic() if now is None else now
        tokens, at = self._buckets.get(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        if tokens >= 1.0:
            self._remember(client, (tokens - 1.0, now), now)
            return 0.0
        self._remember(client, (tokens, now), now)
        return (1.0 - tokens) / self.rate

    def _remember(self, client: str, value: tuple[float, float], now: float) -> None:
        self._buckets[client] = value
        if len(self._buckets) > MAX_CLIENTS:  # forget clients whose bucket is full again
            full_after = self.burst / self.rate
            self._buckets = {
                key: kept for key, kept in self._buckets.items() if now - kept[1] < full_after
            }
