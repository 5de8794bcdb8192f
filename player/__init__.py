"""Offline course player."""

__version__ = "0.1.0"
