"""Course package format 1: manifest model, reading, packing, verifying."""
