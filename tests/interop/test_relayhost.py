"""The seed's smarthost setup end to end (issue 5): Carrier A relays through
`relayhost = [localhost]:PORT` to Carrier B's submission service with
STARTTLS verified against a test CA made with openssl (`smtp_tls_CAfile`) and
SASL credentials from `smtp_sasl_password_maps` built with `carrier postmap`.
Also: a wrong password and a CA mismatch leave the mail deferred, with the
reason in mailq."""
import os
import shutil
import smtplib
import subprocess
import tempfile
import unittest
from pathlib import Path

from carrier_harness import TIMEOUT, free_port, start_server, wait_for


def openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_ca(directory: Path, name: str):
    """A CA and a server certificate for DNS:localhost signed by it."""
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}-ca.key", "-out", f"{name}-ca.pem",
            "-days", "2", "-subj", f"/CN=Carrier test CA {name}", cwd=directory)
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}-server.key", "-out", f"{name}-server.csr",
            "-subj", "/CN=localhost", cwd=directory)
    (directory / "san.ext").write_text("subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n")
    openssl("x509", "-req", "-in", f"{name}-server.csr", "-CA", f"{name}-ca.pem", "-CAkey", f"{name}-ca.key",
            "-CAcreateserial", "-out", f"{name}-server.pem", "-days", "2", "-extfile", "san.ext", cwd=directory)
    return directory / f"{name}-ca.pem", directory / f"{name}-server.pem", directory / f"{name}-server.key"



@unittest.skipUnless(shutil.which("openssl"), "needs openssl")
class RelayhostTests(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="carrier-relay-"))
        self.addCleanup(shutil.rmtree, self.dir, True)
        self.ca, cert, key = make_ca(self.dir, "good")
        self.other_ca, _, _ = make_ca(self.dir, "other")
        self.submission = free_port()
        self.smarthost = start_server(self, settings={
            "myhostname": "smarthost.test",
            "mydestination": "$myhostname, localhost",
            "submission_listen": f"127.0.0.1:{self.submission}",
            "smtpd_tls_cert_file": str(cert),
            "smtpd_tls_key_file": str(key),
        }, users=["dest"])
        self.smarthost.add_user("relayuser")

    def sender(self, password="correct horse battery", ca=None):
        table = self.dir / "sasl_passwd"
        table.write_text(f"[localhost]:{self.submission} relayuser:{password}\n")
        os.chmod(table, 0o600)
        server = start_server(self, settings={
            "myhostname": "client.test",
            "mydestination": "$myhostname",
            "relayhost": f"[localhost]:{self.submission}",
            "smtp_sasl_auth_enable": "yes",
            "smtp_sasl_security_options": "noanonymous",
            "smtp_sasl_password_maps": f"hash:{table}",
            "smtp_use_tls": "yes",
            "smtp_tls_security_level": "verify",
            "smtp_tls_CAfile": str(ca or self.ca),
        })
        server.cli("postmap", f"hash:{table}")
        return server

    def send(self, server, subject):
        with smtplib.SMTP("127.0.0.1", server.port, timeout=TIMEOUT) as smtp:
            # The smarthost lets relayuser send only as itself, as a provider's submission service does.
            smtp.sendmail("relayuser@smarthost.test", ["dest@smarthost.test"],
                          f"Subject: {subject}\r\n\r\nrelayed body\r\n".encode())

    def test_relayhost_with_verified_starttls_and_sasl(self):
        sender = self.sender()
        self.send(sender, "through the smarthost")
        stored = wait_for(lambda: self.smarthost.messages("dest"))
        self.assertEqual(len(stored), 1, sender.mail_log())
        self.assertIn(b"through the smarthost", stored[0])
        self.assertRegex(self.smarthost.mail_log(), r"sasl_method=\S+, sasl_username=relayuser")
        log = sender.mail_log()
        self.assertRegex(log, r"Verified TLS connection established to localhost\[")
        self.assertRegex(log, r"to=<dest@smarthost\.test>, relay=localhost\[[^\]]+\]:\d+, .*status=sent")
        self.assertIn("Mail queue is empty", sender.cli("mailq").stdout.decode())

    def test_wrong_password_is_deferred_with_the_reason(self):
        sender = self.sender(password="not the password")
        self.send(sender, "wrong password")
        listing = wait_for(lambda: (lambda out: out if "535" in out else None)(sender.cli("mailq").stdout.decode()))
        self.assertTrue(listing, sender.mail_log())
        self.assertIn("dest@smarthost.test", listing)
        self.assertEqual(self.smarthost.messages("dest"), [])

    def test_ca_mismatch_at_verify_is_deferred(self):
        sender = self.sender(ca=self.other_ca)
        self.send(sender, "untrusted smarthost")
        listing = wait_for(lambda: (lambda out: out if "TLS" in out else None)(sender.cli("mailq").stdout.decode()))
        self.assertTrue(listing, sender.mail_log())
        self.assertEqual(self.smarthost.messages("dest"), [])


if __name__ == "__main__":
    unittest.main()
