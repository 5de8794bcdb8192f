"""Run a command and write its own peak memory (``ru_maxrss`` from ``wait4``, in KiB) to a file.

On Linux a child forked from a large process (pytest, hundreds of MB after a long run) keeps
that process's resident size in its ``ru_maxrss``: the address space it had until ``exec``
counts. Forked from this small launcher instead, the figure is the command's own, plus at most
this launcher's few MB. The exit status is passed on, a signal as the same signal.

Usage: python peak_memory.py RESULT_FILE COMMAND [ARG ...]
"""

from __future__ import annotations

import os
import signal
import sys


def main() -> None:
    result, command = sys.argv[1], sys.argv[2:]
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    with open(result, "w", encoding="ascii") as out:
        out.write(str(usage.ru_maxrss))
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
