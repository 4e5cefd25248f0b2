"""Slowloris (issue 8): hundreds of connections trickling a byte every few
seconds do not stop other clients from being served; silent ones are closed
at the idle timeout; and one address cannot hold more than its share."""

import smtplib
import socket
import threading
import time
import unittest

from security_harness import TIMEOUT, outside_server, simple_message


class SlowlorisTest(unittest.TestCase):
    def test_trickling_connections_do_not_starve_others(self):
        server = outside_server(self, extra={"smtpd_client_connection_count_limit": "0", "smtpd_timeout": "4s"},
                                listeners=("pop3", "imap"))
        stop = threading.Event()
        sockets = []
        for _ in range(300):
            sockets.append(socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT))
        for port in (server.ports["pop3"], server.ports["imap"]):
            for _ in range(50):
                sockets.append(socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT))

        def trickle():
            while not stop.is_set():
                for s in sockets[:150]:
                    try:
                        s.send(b"N")
                    except OSError:
                        pass
                stop.wait(2)
        thread = threading.Thread(target=trickle, daemon=True)
        thread.start()
        self.addCleanup(lambda: [s.close() for s in sockets])
        self.addCleanup(stop.set)
        for round in range(3):
            started = time.monotonic()
            with smtplib.SMTP("127.0.0.1", server.port, timeout=TIMEOUT) as client:
                self.assertEqual(client.sendmail("a@attacker.example", ["bob@localhost"],
                                                 simple_message(subject=f"served {round}")), {})
            self.assertLess(time.monotonic() - started, 2.0, "a normal client waited behind the slow ones")
            time.sleep(1)
        # The silent ones (never sent a byte) are closed at smtpd_timeout.
        time.sleep(5)
        silent = sockets[150:300]
        closed = 0
        for s in silent:
            s.settimeout(0.2)
            try:
                data = s.recv(4096)
                while data:
                    data = s.recv(4096)
                closed += 1
            except (socket.timeout, OSError):
                pass
        self.assertGreater(closed, 140, f"only {closed} of 150 silent connections were closed")

    def test_one_address_cannot_take_every_connection(self):
        server = outside_server(self, extra={"smtpd_client_connection_count_limit": "20"})
        held = [socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) for _ in range(20)]
        self.addCleanup(lambda: [s.close() for s in held])
        for s in held:
            self.assertTrue(s.recv(512).startswith(b"220"))
        extra = socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT)
        self.addCleanup(extra.close)
        self.assertTrue(extra.recv(512).startswith(b"421"))


if __name__ == "__main__":
    unittest.main()
