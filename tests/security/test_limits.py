"""Limits (issue 8): oversized lines, literals, messages, header counts, MIME
depth and recipient lists are answered with the protocol's errors while the
server's memory stays bounded; IMAP mailbox names that try to be paths are
refused."""

import imaplib
import smtplib
import unittest

from security_harness import (PASSWORD, TIMEOUT, LineClient, SMTPConversation, insecure_context,
                              outside_server, resident_kib)


class LimitsTest(unittest.TestCase):
    def setUp(self):
        self.server = outside_server(self, listeners=("pop3", "imap"),
                                     extra={"message_size_limit": "2000000", "smtpd_recipient_limit": "50"})

    def rss(self):
        return resident_kib(self.server.process.pid)

    def test_smtp_long_line_recipients_and_size(self):
        before = self.rss()
        with SMTPConversation(self.server.port) as c:
            c.reply()
            c.command("EHLO attacker.example")
            code, _ = c.command("NOOP " + "x" * 100_000)
            self.assertEqual(code, 500)
            self.assertEqual(c.command("MAIL FROM:<a@attacker.example>")[0], 250)
            codes = [c.command(f"RCPT TO:<bob+{n}@localhost>")[0] for n in range(60)]
            self.assertEqual(codes[:50], [250] * 50)
            self.assertTrue(all(code == 452 for code in codes[50:]), codes[50:])
            self.assertEqual(c.command("RSET")[0], 250)
            code, _ = c.command("MAIL FROM:<a@attacker.example> SIZE=50000000")
            self.assertEqual(code, 552)
        with SMTPConversation(self.server.port) as c:
            c.reply()
            c.command("EHLO attacker.example")
            c.command("MAIL FROM:<a@attacker.example>")
            c.command("RCPT TO:<bob@localhost>")
            self.assertEqual(c.command("DATA")[0], 354)
            line = b"y" * 998 + b"\r\n"
            for _ in range(3000):  # about 3 MB, over message_size_limit
                c.send(line)
            c.send(b".\r\n")
            self.assertEqual(c.reply()[0], 552)
        self.assertEqual(self.server.messages("bob"), [])
        self.assertLess(self.rss() - before, 64 * 1024, "memory grew by more than 64 MiB")

    def test_many_headers_and_deep_mime_do_not_hurt(self):
        headers = "".join(f"X-Header-{n}: value\r\n" for n in range(20_000))
        nested = "Content-Type: multipart/mixed; boundary=b0\r\n\r\n"
        for depth in range(1, 200):
            nested += f"--b{depth - 1}\r\nContent-Type: multipart/mixed; boundary=b{depth}\r\n\r\n"
        message = ("Subject: stress\r\n" + headers + "MIME-Version: 1.0\r\n" + nested + "deep\r\n").encode()
        before = self.rss()
        with smtplib.SMTP("127.0.0.1", self.server.port, timeout=TIMEOUT) as client:
            try:
                client.sendmail("a@attacker.example", ["bob@localhost"], message)
            except smtplib.SMTPDataError as refused:
                self.assertGreaterEqual(refused.smtp_code, 500)
        with smtplib.SMTP("127.0.0.1", self.server.port, timeout=TIMEOUT) as client:
            self.assertEqual(client.noop()[0], 250, "the server is still serving")
        self.assertLess(self.rss() - before, 128 * 1024)
        imap = imaplib.IMAP4("127.0.0.1", self.server.ports["imap"], timeout=TIMEOUT)
        imap.starttls(insecure_context())
        imap.login("bob", PASSWORD)
        imap.select("INBOX")
        typ, _ = imap.fetch("1:*", "(BODYSTRUCTURE ENVELOPE)")
        self.assertEqual(typ, "OK")
        imap.logout()

    def test_imap_literal_and_line_limits(self):
        client = LineClient(self.server.ports["imap"])
        client.line()
        client.send(b"a STARTTLS\r\n")
        client.until(b"a ")
        client.starttls()
        client.send(b'b LOGIN bob "correct horse battery"\r\n')
        self.assertTrue(client.until(b"b ")[-1].startswith(b"b OK"))
        client.send(b"c APPEND INBOX {999999999}\r\n")
        answer = client.until(b"c ")[-1]
        self.assertTrue(answer.startswith((b"c NO", b"c BAD")), answer)
        self.assertIn(b"TOOBIG", answer)
        client.send(b"d NOOP " + b"z" * 200_000 + b"\r\n")
        answer = client.until(b"d ")[-1]
        self.assertTrue(answer.startswith(b"d BAD"), answer)
        client.send(b"e NOOP\r\n")
        self.assertTrue(client.until(b"e ")[-1].startswith(b"e OK"), "the session survives")

    def test_imap_mailbox_names_that_are_paths(self):
        client = imaplib.IMAP4("127.0.0.1", self.server.ports["imap"], timeout=TIMEOUT)
        client.starttls(insecure_context())
        client.login("bob", PASSWORD)
        for name in ['"../etc"', '"a/../../b"', '"/abs"', '"a//b"', '"bad\x01name"', '".."', '"a/./b"']:
            with self.subTest(name):
                typ, data = client._simple_command("CREATE", name)
                self.assertEqual(typ, "NO", f"{name}: {data}")
        typ, data = client.list()
        self.assertFalse(any(b".." in line for line in data if line), data)
        client.logout()

    def test_pop3_overlong_command(self):
        client = LineClient(self.server.ports["pop3"])
        client.line()
        client.send(b"USER " + b"u" * 10_000 + b"\r\n")
        self.assertTrue(client.line().startswith(b"-ERR"))
        client.send(b"CAPA\r\n")
        self.assertTrue(client.line().startswith(b"+OK"), "the session survives")


if __name__ == "__main__":
    unittest.main()
