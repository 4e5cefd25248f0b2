"""Open relay (issue 8): every classic relay-test address form is refused
from an unauthenticated outside client, and nothing reaches the queue."""

import unittest

from security_harness import SMTPConversation, outside_server

# Each form tries to make the local domain forward to `other.test`.
RELAY_FORMS = [
    "user%other.test@localhost",
    '"user@other.test"@localhost',
    "@localhost:user@other.test",
    "user@other.test@localhost",
    "other.test!user@localhost",
    "user@[127.0.0.2]",
    "user@[192.0.2.9]",
    "user@other.test",
    "user@OTHER.TEST",
    "user@other.test.",
    "postmaster@other.test",
    "user%other.test@[127.0.0.1]",
    '"user%other.test"@localhost',
    "user@other.test@[127.0.0.1]",
    "<@localhost,@other.test:user@third.test>",
]


class OpenRelayTest(unittest.TestCase):
    def test_relay_forms_are_refused(self):
        server = outside_server(self)
        refused = 0
        with SMTPConversation(server.port) as c:
            self.assertEqual(c.reply()[0], 220)
            self.assertEqual(c.command("EHLO attacker.example")[0], 250)
            for form in RELAY_FORMS:
                with self.subTest(form):
                    self.assertEqual(c.command("MAIL FROM:<probe@attacker.example>")[0], 250)
                    target = form if form.startswith("<") else f"<{form}>"
                    code, lines = c.command(f"RCPT TO:{target}")
                    self.assertGreaterEqual(code, 500, f"{form} was accepted: {code} {lines}")
                    refused += code >= 500
                    self.assertEqual(c.command("RSET")[0], 250)
        self.assertEqual(refused, len(RELAY_FORMS))
        queue = server.cli("mailq").stdout.decode()
        self.assertIn("Mail queue is empty", queue)

    def test_local_mail_still_arrives_from_outside(self):
        server = outside_server(self)
        server.add_user("admin", admin=True)
        with SMTPConversation(server.port) as c:
            c.reply()
            c.command("EHLO attacker.example")
            self.assertEqual(c.command("MAIL FROM:<probe@attacker.example>")[0], 250)
            self.assertEqual(c.command("RCPT TO:<bob@localhost>")[0], 250)
            self.assertEqual(c.command("RCPT TO:<postmaster@localhost>")[0], 250, "RFC 5321 §4.5.1: postmaster is always accepted")


if __name__ == "__main__":
    unittest.main()
