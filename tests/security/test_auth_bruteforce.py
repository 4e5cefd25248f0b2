"""AUTH brute force (issue 8): failures counted across SMTP AUTH, IMAP LOGIN
and POP3 PASS lock the client out of all three — even the right password
waits — and plaintext logins are refused before TLS on every protocol."""

import imaplib
import poplib
import smtplib
import unittest

from security_harness import PASSWORD, TIMEOUT, LineClient, insecure_context, outside_server


class BruteForceTest(unittest.TestCase):
    def setUp(self):
        self.server = outside_server(self, listeners=("pop3", "imap", "submission"),
                                     extra={"auth_failure_limit": "4", "auth_lockout_time": "10m"})

    def imap(self):
        client = imaplib.IMAP4("127.0.0.1", self.server.ports["imap"], timeout=TIMEOUT)
        client.starttls(insecure_context())
        return client

    def pop3(self):
        client = poplib.POP3("127.0.0.1", self.server.ports["pop3"], timeout=TIMEOUT)
        client.stls(insecure_context())
        return client

    def smtp(self):
        client = smtplib.SMTP("127.0.0.1", self.server.ports["submission"], timeout=TIMEOUT)
        client.starttls(context=insecure_context())
        return client

    def test_failures_on_one_protocol_lock_out_all(self):
        for attempt in range(2):
            with self.assertRaises(imaplib.IMAP4.error):
                self.imap().login("bob", f"guess {attempt}")
        for attempt in range(2):
            client = self.pop3()
            client.user("bob")
            with self.assertRaises(poplib.error_proto):
                client.pass_(f"guess {attempt}")
        with self.smtp() as client, self.assertRaises(smtplib.SMTPAuthenticationError) as refused:
            client.login("bob", PASSWORD)
        self.assertEqual(refused.exception.smtp_code, 454, "the right password waits out the lockout on SMTP")
        with self.assertRaises(imaplib.IMAP4.error) as imap_refused:
            self.imap().login("bob", PASSWORD)
        self.assertIn("UNAVAILABLE", str(imap_refused.exception))
        client = self.pop3()
        client.user("bob")
        with self.assertRaises(poplib.error_proto) as pop_refused:
            client.pass_(PASSWORD)
        self.assertIn(b"[SYS/TEMP]", pop_refused.exception.args[0])
        log = self.server.mail_log()
        self.assertGreaterEqual(log.count("authentication failed"), 4)

    def test_plaintext_refused_before_tls(self):
        imap = LineClient(self.server.ports["imap"])
        greeting = imap.line()
        self.assertIn(b"LOGINDISABLED", greeting)
        imap.send(b"a LOGIN bob \"correct horse battery\"\r\n")
        self.assertTrue(imap.until(b"a ")[-1].startswith(b"a NO"))
        imap.send(b"b AUTHENTICATE PLAIN AGJvYgBjb3JyZWN0IGhvcnNlIGJhdHRlcnk=\r\n")
        self.assertTrue(imap.until(b"b ")[-1].startswith(b"b NO"))
        pop = LineClient(self.server.ports["pop3"])
        pop.line()
        pop.send(b"USER bob\r\n")
        self.assertTrue(pop.line().startswith(b"-ERR"))
        with smtplib.SMTP("127.0.0.1", self.server.ports["submission"], timeout=TIMEOUT) as client:
            client.ehlo("attacker.example")
            self.assertFalse(client.has_extn("auth"), "AUTH is offered only after STARTTLS")


if __name__ == "__main__":
    unittest.main()
