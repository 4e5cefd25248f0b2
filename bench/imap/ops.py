"""The IMAP operations the benchmark times, on one server: prints one line
per operation, `name seconds`, then the resident memory each idle logged-in
connection adds (`idle_kib_per_connection`) and what selecting INBOX adds to
one of them (`idle_selected_kib_per_connection`, measured on a tenth of them).
That tenth then waits in IDLE: the server's CPU seconds over 5 quiet seconds
(`idle_cpu_seconds_5s`), and the time until every one of them has been told
of one message APPENDed by another connection (`idle_push_to_N`).

Usage: ops.py PORT USER PASSWORD PROCESS-PATTERN IDLE-CONNECTIONS APPENDS"""

import imaplib
import os
import subprocess
import sys
import time


def summed(pattern: str, read) -> float:
    """`read(pid)` summed over the processes whose command line matches `pattern` (gone ones count 0)."""
    total = 0
    for pid in subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout.split():
        try:
            total += read(pid)
        except (OSError, StopIteration, IndexError, ValueError):
            pass
    return total


def resident_kib(pattern: str) -> int:
    def rss(pid):
        with open(f"/proc/{pid}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return summed(pattern, rss)


def cpu_seconds(pattern: str) -> float:
    def ticks(pid):
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
            return int(fields[11]) + int(fields[12])  # utime, stime
    return summed(pattern, ticks) / os.sysconf("SC_CLK_TCK")


def timed(name, action):
    started = time.monotonic()
    result = action()
    print(f"{name} {time.monotonic() - started:.3f}", flush=True)
    return result


def check(response):
    typ, data = response
    if typ != "OK":
        raise SystemExit(f"server said {typ} {data}")
    return data


def main():
    port, user, password, pattern = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    idle_count, appends = int(sys.argv[5]), int(sys.argv[6])
    client = imaplib.IMAP4("127.0.0.1", port)
    check(client.login(user, password))
    check(client.select("INBOX"))  # warm up: Dovecot builds its index on the first SELECT
    check(client.close())
    exists = int(timed("select", lambda: check(client.select("INBOX")))[0])
    timed("uid_fetch_all_uid_flags", lambda: check(client.uid("FETCH", "1:*", "(UID FLAGS)")))
    last = min(1000, exists)
    timed("fetch_1000_envelope_bodystructure", lambda: check(client.fetch(f"1:{last}", "(ENVELOPE BODYSTRUCTURE)")))
    timed("uid_search_header_subject", lambda: check(client.uid("SEARCH", "HEADER", "Subject", "needle")))
    timed("uid_search_body", lambda: check(client.uid("SEARCH", "BODY", "needle")))
    timed("store_10000_seen", lambda: check(client.store(f"1:{min(10000, exists)}", "+FLAGS.SILENT", "(\\Seen)")))
    message = b"From: a@b.test\r\nTo: c@d.test\r\nSubject: appended\r\n\r\n" + b"x" * 2000 + b"\r\n"

    def append_all():
        for _ in range(appends):
            check(client.append("INBOX", None, None, message))
    timed(f"append_{appends}", append_all)
    client.logout()

    before = resident_kib(pattern)
    idle = []
    for _ in range(idle_count):
        connection = imaplib.IMAP4("127.0.0.1", port)
        check(connection.login(user, password))
        idle.append(connection)
    time.sleep(1)
    logged_in = resident_kib(pattern)
    print(f"idle_kib_per_connection {(logged_in - before) / max(1, idle_count):.1f}")
    chosen = idle[:max(1, idle_count // 10)]  # a tenth select INBOX: each SELECT of a big mailbox takes a while
    for connection in chosen:
        check(connection.select("INBOX"))
    time.sleep(1)
    selected = resident_kib(pattern)
    print(f"idle_selected_kib_per_connection {(selected - logged_in) / len(chosen):.1f}")
    for connection in chosen:
        connection.send(b"i IDLE\r\n")
        while not connection.readline().startswith(b"+"):
            pass
    quiet = cpu_seconds(pattern)
    time.sleep(5)
    print(f"idle_cpu_seconds_5s {cpu_seconds(pattern) - quiet:.3f}")
    appender = imaplib.IMAP4("127.0.0.1", port)
    check(appender.login(user, password))

    def push():
        check(appender.append("INBOX", None, None, message))
        for connection in chosen:
            while b"EXISTS" not in connection.readline():
                pass
    timed(f"idle_push_to_{len(chosen)}", push)
    appender.logout()
    for connection in chosen:
        connection.send(b"DONE\r\n")
        while not connection.readline().startswith(b"i "):
            pass
    for connection in idle:
        connection.logout()


main()
