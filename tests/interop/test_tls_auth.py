"""TLS and authentication against the real binary (issue 4): STARTTLS on 25
and 587, implicit TLS on 465, AUTH PLAIN/LOGIN/SCRAM-SHA-256 with real
clients (smtplib, swaks, curl), the STARTTLS injection defence, relay control,
sender ownership on submission, the brute-force lockout, and the log lines
fail2ban's postfix-sasl filter reads."""
import base64
import re
import smtplib
import socket
import ssl
import subprocess
import unittest

from carrier_harness import TIMEOUT, free_port, start_server

PASSWORD = "correct horse battery"


def client_context():
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


class TLSAuthTests(unittest.TestCase):
    def server(self, **extra):
        self.submission = free_port()
        self.submissions = free_port()
        settings = {
            "mynetworks": "192.0.2.0/24",  # 127.0.0.1 is an outside client here
            "submission_listen": f"127.0.0.1:{self.submission}",
            "submissions_listen": f"127.0.0.1:{self.submissions}",
            "auth_failure_limit": "4",
        }
        settings.update(extra)
        server = start_server(self, settings=settings, users=["alice", "bob"])
        return server

    def test_smtplib_starttls_login_on_submission(self):
        server = self.server()
        with smtplib.SMTP("127.0.0.1", self.submission, timeout=TIMEOUT) as smtp:
            smtp.ehlo()
            self.assertTrue(smtp.has_extn("starttls"))
            self.assertFalse(smtp.has_extn("auth"), "AUTH must not be offered before TLS")
            smtp.starttls(context=client_context())
            smtp.ehlo()
            self.assertIn("SCRAM-SHA-256", smtp.esmtp_features["auth"])
            smtp.login("alice@localhost", PASSWORD)
            smtp.sendmail("alice@localhost", ["bob@localhost"], b"Subject: submitted\r\n\r\nhello\r\n")
        stored = server.messages("bob")
        self.assertEqual(len(stored), 1)
        self.assertRegex(stored[0].decode(), r"with ESMTPSA id")
        log = server.mail_log()
        self.assertRegex(log, r"Anonymous TLS connection established from localhost\[127\.0\.0\.1\]: TLSv1\.[23] with cipher \S+")
        self.assertRegex(log, r"client=localhost\[127\.0\.0\.1\], sasl_method=(PLAIN|LOGIN), sasl_username=alice@localhost")

    def test_smtp_ssl_implicit_tls_submission(self):
        server = self.server()
        with smtplib.SMTP_SSL("127.0.0.1", self.submissions, timeout=TIMEOUT, context=client_context()) as smtp:
            smtp.login("alice", PASSWORD)
            smtp.sendmail("alice@localhost", ["bob@localhost"], b"Subject: over 465\r\n\r\nhello\r\n")
        self.assertEqual(len(server.messages("bob")), 1)

    def test_swaks_tls_and_tlsc_with_plain_and_login(self):
        server = self.server()
        for port, tls_flag, mechanism in [(self.submission, "--tls", "PLAIN"), (self.submission, "--tls", "LOGIN"),
                                          (self.submissions, "--tlsc", "PLAIN"), (self.submissions, "--tlsc", "LOGIN")]:
            result = subprocess.run(
                ["swaks", "--server", f"127.0.0.1:{port}", tls_flag, "--auth", mechanism, "--auth-user", "alice",
                 "--auth-password", PASSWORD, "--from", "alice@localhost", "--to", "bob@localhost",
                 "--header", f"Subject: swaks {tls_flag} {mechanism}"],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
            self.assertEqual(result.returncode, 0, result.stdout.decode())
        self.assertEqual(len(server.messages("bob")), 4)

    def test_curl_ssl_reqd_with_a_user(self):
        server = self.server()
        message = b"From: alice@localhost\r\nTo: bob@localhost\r\nSubject: curl tls\r\n\r\nhi\r\n"
        result = subprocess.run(
            ["curl", "--silent", "--show-error", "--ssl-reqd", "--insecure", "--url", f"smtp://127.0.0.1:{self.submission}",
             "--user", f"alice:{PASSWORD}", "--mail-from", "alice@localhost", "--mail-rcpt", "bob@localhost",
             "--upload-file", "-"], input=message, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(len(server.messages("bob")), 1)

    def test_commands_pipelined_after_starttls_are_ignored(self):
        """RFC 3207 §6 / CVE-2011-0411: the injected MAIL and RCPT must never run."""
        server = self.server()
        raw = socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT)
        reader = raw.makefile("rb")
        reader.readline()
        raw.sendall(b"EHLO attacker\r\n")
        while not reader.readline().startswith(b"250 "):
            pass
        raw.sendall(b"STARTTLS\r\nMAIL FROM:<evil@x.test>\r\nRCPT TO:<bob@localhost>\r\n")
        self.assertTrue(reader.readline().startswith(b"220 2.0.0"))
        tls = client_context().wrap_socket(raw, server_hostname="mx")
        tls_reader = tls.makefile("rb")
        tls.sendall(b"MAIL FROM:<a@x.test>\r\n")
        line = tls_reader.readline()
        self.assertTrue(line.startswith(b"503 5.5.1"), f"after TLS the session must want EHLO again, got {line!r}")
        tls.sendall(b"EHLO again\r\n")
        lines = []
        while True:
            line = tls_reader.readline()
            lines.append(line)
            if line[3:4] == b" ":
                break
        self.assertFalse(any(b"STARTTLS" in l for l in lines))
        tls.sendall(b"QUIT\r\n")
        tls.close()
        self.assertEqual(server.messages("bob"), [])

    @unittest.skipUnless(subprocess.run(["which", "openssl"], stdout=subprocess.DEVNULL).returncode == 0, "needs openssl")
    def test_openssl_s_client_starttls(self):
        server = self.server()
        result = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{server.port}", "-starttls", "smtp", "-quiet"],
                                input=b"EHLO openssl\r\nQUIT\r\n", stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=30)
        out = result.stdout.decode(errors="replace")
        self.assertIn("250-", out)
        self.assertIn("221", out)

    def test_auth_before_tls_is_refused(self):
        server = self.server()
        with smtplib.SMTP("127.0.0.1", self.submission, timeout=TIMEOUT) as smtp:
            smtp.ehlo()
            code, text = smtp.docmd("AUTH", "PLAIN " + base64.b64encode(b"\0alice\0" + PASSWORD.encode()).decode())
            self.assertEqual(code, 530, text)
            code, text = smtp.docmd("MAIL", "FROM:<alice@localhost>")
            self.assertEqual(code, 530)
        with smtplib.SMTP("127.0.0.1", server.port, timeout=TIMEOUT) as smtp:
            smtp.ehlo()
            code, _ = smtp.docmd("AUTH", "PLAIN")
            self.assertIn(code, (503, 538))

    def test_relay_refused_without_auth_allowed_with_it(self):
        server = self.server(smtpd_sasl_auth_enable="yes")
        with smtplib.SMTP("127.0.0.1", server.port, timeout=TIMEOUT) as smtp:
            smtp.ehlo()
            smtp.mail("a@outside.test")
            code, text = smtp.rcpt("someone@remote.test")
            self.assertEqual(code, 554, text)
            self.assertIn(b"Relay access denied", text)
        with smtplib.SMTP("127.0.0.1", server.port, timeout=TIMEOUT) as smtp:
            smtp.starttls(context=client_context())
            smtp.login("alice", PASSWORD)
            smtp.mail("alice@localhost")
            code, text = smtp.rcpt("someone@remote.test")
            self.assertNotEqual(code, 554, text)
            self.assertNotIn(b"Relay access denied", text)

    def test_wrong_sender_refused_on_submission(self):
        server = self.server()
        server.newaliases("info: alice\n")
        with smtplib.SMTP_SSL("127.0.0.1", self.submissions, timeout=TIMEOUT, context=client_context()) as smtp:
            smtp.login("alice", PASSWORD)
            code, text = smtp.mail("bob@localhost")
            self.assertEqual(code, 553, text)
            self.assertEqual(smtp.mail("info@localhost")[0], 250, "an alias that delivers to alice is hers")
        self.assertRegex(server.mail_log(), r"Sender address rejected: not owned by user alice")

    def test_lockout_after_repeated_failures_and_fail2ban_line(self):
        server = self.server()
        codes = []
        for _ in range(6):
            with smtplib.SMTP_SSL("127.0.0.1", self.submissions, timeout=60, context=client_context()) as smtp:
                try:
                    smtp.login("alice", "wrong password")
                    codes.append(235)
                except smtplib.SMTPAuthenticationError as error:
                    codes.append(error.smtp_code)
        self.assertIn(535, codes)
        self.assertEqual(codes[-1], 454, codes)
        with smtplib.SMTP_SSL("127.0.0.1", self.submissions, timeout=60, context=client_context()) as smtp:
            with self.assertRaises(smtplib.SMTPAuthenticationError) as locked:
                smtp.login("alice", PASSWORD)
            self.assertEqual(locked.exception.smtp_code, 454, "even the right password waits out the lockout")
        fail2ban = re.compile(r"warning: [-._\w]+\[(?P<host>[\d.]+)\]: SASL ((?i:LOGIN|PLAIN|(?:CRAM|DIGEST)-MD5)) "
                              r"authentication failed(:[ A-Za-z0-9+/:]*={0,2})?\s*$", re.M)
        hosts = [m.group("host") for m in fail2ban.finditer(server.mail_log())]
        self.assertGreaterEqual(len(hosts), 3)
        self.assertEqual(set(hosts), {"127.0.0.1"})

    def test_connection_and_message_rate_limits(self):
        server = self.server(smtpd_client_connection_rate_limit="3", smtpd_client_message_rate_limit="2")
        with smtplib.SMTP("127.0.0.1", server.port, timeout=TIMEOUT) as smtp:
            smtp.ehlo()
            codes = []
            for _ in range(3):
                codes.append(smtp.mail("a@outside.test")[0])
                smtp.rset()
            self.assertEqual(codes, [250, 250, 450])
        # The harness's readiness probe and the session above were connections 1 and 2.
        with smtplib.SMTP("127.0.0.1", server.port, timeout=TIMEOUT) as smtp:
            smtp.noop()
        with self.assertRaises(smtplib.SMTPConnectError) as refused:
            smtplib.SMTP("127.0.0.1", server.port, timeout=TIMEOUT)
        self.assertEqual(refused.exception.smtp_code, 421)
        self.assertRegex(server.mail_log(), r"warning: Connection rate limit exceeded: 4 from localhost\[127\.0\.0\.1\] for service smtp")


if __name__ == "__main__":
    unittest.main()
