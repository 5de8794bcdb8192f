"""Entry point of the frozen app (PyInstaller runs this file)."""

from player.cli import main

raise SystemExit(main())
