#!/usr/bin/env python3
"""Samples the memory of a process and all its descendants until SIGTERM,
then prints the peak of their summed resident (RSS) and proportional (PSS)
sizes in KiB. PSS shares each library page among the processes mapping it,
so it is the fair sum for a multi-process server such as Postfix; for a
single process it is close to RSS."""
import argparse
import os
import signal
import time


def children(pid):
    """Direct children of pid, from /proc/PID/task/*/children."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found


def tree(root):
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo += children(pid)
    return pids


def sizes(pid):
    """(rss, pss) in KiB, zeros for a process that is gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--pid", type=int, required=True, help="the root process")
    p.add_argument("--interval", type=float, default=0.25)
    a = p.parse_args()
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    peak_rss = peak_pss = processes = 0
    while not stop:
        pids = tree(a.pid)
        total = [sum(s) for s in zip(*(sizes(pid) for pid in pids))] or [0, 0]
        peak_rss, peak_pss = max(peak_rss, total[0]), max(peak_pss, total[1])
        processes = max(processes, len(pids))
        time.sleep(a.interval)
    print(f"{peak_rss} {peak_pss} {processes}")


main()
