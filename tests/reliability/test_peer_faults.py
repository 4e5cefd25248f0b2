"""Peer faults for outbound delivery (issue 8). `carrier serve` relays through
`relayhost` to a small SMTP peer written here, which misbehaves on its first
connections and then behaves: it drops the connection in the middle of DATA
(a close, then a reset), answers every reply seconds late, or sends garbage
(a non-SMTP greeting, a malformed EHLO reply, an endless line, a nonsense
answer to the end of data). Each time the mail stays queued with the reason
in mail.log and in `carrier mailq`, `postqueue -f` retries it, and the peer
ends up with exactly one copy (counted by Message-ID). Last, the sender is
killed with SIGKILL while the peer holds its 250: after the restart the mail
is sent again, the duplicate SMTP cannot avoid (RFC 1047), never a loss."""

import re
import smtplib
import socket
import struct
import sys
import threading
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "interop"))

from carrier_harness import TIMEOUT, start_server, wait_for  # noqa: E402

RECIPIENT = "rcpt@peer.test"


class Peer:
    """A threaded SMTP server on 127.0.0.1. `faults` are consumed one per
    connection, in order; once they run out the peer behaves. `delay` holds
    back every reply that many seconds. Stored messages are kept in order."""

    def __init__(self, testcase, faults=(), delay=0.0):
        self.faults = list(faults)
        self.delay = delay
        self.lock = threading.Lock()
        self.stored = []
        self.connections = 0
        self.data_ended = threading.Event()   # set when a "hold" connection has the whole message
        self.release = threading.Event()      # lets a "hold" connection answer
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.closed = False
        threading.Thread(target=self.accept, daemon=True).start()
        testcase.addCleanup(self.close)

    def close(self):
        self.closed = True
        self.release.set()
        self.listener.close()

    def accept(self):
        while not self.closed:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with self.lock:
                self.connections += 1
                fault = self.faults.pop(0) if self.faults else None
            threading.Thread(target=self.serve, args=(conn, fault), daemon=True).start()

    def message_ids(self):
        with self.lock:
            return [m.group(1).decode() for m in (re.search(rb"(?im)^Message-ID:\s*(<[^>]*>)", s) for s in self.stored) if m]

    def serve(self, conn, fault):
        conn.settimeout(TIMEOUT * 3)
        reader = conn.makefile("rb")

        def reply(text):
            if self.delay:
                time.sleep(self.delay)
            conn.sendall(text.encode() if isinstance(text, str) else text)

        try:
            if fault == "garbage-greeting":
                reply(b"\x16\x03\x01\x00 this is not SMTP\r\n")
                reader.readline()
                return
            reply("220 peer.test ESMTP\r\n")
            while True:
                line = reader.readline()
                if not line:
                    return
                verb = line.split(b" ", 1)[0].strip().upper()
                if verb in (b"EHLO", b"HELO"):
                    if fault == "garbage-ehlo":
                        reply("250-peer.test\r\n999 what is this\r\n")
                    else:
                        reply("250-peer.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 20000000\r\n")
                elif verb == b"MAIL":
                    if fault == "endless-line":
                        reply(b"250 " + b"x" * 100_000)
                        time.sleep(TIMEOUT)
                        return
                    reply("250 2.1.0 Ok\r\n")
                elif verb == b"RCPT":
                    reply("250 2.1.5 Ok\r\n")
                elif verb == b"DATA":
                    reply("354 End data with <CR><LF>.<CR><LF>\r\n")
                    if fault == "drop-in-data":
                        # Some of the content has arrived: hang up (FIN) and drain until the client goes.
                        reader.readline()
                        conn.shutdown(socket.SHUT_WR)
                        while conn.recv(65536):
                            pass
                        return
                    if fault == "reset-in-data":
                        reader.readline()
                        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                        return
                    lines = []
                    while True:
                        line = reader.readline()
                        if not line:
                            return
                        if line == b".\r\n":
                            break
                        lines.append(line[1:] if line.startswith(b".") else line)
                    if fault == "garbage-after-data":
                        reply("OK THANKS\r\n")
                        return
                    with self.lock:
                        self.stored.append(b"".join(lines))
                    if fault == "hold":
                        self.data_ended.set()
                        self.release.wait(TIMEOUT * 3)
                    reply(f"250 2.0.0 Ok: queued as P{len(self.stored)}\r\n")
                elif verb == b"QUIT":
                    reply("221 2.0.0 Bye\r\n")
                    return
                elif verb in (b"RSET", b"NOOP"):
                    reply("250 2.0.0 Ok\r\n")
                else:
                    reply("502 5.5.2 Error: command not recognized\r\n")
        except OSError:
            pass
        finally:
            try:
                reader.close()
                conn.close()
            except OSError:
                pass


