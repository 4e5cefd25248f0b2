"""Real SMTP tools (swaks, curl, pflogsumm) and raw sockets against the carrier binary."""

import os
import re
import shutil
import smtplib
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from carrier_harness import (  # noqa: E402
    TIMEOUT, SMTPConversation, crlf, simple_message, start_server,
)


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60, **kw)


def require(tool):
    if shutil.which(tool) is None:
        raise AssertionError(f"{tool} is not installed (tests/interop/run installs it)")


class SMTPToolTests(unittest.TestCase):
    maxDiff = 4000

    def assertStoredEndsWith(self, stored: bytes, tail: bytes):
        self.assertTrue(stored.endswith(tail), f"stored copy does not end with {tail[-200:]!r}:\n{stored[:1500]!r}")
        self.assertRegex(stored[: len(stored) - len(tail)], rb"(?im)^Received: ")

    # -- swaks ----------------------------------------------------------------------

    def test_swaks_pipelining(self):
        require("swaks")
        server = start_server(self, users=["alice", "bob"])
        result = run([
            "swaks", "--server", "127.0.0.1", "--port", str(server.port), "--timeout", str(int(TIMEOUT)),
            "--helo", "client.example.test", "--from", "swaks@example.test",
            "--to", "alice@localhost,bob@localhost", "--pipeline",
            "--header", "Subject: swaks pipelining", "--body", "Sent with PIPELINING.",
        ])
        transcript = result.stdout.decode(errors="replace")
        self.assertEqual(result.returncode, 0, transcript)
        self.assertNotIn("did not advertise PIPELINING", transcript)
        for account in ("alice", "bob"):
            stored = server.messages(account)
            self.assertEqual(len(stored), 1, f"{account}: {transcript}")
            self.assertIn(b"Subject: swaks pipelining\r\n", stored[0])
            self.assertIn(b"\r\n\r\nSent with PIPELINING.\r\n", stored[0])

    def test_swaks_bare_lf_message_refused(self):
        """swaks --no-data-fixup sends the DATA bytes as given: a bare-LF dot is not an end."""
        require("swaks")
        server = start_server(self, users=["bob"])
        data = server.root / "smuggle.eml"
        # swaks appends CRLF after the data, so the file ends with the final dot.
        data.write_bytes(b"Subject: x\r\n\r\nbody\n.\nMAIL FROM:<evil@x>\r\nRCPT TO:<bob@localhost>\r\n"
                         b"DATA\r\nspoof\r\n.")
        result = run([
            "swaks", "--server", "127.0.0.1", "--port", str(server.port), "--timeout", str(int(TIMEOUT)),
            "--helo", "client.example.test", "--from", "swaks@example.test", "--to", "bob@localhost",
            "--no-data-fixup", "--data", f"@{data}",
        ])
        transcript = result.stdout.decode(errors="replace")
        self.assertNotEqual(result.returncode, 0, transcript)
        after_data = transcript.split(" -> DATA", 1)[-1]
        self.assertRegex(after_data, r"<\*\* +550 5\.5\.2 ", transcript)
        self.assertEqual(server.messages("bob"), [], transcript)

    def test_bdat_chunking(self):
        server = start_server(self, users=["bob"])
        # The installed swaks (Debian 12: 20201014.0) has no BDAT option, so drive it
        # over a raw socket: two chunks pipelined in one write, the first ending
        # mid-line, with lines that DATA would treat specially (dots, "."-only line).
        head = crlf("From: <chunks@example.test>\nTo: <bob@localhost>\nSubject: BDAT\n"
                    "Date: Sat, 29 Nov 2025 09:41:18 +0000\nMessage-ID: <bdat.1@example.test>\n\n")
        chunk1 = head + b"first chunk ends mid-li"
        chunk2 = b"ne\r\n.\r\n..two dots stay two\r\nlast line\r\n"
        with SMTPConversation(server.port) as c:
            self.assertEqual(c.reply()[0], 220)
            code, lines = c.command("EHLO client.example.test")
            self.assertEqual(code, 250)
            self.assertIn("CHUNKING", [l.split()[0].upper() for l in lines[1:]])
            self.assertEqual(c.command("MAIL FROM:<chunks@example.test>")[0], 250)
            self.assertEqual(c.command("RCPT TO:<bob@localhost>")[0], 250)
            c.send(b"BDAT %d\r\n" % len(chunk1) + chunk1 + b"BDAT %d LAST\r\n" % len(chunk2) + chunk2)
            first = c.reply()
            self.assertEqual(first[0], 250, first)
            last = c.reply()
            self.assertEqual(last[0], 250, last)
            self.assertTrue(last[1][-1].startswith("2.0.0"), last)
            self.assertEqual(c.command("QUIT")[0], 221)
        stored = server.messages("bob")
        self.assertEqual(len(stored), 1)
        self.assertStoredEndsWith(stored[0], chunk1 + chunk2)

    # -- SMTP smuggling ---------------------------------------------------------------

    def test_bare_lf_smuggling_refused_and_nothing_delivered(self):
        server = start_server(self, users=["bob"])
        variants = {
            "LF.LF": b"Subject: x\r\n\r\nbody\n.\n",
            "LF.CRLF": b"Subject: x\r\n\r\nbody\n.\r\n",
            "CRLF.LF": b"Subject: x\r\n\r\nbody\r\n.\n",
        }
        smuggled = b"MAIL FROM:<evil@x>\r\nRCPT TO:<bob@localhost>\r\nDATA\r\nspoof\r\n.\r\n"
        for name, start in variants.items():
            with self.subTest(name), SMTPConversation(server.port) as c:
                self.assertEqual(c.reply()[0], 220)
                self.assertEqual(c.command("EHLO client.example.test")[0], 250)
                self.assertEqual(c.command("MAIL FROM:<sender@example.test>")[0], 250)
                self.assertEqual(c.command("RCPT TO:<bob@localhost>")[0], 250)
                self.assertEqual(c.command("DATA")[0], 354)
                c.send(start + smuggled)
                code, lines = c.reply()
                self.assertEqual(code, 550, lines)
                self.assertTrue(lines[-1].startswith("5.5.2 "), lines)
                try:
                    c.send(b"QUIT\r\n")
                except OSError:
                    pass
                rest = c.remaining_replies()
                self.assertEqual([r[0] for r in rest if r[0] != 221], [],
                                 f"smuggled commands were answered: {rest}")
        self.assertEqual(server.messages("bob"), [])
        # The server still takes a proper message afterwards.
        with smtplib.SMTP("127.0.0.1", server.port, timeout=TIMEOUT) as client:
            self.assertEqual(client.sendmail("sender@example.test", ["bob@localhost"], simple_message()), {})
        self.assertEqual(len(server.messages("bob")), 1)

    # -- curl -------------------------------------------------------------------------

    def test_curl_smtp_upload(self):
        require("curl")
        server = start_server(self, users=["bob"])
        message = simple_message(subject="sent by curl", sender="a@example.test",
                                 body="curl uploaded this.\n.dot line\n")
        msg = server.root / "msg.txt"
        msg.write_bytes(message)
        result = run([
            "curl", "-sS", "--max-time", str(int(TIMEOUT)), "--url", f"smtp://127.0.0.1:{server.port}",
            "--mail-from", "a@example.test", "--mail-rcpt", "bob@localhost", "--upload-file", str(msg),
        ])
        self.assertEqual(result.returncode, 0, result.stdout.decode(errors="replace"))
        stored = server.messages("bob")
        self.assertEqual(len(stored), 1)
        self.assertStoredEndsWith(stored[0], message)

    # -- pflogsumm --------------------------------------------------------------------

    def test_pflogsumm_counts(self):
        require("pflogsumm")
        server = start_server(self, settings={"mynetworks": "192.0.2.0/24"}, users=["alice", "bob"])
        with smtplib.SMTP("127.0.0.1", server.port, local_hostname="client.example.test", timeout=TIMEOUT) as c:
            self.assertEqual(c.sendmail("s1@example.test", ["bob@localhost"], simple_message()), {})
            self.assertEqual(c.sendmail("s2@example.test", ["alice@localhost"], simple_message()), {})
            self.assertEqual(c.sendmail("s3@example.test", ["alice@localhost", "bob@localhost"],
                                        simple_message()), {})
        with smtplib.SMTP("127.0.0.1", server.port, local_hostname="client.example.test", timeout=TIMEOUT) as c:
            c.ehlo()
            self.assertEqual(c.mail("s4@example.test")[0], 250)
            self.assertEqual(c.rcpt("nobody@localhost")[0], 550)
            self.assertEqual(c.rcpt("someone@elsewhere.example")[0], 554)
        self.assertEqual(server.stop(), 0, server.output())
        log = server.mail_log_path
        result = run(["pflogsumm", "--syslog-name=carrier", str(log)])
        report = result.stdout.decode(errors="replace")
        self.assertEqual(result.returncode, 0, report)
        totals = {}
        for key in ("received", "delivered", "forwarded", "deferred", "bounced", "rejected"):
            m = re.search(rf"^\s*(\d+)\s+{key}\b", report, re.M)
            self.assertIsNotNone(m, f"no '{key}' in pflogsumm output:\n{report}")
            totals[key] = int(m.group(1))
        expected = {"received": 3, "delivered": 4, "forwarded": 0, "deferred": 0, "bounced": 0, "rejected": 2}
        self.assertEqual(totals, expected, f"pflogsumm report:\n{report}\nmail.log:\n{server.mail_log()}")
        m = re.search(r"^\s*(\d+)([kmg]?)\s+bytes received", report, re.M)
        self.assertTrue(m and int(m.group(1)) > 0, f"no bytes received (qmgr size= lines):\n{report}")


if __name__ == "__main__":
    unittest.main()
