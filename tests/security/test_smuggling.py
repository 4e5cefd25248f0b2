"""SMTP smuggling (issue 8): no end-of-data variant other than <CRLF>.<CRLF>
ends a message early, NUL bytes included; the smuggled commands are never
run and never answered, and nothing half-delivered appears."""

import smtplib
import unittest

from security_harness import TIMEOUT, SMTPConversation, outside_server, simple_message

VARIANTS = {
    "LF.LF": b"\n.\n",
    "CR.CR": b"\r.\r",
    "LF.CRLF": b"\n.\r\n",
    "CRLF.CR": b"\r\n.\r",
    "CRLF.LF": b"\r\n.\n",
    "CR.LF": b"\r.\n",
    "LF.CR": b"\n.\r",
    "NUL.CRLF": b"\r\n\x00.\r\n",
    "CRLF.NUL": b"\r\n.\x00\r\n",
}
SMUGGLED = b"MAIL FROM:<spoof@bank.test>\r\nRCPT TO:<bob@localhost>\r\nDATA\r\nSubject: spoofed\r\n\r\nspoof\r\n"


class SmugglingTest(unittest.TestCase):
    def test_no_variant_ends_a_message_early(self):
        server = outside_server(self)
        for name, marker in VARIANTS.items():
            with self.subTest(name), SMTPConversation(server.port) as c:
                self.assertEqual(c.reply()[0], 220)
                self.assertEqual(c.command("EHLO attacker.example")[0], 250)
                self.assertEqual(c.command("MAIL FROM:<a@attacker.example>")[0], 250)
                self.assertEqual(c.command("RCPT TO:<bob@localhost>")[0], 250)
                self.assertEqual(c.command("DATA")[0], 354)
                c.send(b"Subject: carrier\r\n\r\nfirst" + marker + SMUGGLED + b".\r\n")
                code, lines = c.reply()
                # Either the whole thing is one (refused) message or one accepted message: never two.
                self.assertIn(code, (250, 550, 554), lines)
                c.send(b"QUIT\r\n")
                rest = [r[0] for r in c.remaining_replies() if r[0] != 221]
                self.assertEqual(rest, [], f"{name}: smuggled commands were answered: {rest}")
        for stored in server.messages("bob"):
            self.assertNotIn(b"Subject: spoofed\r\n\r\nspoof", stored.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n",
                             "a smuggled message was stored as a message of its own")
        # Only ever one message per DATA: never the spoofed one on its own.
        self.assertFalse(any(m.startswith(b"Subject: spoofed") or b"\r\nSubject: spoofed" in m.split(b"\r\n\r\n", 1)[0]
                             for m in server.messages("bob")))
        with smtplib.SMTP("127.0.0.1", server.port, timeout=TIMEOUT) as client:
            self.assertEqual(client.sendmail("a@attacker.example", ["bob@localhost"], simple_message()), {})


if __name__ == "__main__":
    unittest.main()
