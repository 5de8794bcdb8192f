#!/usr/bin/python3
"""List one application's accessible tree, as a screen reader (Orca) sees it, as JSON.

Run by Debian's python3 (``python3-pyatspi`` is a system package, not in the venv), on the
session bus where ``at-spi-bus-launcher`` runs:

    atspi_walker.py PID [--wait-for NAME_OR_OBJECT_NAME] [--timeout SECONDS]

It finds the application whose process id is PID on the AT-SPI registry, waits until a node
satisfies ``--wait-for`` (the screen a test opened: its accessible name, or the end of its
id, which Qt builds from the object names of the widget and its parents), then prints a JSON
list with one object per node: ``path`` (role names from the application down), ``role``,
``name``, ``description``, ``states``, ``id`` and ``labelled_by`` (the labels' names).
Nodes not showing on screen are walked too (tests choose what to assert).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

MAX_NODES = 20_000


def find_application(pid: int):  # type: ignore[no-untyped-def]
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:  # an application leaving the bus as we look
            continue
    return None


def node_id(node) -> str:  # type: ignore[no-untyped-def]
    try:
        return node.accessibleId or ""
    except Exception:
        return ""


def labelled_by(node) -> list[str]:  # type: ignore[no-untyped-def]
    """Names of the labels a node is labelled by (how Qt names a combo box on Linux)."""
    names = []
    try:
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                names += [relation.getTarget(i).name for i in range(relation.getNTargets())]
    except Exception:
        pass
    return names


def walk(app) -> list[dict]:  # type: ignore[no-untyped-def]
    nodes: list[dict] = []
    stack = [(app, [])]
    while stack and len(nodes) < MAX_NODES:
        node, path = stack.pop()
        try:
            role = node.getRoleName()
            states = sorted(pyatspi.stateToString(state) for state in node.getState().getStates())
            entry = {
                "path": [*path, role],
                "role": role,
                "name": node.name or "",
                "description": node.description or "",
                "states": states,
                "id": node_id(node),
                "labelled_by": labelled_by(node),
            }
            children = [node.getChildAtIndex(i) for i in range(node.childCount)]
        except Exception as error:  # a node deleted while we walk: note it, go on
            nodes.append({"path": [*path, "?"], "role": "?", "error": str(error)})
            continue
        nodes.append(entry)
        for child in reversed(children):
            if child is not None:
                stack.append((child, entry["path"]))
    return nodes


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("pid", type=int)
    parser.add_argument("--wait-for", default="")
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    deadline = time.monotonic() + args.timeout
    nodes: list[dict] = []
    while True:
        app = find_application(args.pid)
        if app is not None:
            nodes = walk(app)
            wanted = args.wait_for
            if not wanted or any(
                n.get("name") == wanted or str(n.get("id", "")).endswith(wanted) for n in nodes
            ):
                break
        if time.monotonic() > deadline:
            print(
                f"atspi_walker: {'no application' if app is None else args.wait_for!r} "
                f"found for pid {args.pid} within {args.timeout:.0f} s",
                file=sys.stderr,
            )
            json.dump(nodes, sys.stdout)
            return 1
        time.sleep(0.3)
    json.dump(nodes, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
