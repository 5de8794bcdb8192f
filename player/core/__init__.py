"""The Qt-free core: packages, transfers, storage, learning rules and sync.

Nothing under ``player.core`` may import Qt; the CLI, the tests and the UI all drive it.
"""
