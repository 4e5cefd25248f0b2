#!/usr/bin/env python3
"""Opens N idle SMTP connections (greeting read, EHLO sent) to a server and
reports the server's resident memory before and after, per connection."""
import argparse
import socket
import time


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--count", type=int, default=1000)
    a = p.parse_args()
    time.sleep(0.5)
    before = rss_kib(a.pid)
    sockets = []
    for _ in range(a.count):
        s = socket.create_connection(("127.0.0.1", a.port), timeout=10)
        s.recv(512)
        s.sendall(b"EHLO idle.client\r\n")
        s.recv(1024)
        sockets.append(s)
    time.sleep(1.0)
    after = rss_kib(a.pid)
    per = (after - before) / a.count
    print(f"idle_connections={a.count} rss_before_kib={before} rss_after_kib={after} per_connection_kib={per:.1f}")
    for s in sockets:
        s.close()


main()
