"""Runs commands in rounds (each command once per round) and prints, per run, the
command's index, wall time, CPU time (user + system, seconds) and peak memory (max RSS,
KiB), or ``INDEX failed CODE``. Reads ``{"runs": N, "commands": [[argv, env], ...]}`` as
JSON on standard input; argv[0] is an absolute path, env null for this one's.

It stays as small as ``python -c pass`` on purpose: on Linux a child's max RSS includes
the memory of the process that started it (vfork and exec carry it over), so a command
measured from a large process would seem to use that process's memory too. Rounds spread
a busy machine's changing load over all commands alike. Output goes to /dev/null.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main() -> None:
    job = json.load(sys.stdin)
    devnull = os.open(os.devnull, os.O_WRONLY)
    quiet = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    failed: set[int] = set()
    for _ in range(job["runs"]):
        for index, (argv, env) in enumerate(job["commands"]):
            if index in failed:
                continue
            start = time.perf_counter()
            pid = os.posix_spawn(argv[0], argv, env or os.environ, file_actions=quiet)
            _, status, usage = os.wait4(pid, 0)
            wall = time.perf_counter() - start
            code = os.waitstatus_to_exitcode(status)
            if code:
                failed.add(index)
                print(f"{index} failed {code}", flush=True)
                continue
            cpu = usage.ru_utime + usage.ru_stime
            print(f"{index} {wall:.6f} {cpu:.6f} {usage.ru_maxrss}", flush=True)


if __name__ == "__main__":
    main()
