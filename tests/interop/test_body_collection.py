"""Deleted mail frees its space against the real carrier binary: a large
message delivered over SMTP to two users keeps its one body file while
either still holds it; once both have expunged it over IMAP the body
collection (`body_collection_interval`) removes the file and logs it."""

import imaplib
import smtplib
import time
import unittest

from carrier_harness import TIMEOUT, simple_message, start_server, wait_for

PASSWORD = "correct horse battery"


class BodyCollectionTest(unittest.TestCase):
    def setUp(self):
        self.server = start_server(self, users=["bob", "carol"], listeners=("imap",),
                                   settings={"body_collection_interval": "1s", "disable_plaintext_auth": "no"})

    def body_files(self):
        return [p for p in (self.server.datadir / "bodies").rglob("*") if p.is_file() and not p.name.startswith(".")]

    def expunge_all(self, user):
        client = imaplib.IMAP4("127.0.0.1", self.server.ports["imap"], timeout=TIMEOUT)
        client.login(user, PASSWORD)
        client.select("INBOX")
        client.store("1:*", "+FLAGS.SILENT", r"(\Deleted)")
        self.assertEqual(client.expunge()[0], "OK")
        client.logout()

    def test_expunged_bodies_are_collected(self):
        body = "".join(f"line {n} of a message large enough to be stored as a file\n" for n in range(4000))
        with smtplib.SMTP("127.0.0.1", self.server.port, timeout=TIMEOUT) as smtp:
            smtp.sendmail("sender@example.test", ["bob@localhost", "carol@localhost"], simple_message(subject="big", body=body))
        wait_for(lambda: len(self.server.messages("bob")) == 1 and len(self.server.messages("carol")) == 1)
        self.assertEqual(len(self.body_files()), 1)

        self.expunge_all("bob")
        self.server.wait_for_log(r"carrier/imapd\[\d+\]: imap\(bob\): Logged out")
        # Two collection passes later carol's copy still has its body.
        time.sleep(2.5)
        self.assertEqual(len(self.body_files()), 1)
        self.assertEqual(len(self.server.messages("carol")), 1)

        self.expunge_all("carol")
        self.server.wait_for_log(r"carrier/store\[\d+\]: removed 1 unreferenced message bodies, \d+ bytes")
        self.assertEqual(self.body_files(), [])


if __name__ == "__main__":
    unittest.main()
