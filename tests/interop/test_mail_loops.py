"""Mail loops end, they do not spin (RFC 5321 §6.3): a message that arrives
with `hopcount_limit` Received: fields is refused with 554 5.4.6 over SMTP and
bounced when it comes through sendmail; a next hop that turns out to be this
host (it greets with our own hostname) gets the mail bounced with "loops back
to myself" instead of relayed to ourselves over and over, as Postfix does."""
import smtplib
import unittest

from carrier_harness import TIMEOUT, start_server, wait_for


def with_hops(count: int, subject: str) -> bytes:
    received = "".join(f"Received: from hop{n}.example.test by hop{n + 1}.example.test; "
                       f"Sat, 29 Nov 2025 09:41:{n % 60:02d} +0000\r\n" for n in range(count))
    return (received + f"From: <sender@example.test>\r\nTo: <alice@localhost>\r\nSubject: {subject}\r\n"
            "\r\nbody\r\n").encode()


class MailLoopTests(unittest.TestCase):
    def test_smtp_refuses_a_message_at_the_hop_limit_and_takes_one_below(self):
        server = start_server(self, settings={"hopcount_limit": "10"}, users=["alice"])
        with smtplib.SMTP("127.0.0.1", server.port, timeout=TIMEOUT) as smtp:
            smtp.sendmail("sender@example.test", ["alice@localhost"], with_hops(9, "nine hops"))
            with self.assertRaises(smtplib.SMTPDataError) as refused:
                smtp.sendmail("sender@example.test", ["alice@localhost"], with_hops(10, "ten hops"))
            self.assertEqual(refused.exception.smtp_code, 554)
            self.assertIn(b"5.4.6", refused.exception.smtp_error)
            self.assertIn(b"too many hops", refused.exception.smtp_error)
            # The session goes on after the refusal.
            self.assertEqual(smtp.noop()[0], 250)
        messages = server.messages("alice")
        self.assertEqual(len(messages), 1)
        self.assertIn(b"Subject: nine hops", messages[0])
        server.wait_for_log(r"warning: \w+: message rejected: hopcount exceeded \(10 Received: fields\); "
                            r"from=<sender@example.test>")

    def test_sendmail_bounces_a_message_at_the_default_hop_limit(self):
        server = start_server(self, users=["alice", "bob"])
        server.cli("sendmail", "-f", "bob@localhost", "alice@localhost", input=with_hops(50, "fifty hops"))
        server.wait_for_log(r"to=<alice@localhost>, relay=none, dsn=5\.4\.6, status=bounced "
                            r"\(message rejected: too many hops \(50 Received: header fields\)\)")
        self.assertTrue(wait_for(lambda: len(server.messages("bob")) == 1))
        self.assertIn(b"too many hops", server.messages("bob")[0])
        self.assertEqual(server.messages("alice"), [])

    def test_a_relayhost_that_is_this_host_bounces_instead_of_looping(self):
        server = start_server(self, users=["alice"])
        server.settings["relayhost"] = f"[127.0.0.1]:{server.port}"
        server.write_config()
        server.stop()
        server.start()
        with smtplib.SMTP("127.0.0.1", server.port, timeout=TIMEOUT) as smtp:
            smtp.sendmail("alice@localhost", ["someone@elsewhere.test"],
                          b"From: <alice@localhost>\r\nSubject: round and round\r\n\r\nbody\r\n")
        server.wait_for_log(r"to=<someone@elsewhere.test>, relay=none, dsn=5\.4\.6, status=bounced "
                            r"\(.*127\.0\.0\.1.*: mail loops back to myself \(host greeted me with my own hostname\)\)")
        self.assertTrue(wait_for(lambda: len(server.messages("alice")) == 1), "alice gets the bounce")
        self.assertIn(b"loops back to myself", server.messages("alice")[0])
        self.assertIn(b"Status: 5.4.6", server.messages("alice")[0])
        self.assertTrue(wait_for(lambda: "Mail queue is empty" in server.cli("mailq").stdout.decode()))
        # Never relayed to itself: only the first session handed a message over.
        self.assertEqual(server.mail_log().count("client=localhost[127.0.0.1]"), 1)


if __name__ == "__main__":
    unittest.main()
