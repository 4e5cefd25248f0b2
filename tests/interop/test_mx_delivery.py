"""Mail to a remote domain through its MX records (issue 5): dnsmasq on
loopback serves MX and A records for test domains; the receiving peer is a
second Carrier on a random 127.x.y.z address, port 25; the sender resolves
through `dns_servers`. A null MX (RFC 7505) bounces at once to the sender."""
import os
import random
import re
import shutil
import signal
import smtplib
import subprocess
import unittest

from carrier_harness import TIMEOUT, free_port, start_server, wait_for



@unittest.skipUnless(shutil.which("dnsmasq") and os.geteuid() == 0, "needs dnsmasq and root (port 25 on a loopback address)")
class MXDeliveryTests(unittest.TestCase):
    def setUp(self):
        self.peer_address = f"127.{random.randint(1, 254)}.{random.randint(1, 254)}.{random.randint(2, 254)}"
        self.down_address = f"127.{random.randint(1, 254)}.{random.randint(1, 254)}.1"  # nothing listens there
        self.dns_port = free_port()
        self.dnsmasq = subprocess.Popen(
            ["dnsmasq", "--no-daemon", "--conf-file=/dev/null", "--pid-file=", "--bind-interfaces",
             f"--port={self.dns_port}", "--listen-address=127.0.0.1", "--no-resolv", "--no-hosts",
             "--mx-host=remote.test,mx.remote.test,10", f"--host-record=mx.remote.test,{self.peer_address}",
             "--mx-host=nullmx.test,.,0",
             # The sender is the best MX of selfbest.test, a backup MX of backup.test (whose best MX is down).
             "--mx-host=selfbest.test,sender.test,10", "--mx-host=selfbest.test,mx.remote.test,20",
             "--mx-host=backup.test,down.remote.test,10", "--mx-host=backup.test,sender.test,20",
             f"--host-record=down.remote.test,{self.down_address}", "--host-record=sender.test,127.0.0.1"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.addCleanup(self.stop_dnsmasq)
        self.peer = start_server(self, settings={
            "myhostname": "mx.remote.test",
            "mydestination": "remote.test, $myhostname",
            "smtpd_listen": f"{self.peer_address}:25",
        }, users=["bob"], start=False)
        self.peer.host, self.peer.port = self.peer_address, 25
        self.peer.start()
        self.sender = start_server(self, settings={
            "myhostname": "sender.test",
            "mydestination": "$myhostname, localhost",
            "dns_servers": f"127.0.0.1:{self.dns_port}",
            "smtp_tls_security_level": "may",
        }, users=["alice"])

    def stop_dnsmasq(self):
        self.dnsmasq.send_signal(signal.SIGKILL)
        self.dnsmasq.wait()

    def send(self, recipient, subject):
        with smtplib.SMTP("127.0.0.1", self.sender.port, timeout=TIMEOUT) as smtp:
            smtp.sendmail("alice@sender.test", [recipient], f"Subject: {subject}\r\n\r\nover MX\r\n".encode())

    def test_delivery_through_mx_records(self):
        self.send("bob@remote.test", "via MX")
        stored = wait_for(lambda: self.peer.messages("bob"))
        self.assertEqual(len(stored), 1, self.sender.mail_log())
        self.assertIn(b"via MX", stored[0])
        self.assertRegex(self.sender.mail_log(), r"to=<bob@remote\.test>, relay=mx\.remote\.test\[127[\d.]+\]:25, .*status=sent")

    def test_null_mx_bounces_at_once(self):
        self.send("someone@nullmx.test", "to a null MX")
        bounce = wait_for(lambda: self.sender.messages("alice"))
        self.assertEqual(len(bounce), 1, self.sender.mail_log())
        self.assertIn(b"null MX", bounce[0])
        self.assertIn(b"multipart/report", bounce[0])

    def test_best_mx_is_this_host_bounces_as_a_loop(self):
        """RFC 5321 §5.1: this host and every MX not better than it are dropped;
        none left is an error, and the message is returned."""
        self.send("someone@selfbest.test", "we are the best MX")
        bounce = wait_for(lambda: self.sender.messages("alice"))
        self.assertEqual(len(bounce), 1, self.sender.mail_log())
        self.assertIn(b"loops back to myself", bounce[0])
        self.assertEqual(self.peer.messages("bob"), [])
        self.assertNotIn("client=", self.peer.mail_log())

    def test_a_backup_mx_never_sends_to_itself(self):
        """The best MX (down.remote.test, nothing on port 25) refuses; the sender,
        the other MX, is not tried: the mail waits for the better host."""
        self.send("bob@backup.test", "from the backup MX")
        self.sender.wait_for_log(r"to=<bob@backup\.test>, relay=none, .*status=deferred "
                                 rf"\(connect to down\.remote\.test\[{re.escape(self.down_address)}\]:25")
        self.assertNotIn("sender.test[127.0.0.1]:25", self.sender.mail_log())


if __name__ == "__main__":
    unittest.main()
