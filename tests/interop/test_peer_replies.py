"""How the queue answers a peer's replies (issue 5), with Postfix's
smtp-sink as the peer behind `relayhost`: a 4xx to RCPT leaves the mail
deferred with the reason, and once the peer accepts, `postqueue -f` delivers
it exactly once; a 5xx returns an RFC 3464 report to the local sender with
the peer's status and reply."""
import re
import shutil
import smtplib
import subprocess
import time
import unittest

from carrier_harness import TIMEOUT, free_port, start_server, wait_for



@unittest.skipUnless(shutil.which("smtp-sink"), "needs Postfix's smtp-sink")
class PeerReplyTests(unittest.TestCase):
    def sink(self, port, *options):
        process = subprocess.Popen(["smtp-sink", "-u", "nobody", *options, f"127.0.0.1:{port}", "16"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.addCleanup(lambda: (process.kill(), process.wait()))
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                smtplib.SMTP("127.0.0.1", port, timeout=2).close()
                return process
            except OSError:
                time.sleep(0.1)
        self.fail("smtp-sink did not start")

    def sender(self, port):
        return start_server(self, settings={
            "myhostname": "sender.test",
            "mydestination": "$myhostname, localhost",
            "relayhost": f"[127.0.0.1]:{port}",
        }, users=["alice"])

    def send(self, server, subject):
        with smtplib.SMTP("127.0.0.1", server.port, timeout=TIMEOUT) as smtp:
            smtp.sendmail("alice@sender.test", ["bob@peer.test"], f"Subject: {subject}\r\n\r\nbody\r\n".encode())

    def test_4xx_is_retried_then_delivered_once(self):
        port = free_port()
        soft = self.sink(port, "-r", "rcpt")
        server = self.sender(port)
        self.send(server, "first refused for now")
        listing = wait_for(lambda: (lambda out: out if "bob@peer.test" in out and "(" in out else None)(server.cli("mailq").stdout.decode()))
        self.assertTrue(listing, server.mail_log())
        self.assertRegex(server.mail_log(), r"to=<bob@peer\.test>, relay=none, .*status=deferred \(.*4\d\d")
        soft.kill()
        soft.wait()
        self.sink(port)
        server.cli("postqueue", "-f")
        self.assertTrue(wait_for(lambda: "Mail queue is empty" in server.cli("mailq").stdout.decode()), server.mail_log())
        self.assertEqual(len(re.findall(r"to=<bob@peer\.test>, relay=127\.0\.0\.1\[.*status=sent", server.mail_log())), 1)

    def test_5xx_bounces_to_the_local_sender(self):
        port = free_port()
        self.sink(port, "-f", "rcpt")
        server = self.sender(port)
        self.send(server, "refused for good")
        bounce = wait_for(lambda: server.messages("alice"))
        self.assertEqual(len(bounce), 1, server.mail_log())
        text = bounce[0].decode(errors="replace")
        self.assertIn("multipart/report; report-type=delivery-status", text)
        self.assertIn("Final-Recipient: rfc822; bob@peer.test", text)
        # The peer's own reply and status (smtp-sink -f says "500 5.3.0 Error: command failed"), RFC 3464 §2.3.4, §2.3.6.
        self.assertIn("Status: 5.3.0", text)
        self.assertIn("Diagnostic-Code: smtp; 500 5.3.0 Error: command failed", text)
        self.assertRegex(server.mail_log(), r"to=<bob@peer\.test>, relay=none, dsn=5\.3\.0, status=bounced \(host 127\.0\.0\.1\[")
        self.assertIn("Subject: refused for good", text)
        self.assertIn("Mail queue is empty", server.cli("mailq").stdout.decode())


if __name__ == "__main__":
    unittest.main()
