"""One POP3 session as the benchmark measures it: login, LIST, UIDL, RETR of
every message, then (before QUIT) the resident memory of the server's
processes. Prints `seconds messages octets rss_kib`.

Usage: retrieve.py PORT USER PASSWORD PROCESS-PATTERN"""

import poplib
import subprocess
import sys
import time


def resident_kib(pattern: str) -> int:
    pids = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout.split()
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def main():
    port, user, password, pattern = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    started = time.monotonic()
    client = poplib.POP3("127.0.0.1", port, timeout=120)
    client.user(user)
    client.pass_(password)
    _, listing, _ = client.list()
    client.uidl()
    octets = 0
    for line in listing:
        number = int(line.split()[0])
        _, lines, size = client.retr(number)
        octets += size
    elapsed = time.monotonic() - started
    rss = resident_kib(pattern)
    client.quit()
    print(f"{elapsed:.3f} {len(listing)} {octets} {rss}")


main()
