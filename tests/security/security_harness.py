"""Shared pieces of the attack suites: the interop harness (imported from
tests/interop), a server that treats 127.0.0.1 as an outside client, and raw
line-oriented clients for POP3 and IMAP, plain or upgraded to TLS."""

import os
import socket
import ssl
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "interop"))

from carrier_harness import (TIMEOUT, SMTPConversation, free_port, insecure_context,  # noqa: E402,F401
                             simple_message, start_server, wait_for)

PASSWORD = "correct horse battery"


def outside_server(testcase, users=("bob",), extra=None, listeners=()):
    """A server whose mynetworks excludes loopback, so test clients are strangers.
    `listeners` names mail-access services (`imap`, `imaps`, `pop3`, `pop3s`) to
    bind on free ports; their ports are in `server.ports`."""
    return start_server(testcase, settings={"mynetworks": "192.0.2.0/24", **(extra or {})}, users=users,
                        listeners=listeners)


class LineClient:
    """A raw client for line protocols (POP3, IMAP): send exact bytes, read lines."""

    def __init__(self, port, timeout=TIMEOUT, tls=False):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        if tls:
            self.sock = insecure_context().wrap_socket(self.sock)
        self.buffer = b""

    def send(self, data: bytes):
        self.sock.sendall(data)

    def line(self) -> bytes:
        while b"\r\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError(f"closed; partial {self.buffer!r}")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def until(self, prefix: bytes) -> list:
        """Lines up to and including the first that starts with `prefix`."""
        lines = []
        while True:
            lines.append(self.line())
            if lines[-1].startswith(prefix):
                return lines

    def starttls(self):
        """Upgrade the connection; whatever was buffered in plaintext is dropped, as a client must."""
        self.buffer = b""
        self.sock = insecure_context().wrap_socket(self.sock)

    def silent_for(self, seconds=1.0) -> bytes:
        """Whatever arrives within `seconds` (b"" when the server stays silent)."""
        self.sock.settimeout(seconds)
        data = self.buffer
        self.buffer = b""
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    break
                data += chunk
        except (socket.timeout, ssl.SSLError, OSError):
            pass
        self.sock.settimeout(TIMEOUT)
        return data

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def resident_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def environment_has_carrier() -> bool:
    return bool(os.environ.get("CARRIER_BIN"))
