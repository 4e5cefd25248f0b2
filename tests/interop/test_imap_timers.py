"""IMAP timers and back-pressure against the real carrier binary (issue 6):
the shorter autologout before login (RFC 9051 §5.4, `imap_login_timeout`),
silence after login allowed up to `imap_idle_timeout`, a FETCH of a whole
mailbox read slowly by a client with a small receive buffer arriving
intact, and a client that stops reading being disconnected after the idle
time instead of being buffered for."""

import imaplib
import re
import smtplib
import socket
import time
import unittest

from carrier_harness import TIMEOUT, simple_message, start_server, wait_for

PASSWORD = "correct horse battery"
MESSAGES = 24
BODY_LINES = 2_500  # about 200 KB per message


class IMAPTimersTest(unittest.TestCase):
    def setUp(self):
        self.server = start_server(self, users=["bob"], listeners=("imap",),
                                   settings={"imap_login_timeout": "2s", "imap_idle_timeout": "5s",
                                             "disable_plaintext_auth": "no"})
        self.port = self.server.ports["imap"]

    def connect(self, receive_buffer=None):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if receive_buffer:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
        sock.settimeout(TIMEOUT)
        sock.connect(("127.0.0.1", self.port))
        self.addCleanup(sock.close)
        return sock

    @staticmethod
    def read_until_closed(sock):
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
        return data

    def test_silence_before_login_ends_the_connection(self):
        sock = self.connect()
        started = time.monotonic()
        data = self.read_until_closed(sock)
        self.assertTrue(data.startswith(b"* OK "))
        self.assertIn(b"* BYE Disconnected for inactivity.\r\n", data)
        self.assertLess(time.monotonic() - started, 4.5)

    def test_silence_after_login_is_allowed_up_to_the_idle_timeout(self):
        client = imaplib.IMAP4("127.0.0.1", self.port, timeout=TIMEOUT)
        client.login("bob", PASSWORD)
        time.sleep(3.5)
        self.assertEqual(client.noop()[0], "OK")
        client.logout()

    def deliver_large_messages(self, count=MESSAGES):
        body = "".join(f"line {n:05d} of a long message body for the back-pressure test........\n"
                       for n in range(BODY_LINES))
        with smtplib.SMTP("127.0.0.1", self.server.port, timeout=TIMEOUT) as smtp:
            for n in range(count):
                smtp.sendmail("sender@example.test", ["bob@localhost"], simple_message(subject=f"big {n}", body=body))
        wait_for(lambda: len(self.server.messages("bob")) >= count)

    def login_and_select(self, sock):
        sock.sendall(b"a1 LOGIN bob \"" + PASSWORD.encode() + b"\"\r\na2 SELECT INBOX\r\n")
        data = b""
        while b"a2 OK" not in data:
            data += sock.recv(65536)

    def test_whole_mailbox_fetch_read_slowly_arrives_intact(self):
        self.deliver_large_messages()
        sock = self.connect(receive_buffer=16384)
        sock.recv(4096)
        self.login_and_select(sock)
        sock.sendall(b"f1 FETCH 1:* BODY.PEEK[]\r\nf2 NOOP\r\n")
        data = b""
        while not data.endswith(b"f2 OK NOOP completed\r\n"):
            chunk = sock.recv(16384)
            self.assertTrue(chunk, "connection closed early")
            data += chunk
            if len(data) < 1_000_000:
                time.sleep(0.002)
        literals = re.findall(rb"\* (\d+) FETCH \(BODY\[\] \{(\d+)\}\r\n", data)
        self.assertEqual([int(n) for n, _ in literals], list(range(1, MESSAGES + 1)))
        for number, size in literals:
            start = data.index(b"* %s FETCH (BODY[] {%s}\r\n" % (number, size)) + len(b"* %s FETCH (BODY[] {%s}\r\n" % (number, size))
            message = data[start:start + int(size)]
            self.assertIn(b"Subject: big %d" % (int(number) - 1), message)
            self.assertTrue(message.rstrip().endswith(b"back-pressure test........"))
            self.assertEqual(data[start + int(size):start + int(size) + 3], b")\r\n")
        self.assertIn(b"f1 OK FETCH completed\r\n", data)

    def test_a_client_that_stops_reading_is_disconnected(self):
        # More than the kernel's socket buffers hold, so that a write waits.
        self.deliver_large_messages(count=3 * MESSAGES)
        sock = self.connect(receive_buffer=16384)
        sock.recv(4096)
        self.login_and_select(sock)
        sock.sendall(b"f1 FETCH 1:* BODY.PEEK[]\r\n")
        time.sleep(8)
        sock.setblocking(False)
        total = 0
        closed = False
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(1 << 20)
            except BlockingIOError:
                time.sleep(0.05)
                continue
            except ConnectionResetError:
                closed = True
                break
            if not chunk:
                closed = True
                break
            total += len(chunk)
        self.assertTrue(closed)
        self.assertLess(total, 3 * MESSAGES * BODY_LINES * 70)


if __name__ == "__main__":
    unittest.main()
