"""IMAP (issue 6) against the real carrier binary: Python imaplib through
the commands over STARTTLS and IMAPS (LOGIN refused before TLS), curl
imap:// and imaps://, two concurrent sessions on one mailbox seeing each
other's flag changes and expunges at NOOP, IDLE woken by an SMTP
delivery, thirty IDLE sessions of one mailbox told of another session's
APPEND, flag change and expunge and of a delivery, SORT and THREAD, QUOTA with mailbox_size_limit (APPEND and SMTP
refused when full), QRESYNC's VANISHED, and COMPRESS=DEFLATE driven with
zlib's raw deflate."""

import imaplib
import re
import smtplib
import subprocess
import unittest
import zlib

from carrier_harness import TIMEOUT, insecure_context, simple_message, start_server, wait_for

PASSWORD = "correct horse battery"


class IMAPTest(unittest.TestCase):
    QUOTA = 200_000

    def setUp(self):
        self.server = start_server(self, users=["bob"], listeners=("imap", "imaps"),
                                   settings={"mailbox_size_limit": str(self.QUOTA)})
        self.imap_port, self.imaps_port = self.server.ports["imap"], self.server.ports["imaps"]
        self.deliver(3)

    def deliver(self, count, start=0):
        with smtplib.SMTP("127.0.0.1", self.server.port, timeout=TIMEOUT) as client:
            for n in range(start, start + count):
                client.sendmail("sender@example.test", ["bob@localhost"],
                                simple_message(subject=f"imap {n}", body=f"line one\nmessage body {n}\n"))
        wait_for(lambda: len(self.server.messages("bob")) >= start + count)

    def starttls(self):
        client = imaplib.IMAP4("127.0.0.1", self.imap_port, timeout=TIMEOUT)
        client.starttls(insecure_context())
        client.login("bob", PASSWORD)
        self.addCleanup(self.quietly_logout, client)
        return client

    @staticmethod
    def quietly_logout(client):
        try:
            client.logout()
        except Exception:
            pass

    def test_login_refused_before_starttls(self):
        client = imaplib.IMAP4("127.0.0.1", self.imap_port, timeout=TIMEOUT)
        self.addCleanup(self.quietly_logout, client)
        self.assertIn("LOGINDISABLED", client.capabilities)
        self.assertIn("STARTTLS", client.capabilities)
        with self.assertRaises(imaplib.IMAP4.error):
            client.login("bob", PASSWORD)

    def test_commands_over_starttls(self):
        c = self.starttls()
        typ, data = c.list()
        self.assertEqual(typ, "OK")
        listing = b"\n".join(data)
        for name in (b"INBOX", b"Sent", b"Drafts", b"Trash", b"Junk", b"Archive"):
            self.assertIn(name, listing)
        self.assertIn(b"\\Sent", listing)
        typ, data = c.select("INBOX")
        self.assertEqual((typ, data[0]), ("OK", b"3"))
        typ, data = c.fetch("1:3", "(UID FLAGS RFC822.SIZE ENVELOPE)")
        self.assertEqual(typ, "OK")
        self.assertEqual(len([d for d in data if isinstance(d, bytes) or isinstance(d, tuple)]), 3)
        typ, data = c.fetch("2", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        self.assertIn(b"Subject: imap 1", data[0][1])
        typ, data = c.fetch("2", "(BODY[TEXT])")
        self.assertIn(b"message body 1", data[0][1])
        typ, data = c.search(None, "UNSEEN")
        self.assertEqual(data[0].split(), [b"1", b"3"])
        typ, data = c.uid("SEARCH", None, "BODY", '"message body 2"')
        self.assertEqual(data[0].split(), [b"3"])
        typ, data = c.store("1", "+FLAGS", "(\\Flagged)")
        self.assertIn(b"\\Flagged", data[0])
        typ, data = c.copy("1:2", "Archive")
        self.assertEqual(typ, "OK")
        typ, data = c.status("Archive", "(MESSAGES UIDNEXT UNSEEN SIZE)")
        self.assertRegex(data[0].decode(), r"MESSAGES 2 UIDNEXT 3")
        typ, data = c.append("Drafts", "(\\Draft)", imaplib.Time2Internaldate(1700000000),
                             b"Subject: draft\r\n\r\nDraft body\r\n")
        self.assertEqual(typ, "OK")
        self.assertIn(b"APPENDUID", data[0])
        typ, data = c.append("Nowhere", None, None, b"Subject: x\r\n\r\nx\r\n")
        self.assertEqual(typ, "NO")
        self.assertIn(b"TRYCREATE", data[0])
        self.assertEqual(c.create("Work/Projects")[0], "OK")
        self.assertEqual(c.rename("Work/Projects", "Work/Done")[0], "OK")
        typ, data = c.list('""', "Work/%")
        self.assertIn(b"Work/Done", data[0])
        self.assertEqual(c.delete("Work/Done")[0], "OK")
        self.assertEqual(c.create("../etc")[0], "NO")
        typ, data = c._simple_command("MOVE", "3", "Trash")
        self.assertEqual(typ, "OK")
        self.assertEqual(c.untagged_responses.pop("EXPUNGE", []), [b"3"])
        typ, data = c.store("1", "+FLAGS", "(\\Deleted)")
        typ, data = c.expunge()
        self.assertEqual(data[0], b"1")
        typ, data = c.select("INBOX", readonly=True)
        self.assertEqual(data[0], b"1")
        self.assertEqual(c.close()[0], "OK")

    def test_imaps(self):
        c = imaplib.IMAP4_SSL("127.0.0.1", self.imaps_port, ssl_context=insecure_context(), timeout=TIMEOUT)
        self.addCleanup(self.quietly_logout, c)
        self.assertNotIn("STARTTLS", c.capabilities)
        c.login("bob", PASSWORD)
        typ, data = c.select("INBOX")
        self.assertEqual(data[0], b"3")

    def curl(self, url, *extra):
        return subprocess.run(["curl", "-s", "-k", "--max-time", str(int(TIMEOUT)), "-u", f"bob:{PASSWORD}", *extra, url],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT * 2)

    def test_curl_imap_and_imaps(self):
        result = self.curl(f"imap://127.0.0.1:{self.imap_port}/INBOX;UID=2", "--ssl-reqd")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(b"Subject: imap 1", result.stdout)
        result = self.curl(f"imaps://127.0.0.1:{self.imaps_port}/INBOX;UID=3")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(b"message body 2", result.stdout)

    def test_two_sessions_see_each_other(self):
        a = self.starttls()
        b = self.starttls()
        a.select("INBOX")
        b.select("INBOX")
        a.store("2", "+FLAGS", "(\\Deleted)")
        b.noop()
        fetches = b"\n".join(x for x in b.untagged_responses.pop("FETCH", []) if isinstance(x, bytes))
        self.assertIn(b"\\Deleted", fetches)
        a.expunge()
        typ, data = b.noop()
        self.assertEqual(b.untagged_responses.pop("EXPUNGE", []), [b"2"])
        typ, data = b.fetch("1:2", "(UID)")
        self.assertEqual([re.search(rb"UID (\d+)", d).group(1) for d in data], [b"1", b"3"])

    def test_idle_wakes_on_delivery(self):
        c = self.starttls()
        c.select("INBOX")
        tag = c._new_tag()
        c.send(tag + b" IDLE\r\n")
        self.assertTrue(c.readline().startswith(b"+"))
        self.deliver(1, start=3)
        c.sock.settimeout(TIMEOUT)
        self.assertEqual(c.readline().strip(), b"* 4 EXISTS")
        c.send(b"DONE\r\n")
        self.assertTrue(c.readline().startswith(tag + b" OK"))

    def test_many_idle_sessions_of_one_mailbox_follow_every_change(self):
        watchers = []
        for _ in range(30):
            c = self.starttls()
            c.select("INBOX")
            c.send(b"w IDLE\r\n")
            self.assertTrue(c.readline().startswith(b"+"))
            c.sock.settimeout(TIMEOUT)
            watchers.append(c)
        writer = self.starttls()
        writer.select("INBOX")
        writer.append("INBOX", None, None, simple_message(subject="appended", body="appended\n"))
        writer.store("1", "+FLAGS", "(\\Flagged)")
        writer.store("2", "+FLAGS.SILENT", "(\\Deleted)")
        writer.expunge()

        def follow(c, until):
            """Reads untagged updates, keeping the client's message count, until `until(count, lines)`."""
            count, lines = 3, []
            while not until(count, lines):
                line = c.readline().strip()
                lines.append(line)
                if m := re.fullmatch(rb"\* (\d+) EXISTS", line):
                    count = int(m.group(1))
                elif re.fullmatch(rb"\* \d+ EXPUNGE", line):
                    count -= 1
            return count, lines

        for c in watchers:
            count, lines = follow(c, lambda count, lines: b"* 2 EXPUNGE" in lines and count == 3
                                  and any(re.fullmatch(rb"\* 1 FETCH \(.*\\Flagged.*\)", x) for x in lines))
            self.assertEqual(count, 3, lines)
        self.deliver(1, start=3)
        for c in watchers:
            self.assertEqual(c.readline().strip(), b"* 4 EXISTS")
            c.send(b"DONE\r\n")
            self.assertTrue(c.readline().startswith(b"w OK"))
        typ, data = watchers[0].fetch("1:*", "(UID FLAGS)")
        self.assertEqual([re.search(rb"UID (\d+)", d).group(1) for d in data], [b"1", b"3", b"4", b"5"])

    def test_sort_and_thread(self):
        first = re.search(rb"Message-ID: (<[^>]+>)", self.server.messages("bob")[0]).group(1).decode()
        with smtplib.SMTP("127.0.0.1", self.server.port, timeout=TIMEOUT) as client:
            client.sendmail("sender@example.test", ["bob@localhost"],
                            f"From: <zed@example.test>\r\nSubject: Re: imap 0\r\nIn-Reply-To: {first}\r\n"
                            f"Date: Sun, 30 Nov 2025 09:00:00 +0000\r\n\r\nreply\r\n".encode())
        wait_for(lambda: len(self.server.messages("bob")) >= 4)
        c = self.starttls()
        self.assertIn("SORT", c.capability()[1][0].decode().split())
        c.select("INBOX")
        typ, data = c.sort("(REVERSE SUBJECT)", "UTF-8", "ALL")
        self.assertEqual((typ, data[0]), ("OK", b"3 2 1 4"))
        typ, data = c.sort("(FROM)", "UTF-8", "SUBJECT", "imap")
        self.assertEqual(data[0], b"1 2 3 4")
        typ, data = c.uid("SORT", "(SIZE)", "UTF-8", "NOT", "SUBJECT", "Re:")
        self.assertEqual(sorted(data[0].split()), [b"1", b"2", b"3"])
        typ, data = c.thread("REFERENCES", "UTF-8", "ALL")
        self.assertEqual((typ, data[0]), ("OK", b"(1 4)(2)(3)"))
        typ, data = c.thread("ORDEREDSUBJECT", "UTF-8", "ALL")
        self.assertEqual(data[0], b"(1 4)(2)(3)")

    def test_quota(self):
        c = self.starttls()
        self.assertIn("QUOTA", c.capability()[1][0].decode().split())
        typ, data = c.getquotaroot("INBOX")
        self.assertEqual(typ, "OK")
        self.assertEqual(data[0], [b'INBOX ""'])
        self.assertRegex(data[1][0].decode(), r'^"" \(STORAGE [12] 195\)$')
        typ, data = c.append("Drafts", None, None, b"Subject: big\r\n\r\n" + b"x" * self.QUOTA + b"\r\n")
        self.assertEqual(typ, "NO")
        self.assertIn(b"OVERQUOTA", data[0])
        typ, data = c.append("Drafts", None, None, b"Subject: fits\r\n\r\n" + b"x" * (self.QUOTA - 2000) + b"\r\n")
        self.assertEqual(typ, "OK")
        with smtplib.SMTP("127.0.0.1", self.server.port, timeout=TIMEOUT) as client:
            client.ehlo("client.test")
            with self.assertRaises(smtplib.SMTPRecipientsRefused) as refused:
                client.sendmail("sender@example.test", ["bob@localhost"], simple_message(body="x" * 5000 + "\n"),
                                mail_options=["SIZE=5100"])
        code, text = refused.exception.recipients["bob@localhost"]
        self.assertEqual(code, 452)
        self.assertIn(b"4.2.2", text)

    def test_qresync_vanished(self):
        a = self.starttls()
        self.assertEqual(a.enable("QRESYNC")[0], "OK")
        typ, data = a.select("INBOX")
        validity = a.untagged_responses["UIDVALIDITY"][0].decode()
        modseq = a.untagged_responses["HIGHESTMODSEQ"][0].decode()
        b = self.starttls()
        b.select("INBOX")
        b.store("2", "+FLAGS", "(\\Deleted)")
        b.expunge()
        a.noop()
        self.assertEqual(a.untagged_responses.pop("VANISHED", []), [b"2"])
        self.assertNotIn("EXPUNGE", a.untagged_responses)
        c = self.starttls()
        c.enable("QRESYNC")
        typ, data = c._simple_command("SELECT", "INBOX", f"(QRESYNC ({validity} {modseq} 1:3))")
        self.assertEqual(typ, "OK")
        self.assertEqual(c.untagged_responses.pop("VANISHED", []), [b"(EARLIER) 2"])

    def test_compress_deflate(self):
        c = imaplib.IMAP4_SSL("127.0.0.1", self.imaps_port, ssl_context=insecure_context(), timeout=TIMEOUT)
        self.addCleanup(self.quietly_logout, c)
        c.login("bob", PASSWORD)
        self.assertIn("COMPRESS=DEFLATE", c.capability()[1][0].decode().split())
        c.send(b"z1 COMPRESS DEFLATE\r\n")
        self.assertTrue(c.readline().startswith(b"z1 OK"))
        deflate = zlib.compressobj(wbits=-15)
        inflate = zlib.decompressobj(wbits=-15)

        def command(line, tag):
            c.sock.sendall(deflate.compress(line) + deflate.flush(zlib.Z_SYNC_FLUSH))
            received = b""
            while tag + b" " not in received:
                chunk = c.sock.recv(65536)
                self.assertTrue(chunk, "connection closed")
                received += inflate.decompress(chunk)
            return received

        self.assertIn(b"* 3 EXISTS", command(b"z2 SELECT INBOX\r\n", b"z2"))
        self.assertIn(b"message body 2", command(b"z3 FETCH 3 BODY.PEEK[TEXT]\r\n", b"z3"))
        self.assertIn(b"z4 BAD", command(b"z4 COMPRESS DEFLATE\r\n", b"z4"))
        self.assertIn(b"z5 OK", command(b"z5 LOGOUT\r\n", b"z5"))


if __name__ == "__main__":
    unittest.main()