class PeerFaultTests(unittest.TestCase):
    def sender(self, peer):
        return start_server(self, settings={
            "myhostname": "sender.test",
            "mydestination": "$myhostname, localhost",
            "relayhost": f"[127.0.0.1]:{peer.port}",
            "smtp_tls_security_level": "none",
        }, users=["alice"])

    def submit(self, server, name, size=200_000):
        """Sends one message for the peer; returns its Message-ID."""
        message_id = f"<{name}.{time.monotonic_ns()}@sender.test>"
        body = ("peer fault test line " + "y" * 54 + "\r\n") * (size // 78)
        with smtplib.SMTP("127.0.0.1", server.port, timeout=TIMEOUT) as smtp:
            smtp.sendmail("alice@sender.test", [RECIPIENT],
                          f"From: alice@sender.test\r\nTo: {RECIPIENT}\r\nSubject: {name}\r\n"
                          f"Message-ID: {message_id}\r\n\r\n{body}".encode())
        return message_id

    @staticmethod
    def mailq(server):
        return server.cli("mailq").stdout.decode()

    def deferrals(self, server):
        return re.findall(rf"to=<{re.escape(RECIPIENT)}>, relay=none, .*status=deferred \((.*)\)$", server.mail_log(), re.M)

    def deliver_through_faults(self, server, peer, message_id, faults):
        """Waits for one deferral per fault (checking mailq shows its reason),
        flushing the queue after each, then for the one delivery."""
        reasons = []
        for n in range(faults):
            self.assertTrue(wait_for(lambda: len(self.deferrals(server)) > n, timeout=30),
                            f"no deferral #{n + 1}:\n{server.mail_log()[-3000:]}")
            reason = self.deferrals(server)[n]
            reasons.append(reason)
            # The log line comes just before the queue records the reason.
            shown = wait_for(lambda: f"({reason})\n    " in self.mailq(server))
            listing = self.mailq(server)
            self.assertTrue(shown, f"mailq does not show ({reason}):\n{listing}")
            self.assertIn(RECIPIENT, listing)
            self.assertEqual(peer.message_ids(), [], f"stored by the peer after fault #{n + 1}")
            server.cli("postqueue", "-f")
        self.assertTrue(wait_for(lambda: "Mail queue is empty" in self.mailq(server), timeout=30), server.mail_log()[-3000:])
        self.assertEqual(peer.message_ids(), [message_id])
        self.assertEqual(len(re.findall(rf"to=<{re.escape(RECIPIENT)}>, relay=127\.0\.0\.1\[.*status=sent",
                                        server.mail_log())), 1)
        self.assertEqual(len(self.deferrals(server)), faults, server.mail_log()[-3000:])
        return reasons

    def test_dropped_in_data_is_retried_and_delivered_once(self):
        peer = Peer(self, faults=["drop-in-data", "reset-in-data"])
        server = self.sender(peer)
        reasons = self.deliver_through_faults(server, peer, self.submit(server, "dropped"), 2)
        for reason in reasons:
            self.assertIn("lost connection while sending the message", reason)
        print(f"\npeer faults: dropped in DATA twice, deferred ({'; '.join(reasons)}), then delivered once", file=sys.stderr)

    def test_slow_peer_still_gets_the_mail(self):
        peer = Peer(self, delay=2.5)
        server = self.sender(peer)
        message_id = self.submit(server, "slow")
        self.assertTrue(wait_for(lambda: peer.message_ids(), timeout=50), server.mail_log()[-3000:])
        self.assertTrue(wait_for(lambda: "Mail queue is empty" in self.mailq(server), timeout=20))
        self.assertEqual(peer.message_ids(), [message_id])
        self.assertEqual(self.deferrals(server), [])
        self.assertEqual(peer.connections, 1)

    def test_garbage_replies_are_retried_and_delivered_once(self):
        faults = ["garbage-greeting", "garbage-ehlo", "endless-line", "garbage-after-data"]
        peer = Peer(self, faults=faults)
        server = self.sender(peer)
        reasons = self.deliver_through_faults(server, peer, self.submit(server, "garbage"), len(faults))
        print(f"\npeer faults: {len(faults)} kinds of garbage, each deferred ({'; '.join(reasons)}), "
              f"then delivered once", file=sys.stderr)

    def test_sigkill_while_the_peer_holds_its_250_sends_again(self):
        peer = Peer(self, faults=["hold"])
        server = self.sender(peer)
        message_id = self.submit(server, "held")
        self.assertTrue(peer.data_ended.wait(30), server.mail_log()[-3000:])
        server.kill()
        peer.release.set()
        server.start()
        server.cli("postqueue", "-f")
        self.assertTrue(wait_for(lambda: "Mail queue is empty" in self.mailq(server), timeout=30), server.mail_log()[-3000:])
        # The first copy's 250 never reached the sender, so it had to send it again.
        self.assertEqual(peer.message_ids(), [message_id, message_id])
        self.assertEqual(len(re.findall(r"status=sent", server.mail_log())), 1)


if __name__ == "__main__":
    unittest.main()
