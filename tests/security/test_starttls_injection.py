"""STARTTLS command injection (CVE-2011-0411 class, RFC 3207 §6, RFC 2595
§3.1, RFC 9051 §6.2.1): commands pipelined after STARTTLS/STLS in the same
packet are dropped, never run over the protected stream, for SMTP, POP3 and IMAP."""

import unittest

from security_harness import LineClient, SMTPConversation, insecure_context, outside_server


class StartTLSInjectionTest(unittest.TestCase):
    def setUp(self):
        self.server = outside_server(self, listeners=("pop3", "imap"))

    def test_smtp(self):
        with SMTPConversation(self.server.port) as c:
            c.reply()
            c.command("EHLO attacker.example")
            c.send(b"STARTTLS\r\nMAIL FROM:<injected@attacker.example>\r\n")
            self.assertEqual(c.reply()[0], 220)
            c.sock = insecure_context().wrap_socket(c.sock)
            c.buffer = b""
            self.assertEqual(c.command("EHLO attacker.example")[0], 250)
            code, lines = c.command("RCPT TO:<bob@localhost>")
            self.assertEqual(code, 503, f"the injected MAIL ran: {code} {lines}")

    def test_pop3(self):
        client = LineClient(self.server.ports["pop3"])
        self.assertTrue(client.line().startswith(b"+OK"))
        client.send(b"STLS\r\nUSER bob\r\n")
        self.assertTrue(client.line().startswith(b"+OK"))
        client.starttls()
        client.send(b"PASS correct horse battery\r\n")
        answer = client.line()
        self.assertTrue(answer.startswith(b"-ERR"), f"the injected USER survived the handshake: {answer!r}")
        client.close()

    def test_imap(self):
        client = LineClient(self.server.ports["imap"])
        self.assertTrue(client.line().startswith(b"* OK"))
        client.send(b"a STARTTLS\r\nb LOGIN bob \"correct horse battery\"\r\n")
        self.assertTrue(client.until(b"a ")[-1].startswith(b"a OK"))
        client.starttls()
        client.send(b"c NOOP\r\n")
        lines = client.until(b"c ")
        self.assertFalse(any(line.startswith(b"b ") for line in lines), f"the injected LOGIN was answered: {lines}")
        client.send(b"d SELECT INBOX\r\n")
        selected = client.until(b"d ")[-1]
        self.assertTrue(selected.startswith((b"d NO", b"d BAD")), f"SELECT worked without a login: {selected!r}")
        client.send(b"e CAPABILITY\r\n")
        capability = b" ".join(client.until(b"e "))
        self.assertIn(b"AUTH=PLAIN", capability, "after TLS the session is still not authenticated")
        client.close()


if __name__ == "__main__":
    unittest.main()
