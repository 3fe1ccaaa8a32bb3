"""Where a build's CPU time goes: per process, and per thread of the build.

Run ``python benchmarks/build_cpu.py CORPUS -o OUT [--jobs N] [-- more kg
build options]``; a report, not a test.  It starts ``kg build`` and reads
the CPU time of the build, its workers, the dump process and each thread
of the build (the main thread, RocksDB's compaction threads ``rocksdb:low``,
and the loader and pool threads, which the system names ``python``) every
half second; each process's and thread's last reading is its total, to
within half a second.  Linux only (thread
names come from ``/proc``).

On two cores a build is CPU-bound: its wall time follows the sum of these,
not any one of them, so this is the table to read before moving work
between threads or processes.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import psutil


def _thread_name(pid: int, tid: int) -> str:
    try:
        return Path(f"/proc/{pid}/task/{tid}/comm").read_text().strip()
    except OSError:
        return "?"


def measure(command: list[str]) -> tuple[float, dict[int, tuple[str, float]], dict]:
    """Run ``command``; its wall time, each process's (command tail, CPU
    seconds) and the first process's threads' (name, CPU seconds)."""
    started = time.perf_counter()
    build = psutil.Popen(command, stdout=subprocess.DEVNULL)
    processes: dict[int, tuple[str, float]] = {}
    threads: dict[int, tuple[str, float]] = {}
    while build.poll() is None:
        try:
            tree = [build, *build.children(recursive=True)]
        except psutil.Error:
            break
        for process in tree:
            try:
                used = process.cpu_times()
                name = processes.get(process.pid, (" ".join(process.cmdline()),))[0]
                processes[process.pid] = (name, used.user + used.system)
                if process.pid == build.pid:
                    for thread in process.threads():
                        known = threads.get(thread.id)
                        name = known[0] if known else _thread_name(build.pid, thread.id)
                        seconds = thread.user_time + thread.system_time
                        threads[thread.id] = (name, seconds)
            except psutil.Error:
                continue
        time.sleep(0.5)
    if build.returncode:
        sys.exit(f"kg build failed (exit code {build.returncode})")
    return time.perf_counter() - started, processes, threads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("more", nargs="*", help="more kg build options (after --)")
    args = parser.parse_args()
    command = [sys.executable, "-m", "kg", "build", str(args.corpus)]
    command += ["-o", str(args.output), "-q", "--jobs", str(args.jobs), *args.more]
    wall, processes, threads = measure(command)
    total = sum(seconds for _, seconds in processes.values())
    print(f"wall {wall:.1f} s, CPU {total:.1f} s ({total / wall:.2f} cores)")
    build, command_line = next(iter(processes.items()))[0], command
    for pid, (name, seconds) in processes.items():
        if pid == build:
            role = "build"
        elif name == " ".join(command_line):
            role = "worker"
        else:
            role = "spawned: " + name.rsplit(" ", 1)[-1][-40:]
        print(f"  {seconds:7.1f} s  process {pid} ({role})")
        if pid != build:
            continue
        small = 0.0
        for tid, (thread, used) in sorted(threads.items()):
            if used < 1.0:
                small += used
                continue
            thread = "main" if tid == pid else thread
            print(f"  {used:7.1f} s    thread {tid} ({thread})")
        print(f"  {small:7.1f} s    threads under a second each")


if __name__ == "__main__":
    main()
