"""Python smtplib against the real carrier binary (tests/interop, issue 2)."""

import os
import random
import re
import signal
import smtplib
import socket
import subprocess
import sys
import time
import unittest
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from carrier_harness import (  # noqa: E402
    TIMEOUT, CarrierServer, SMTPConversation, carrier_bin, crlf, free_port, simple_message,
    split_header, start_server,
)

UNKNOWN_USER = "5.1.1 <{}>: Recipient address rejected: User unknown in local recipient table"
RELAY_DENIED = "5.7.1 <{}>: Relay access denied"


def smtp(server) -> smtplib.SMTP:
    client = smtplib.SMTP("127.0.0.1", server.port, local_hostname="client.example.test", timeout=TIMEOUT)
    client.ehlo()
    return client


class SMTPPythonTests(unittest.TestCase):
    maxDiff = 4000

    def send(self, server, message: bytes, to=("bob@localhost",), sender="sender@example.test", **kw):
        with smtp(server) as client:
            refused = client.sendmail(sender, list(to), message, **kw)
        self.assertEqual(refused, {}, "some recipients were refused")

    def assertStored(self, stored: bytes, original: bytes):
        """The stored copy is the original with trace headers (at least Received:) prepended."""
        self.assertTrue(stored.endswith(original),
                        f"stored copy does not end with the message as sent:\n{stored[:1500]!r}")
        added = stored[: len(stored) - len(original)]
        self.assertRegex(added, rb"(?im)^Received: ", "no Received: header prepended")
        self.assertTrue(added.endswith(b"\r\n"), f"prepended headers not CRLF-terminated: {added!r}")

    # -- protocol -----------------------------------------------------------------

    def test_ehlo_advertises_extensions(self):
        server = start_server(self)
        with smtp(server) as client:
            code, _ = client.ehlo()
            self.assertEqual(code, 250)
            for ext in ("pipelining", "size", "8bitmime", "enhancedstatuscodes", "smtputf8", "chunking", "dsn"):
                self.assertTrue(client.has_extn(ext), f"EHLO does not list {ext.upper()}: {client.esmtp_features}")
            self.assertEqual(client.esmtp_features["size"], "10240000")

    def test_plain_send_is_stored_with_received_header(self):
        server = start_server(self, users=["alice", "bob"])
        message = simple_message(subject="plain send", body="Line one.\n.leading dot line\n\nLast line.\n")
        self.send(server, message)
        # 250 after DATA means stored: read the store right away, no waiting.
        stored = server.messages("bob")
        self.assertEqual(len(stored), 1)
        self.assertStored(stored[0], message)
        self.assertEqual(server.messages("alice"), [])

    def test_smtputf8_utf8_recipient_sender_and_content(self):
        server = start_server(self, users=["bob"])
        utf8_user = "jürgen"
        made = server.cli("user", "add", utf8_user, "--password-stdin", input="pw\n", check=False)
        recipient = f"{utf8_user}@localhost" if made.returncode == 0 else "bob@localhost"
        account = utf8_user if made.returncode == 0 else "bob"
        if made.returncode != 0:
            print(f"\nnote: `carrier user add {utf8_user}` refused ({made.stderr.decode(errors='replace').strip()}); "
                  "testing UTF-8 sender/subject/body to an ASCII user", file=sys.stderr)
        sender = "søren@exämple.test"
        message = crlf(
            f"From: Søren <{sender}>\nTo: <{recipient}>\nSubject: Grüße aus Zürich ✉\n"
            "Date: Sat, 29 Nov 2025 09:41:18 +0000\nMessage-ID: <utf8.1@example.test>\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
            "Ünïcödé body: 日本語のテキスト, emoji 📬.\n"
        )
        with smtp(server) as client:
            self.assertTrue(client.has_extn("smtputf8"))
            refused = client.sendmail(sender, [recipient], message, mail_options=["SMTPUTF8", "BODY=8BITMIME"])
        self.assertEqual(refused, {})
        stored = server.messages(account)
        self.assertEqual(len(stored), 1)
        self.assertStored(stored[0], message)

    def test_nine_megabyte_message_is_byte_identical(self):
        server = start_server(self, users=["bob"])
        rng = random.Random(9)
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        lines = ["".join(rng.choice(alphabet) for _ in range(76)) for _ in range(512)]
        body_lines = []
        size = 0
        i = 0
        while size < 9 * 1024 * 1024:
            line = lines[i % len(lines)] + f"{i:08d}"
            if i % 1000 == 0:
                line = "." + line  # dot-stuffed on the wire, must come back unstuffed
            body_lines.append(line)
            size += len(line) + 2
            i += 1
        message = crlf(
            "From: <big@example.test>\nTo: <bob@localhost>\nSubject: nine megabytes\n"
            "Date: Sat, 29 Nov 2025 09:41:18 +0000\nMessage-ID: <big.1@example.test>\n\n"
        ) + ("\r\n".join(body_lines) + "\r\n").encode("ascii")
        self.assertGreater(len(message), 9 * 1024 * 1024)
        self.send(server, message, sender="big@example.test")
        stored = server.messages("bob")
        self.assertEqual(len(stored), 1)
        self.assertStored(stored[0], message)

    def test_unknown_user_is_refused_550_5_1_1(self):
        server = start_server(self, users=["bob"])
        with smtp(server) as client:
            self.assertEqual(client.mail("sender@example.test")[0], 250)
            code, text = client.rcpt("nobody@localhost")
            self.assertEqual((code, text.decode()), (550, UNKNOWN_USER.format("nobody@localhost")))
            with self.assertRaises(smtplib.SMTPRecipientsRefused) as ctx:
                client.rset()
                client.sendmail("sender@example.test", ["nobody@localhost"], simple_message())
            self.assertEqual(ctx.exception.recipients["nobody@localhost"][0], 550)
        self.assertEqual(server.messages("bob"), [])

    def test_relay_denied_for_client_outside_mynetworks(self):
        server = start_server(self, settings={"mynetworks": "192.0.2.0/24"}, users=["bob"])
        with smtp(server) as client:
            self.assertEqual(client.mail("sender@example.test")[0], 250)
            code, text = client.rcpt("someone@elsewhere.example")
            self.assertEqual((code, text.decode()), (554, RELAY_DENIED.format("someone@elsewhere.example")))
            # A local recipient is still accepted from an untrusted client.
            self.assertEqual(client.rcpt("bob@localhost")[0], 250)

    def test_message_over_size_limit_552_5_3_4(self):
        server = start_server(self, settings={"message_size_limit": "100000"}, users=["bob"])
        big = simple_message(body=("x" * 998 + "\n") * 150)
        with smtp(server) as client:
            self.assertEqual(client.esmtp_features.get("size"), "100000")
            # Declared too big at MAIL.
            code, text = client.mail("sender@example.test", ["SIZE=200000"])
            self.assertEqual(code, 552, text)
            self.assertTrue(text.startswith(b"5.3.4 "), text)
            client.rset()
            # Not declared: refused after the final dot, nothing stored.
            self.assertEqual(client.mail("sender@example.test")[0], 250)
            self.assertEqual(client.rcpt("bob@localhost")[0], 250)
            code, text = client.data(big)
            self.assertEqual(code, 552, text)
            self.assertTrue(text.startswith(b"5.3.4 "), text)
            # The session is still usable afterwards.
            self.assertEqual(client.noop()[0], 250)
        self.assertEqual(server.messages("bob"), [])

    # -- routing ------------------------------------------------------------------

    def test_alias_to_two_users_via_newaliases(self):
        server = start_server(self, settings={"alias_maps": "hash:$data_directory/aliases"},
                              users=["alice", "bob"])
        result = server.newaliases("# test aliases\nteam: alice, bob\n")
        self.assertEqual(result.returncode, 0)
        message = simple_message(to="team@localhost", subject="to the team")
        self.send(server, message, to=["team@localhost"])
        for account in ("alice", "bob"):
            stored = server.messages(account)
            self.assertEqual(len(stored), 1, f"{account} did not get the alias's message")
            self.assertStored(stored[0], message)

    def test_recipient_delimiter_delivers_to_base_user(self):
        server = start_server(self, settings={"recipient_delimiter": "+"}, users=["alice", "bob"])
        message = simple_message(to="alice+tag@localhost")
        self.send(server, message, to=["alice+tag@localhost"])
        stored = server.messages("alice")
        self.assertEqual(len(stored), 1)
        self.assertStored(stored[0], message)
        self.assertEqual(server.messages("bob"), [])

    def test_user_added_while_running_receives_mail(self):
        server = start_server(self, users=["bob"])
        server.add_user("carol")
        message = simple_message(to="carol@localhost")
        self.send(server, message, to=["carol@localhost"])
        self.assertEqual(len(server.messages("carol")), 1)

    # -- lifecycle and durability -------------------------------------------------

    def test_sigterm_exits_zero(self):
        server = start_server(self)
        self.assertEqual(server.stop(), 0, server.output())
        with self.assertRaises(OSError):
            socket.create_connection(("127.0.0.1", server.port), timeout=2).close()

    def test_reload_applies_new_settings_to_new_connections(self):
        server = start_server(self)
        with SMTPConversation(server.port) as before:
            code, lines = before.reply()
        self.assertEqual(code, 220)
        self.assertNotIn("Reloaded banner", lines[0])
        server.settings["smtpd_banner"] = "$myhostname ESMTP Reloaded banner"
        server.write_config()
        result = server.cli("reload")
        self.assertEqual(result.returncode, 0, result.stderr)
        server.wait_for_log(r"carrier/master\[\d+\]: reload -- version")
        with SMTPConversation(server.port) as after:
            code, lines = after.reply()
        self.assertEqual((code, lines[0]), (220, f"{server.HOSTNAME} ESMTP Reloaded banner"))

    def test_reload_with_a_bad_file_keeps_running(self):
        server = start_server(self)
        server.settings["message_size_limit"] = "10MB"
        server.write_config()
        refused = server.cli("reload", check=False)
        self.assertEqual(refused.returncode, 78, refused.stderr)
        self.assertRegex(refused.stderr.decode(), r"main\.cf:\d+: message_size_limit")
        server.signal(signal.SIGHUP)
        server.wait_for_log(r"warning: reload failed, keeping the running configuration")
        with SMTPConversation(server.port) as conversation:
            self.assertEqual(conversation.reply()[0], 220)

    def test_restart_keeps_mail(self):
        server = start_server(self, users=["bob"])
        first = simple_message(subject="before restart")
        self.send(server, first)
        self.assertEqual(server.stop(), 0, server.output())
        server.start()
        stored = server.messages("bob")
        self.assertEqual(len(stored), 1)
        self.assertStored(stored[0], first)
        second = simple_message(subject="after restart")
        self.send(server, second)
        stored = server.messages("bob")
        self.assertEqual(len(stored), 2)
        self.assertStored(stored[1], second)

    def test_second_serve_on_same_data_directory_refused(self):
        server = start_server(self)
        other = server.root / "other.cf"
        # Same data directory, different port: only the data directory lock can refuse it.
        text = server.config_path.read_text().replace(f"127.0.0.1:{server.port}", f"127.0.0.1:{free_port()}")
        other.write_text(text)
        second = server.spawn_serve(other, tag="second")
        try:
            code = second.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            second.kill()
            second.wait()
            self.fail("second `carrier serve` on the same data directory is still running")
        self.assertNotEqual(code, 0)
        self.assertIn("already running", server.output("second"))
        # The first server is unaffected.
        with SMTPConversation(server.port) as c:
            self.assertEqual(c.reply()[0], 220)
        self.assertEqual(server.stop(), 0)

    def test_sigkill_then_restart_keeps_acknowledged_message(self):
        server = start_server(self, users=["bob"])
        message = simple_message(subject="acknowledged before the crash")
        with smtp(server) as client:
            client.mail("sender@example.test")
            client.rcpt("bob@localhost")
            code, _ = client.data(message)
            self.assertEqual(code, 250)
            server.kill()  # crash right after the 250
        server.start()  # stale pid file and locks must be recovered
        stored = server.messages("bob")
        self.assertEqual(len(stored), 1)
        self.assertStored(stored[0], message)
        self.send(server, simple_message(subject="after the crash"))
        self.assertEqual(len(server.messages("bob")), 2)

    def test_connection_dropped_during_data_stores_nothing(self):
        server = start_server(self, users=["bob"])
        with SMTPConversation(server.port) as c:
            self.assertEqual(c.reply()[0], 220)
            self.assertEqual(c.command("EHLO client.example.test")[0], 250)
            self.assertEqual(c.command("MAIL FROM:<sender@example.test>")[0], 250)
            self.assertEqual(c.command("RCPT TO:<bob@localhost>")[0], 250)
            self.assertEqual(c.command("DATA")[0], 354)
            c.send(simple_message(subject="half a message") + b"more text but no final dot\r\n")
            c.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        time.sleep(0.5)
        self.assertEqual(server.messages("bob"), [], "a message without its final dot was stored")
        complete = simple_message(subject="complete message")
        self.send(server, complete)
        stored = server.messages("bob")
        self.assertEqual(len(stored), 1)
        self.assertStored(stored[0], complete)

    # -- configuration --------------------------------------------------------------

    def test_config_check_reports_file_and_line(self):
        server = CarrierServer()
        self.addCleanup(server.cleanup)
        ok = server.cli("config", "check", check=False)
        self.assertEqual(ok.returncode, 0, ok.stderr)
        cases = {
            "bad value": "message_size_limit = lots\n",
            "no equals sign": "this line is not a parameter\n",
        }
        for name, bad_line in cases.items():
            with self.subTest(name):
                bad = server.root / f"bad-{name.replace(' ', '-')}.cf"
                bad.write_text("# a comment\nmyhostname = mail.carrier.test\n" + bad_line
                               + "mydestination = localhost\n")
                result = subprocess.run([carrier_bin(), "config", "check", "--config", str(bad)],
                                        capture_output=True, timeout=60)
                output = (result.stdout + result.stderr).decode(errors="replace")
                self.assertNotEqual(result.returncode, 0, output)
                self.assertIn(f"{bad}:3", output)

    # -- logs -----------------------------------------------------------------------

    def test_log_lines_for_an_accepted_message(self):
        server = start_server(self, users=["bob"])
        with smtp(server) as client:
            client.sendmail("sender@example.test", ["bob@localhost"],
                            simple_message(msgid="<log.1@example.test>"))
        self.assertEqual(server.stop(), 0)
        log = server.mail_log()
        # syslog's timestamp, then myhostname (syslog and Postfix's postlogd may shorten it
        # to its first label).
        host = CarrierServer.HOSTNAME
        stamp = (r"^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d (?:" + re.escape(host) + "|"
                 + re.escape(host.split(".")[0]) + ") ")
        tag = lambda name: rf"carrier/{name}\[\d+\]: "  # noqa: E731
        m = re.search(stamp + tag("smtpd") + r"([0-9A-F]{6,}): client=localhost\[127\.0\.0\.1\]$", log, re.M)
        self.assertIsNotNone(m, f"no client= line:\n{log}")
        qid = m.group(1)
        expected = [
            tag("smtpd") + r"connect from localhost\[127\.0\.0\.1\]$",
            tag("cleanup") + qid + r": message-id=<log\.1@example\.test>$",
            tag("qmgr") + qid + r": from=<sender@example\.test>, size=\d+, nrcpt=1 \(queue active\)$",
            tag("local") + qid + r": to=<bob@localhost>, relay=local, delay=[\d.]+, "
            r"delays=[\d.]+/[\d.]+/[\d.]+/[\d.]+, dsn=2\.0\.0, status=sent \(delivered to mailbox\)$",
            tag("qmgr") + qid + r": removed$",
            tag("smtpd") + r"disconnect from localhost\[127\.0\.0\.1\] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5$",
        ]
        for pattern in expected:
            self.assertRegex(log, re.compile(stamp + pattern, re.M))

    def test_log_line_for_a_rejected_recipient(self):
        server = start_server(self, users=["bob"])
        with smtp(server) as client:
            client.mail("sender@example.test")
            client.rcpt("nobody@localhost")
        self.assertEqual(server.stop(), 0)
        self.assertRegex(server.mail_log(), re.compile(
            r"carrier/smtpd\[\d+\]: NOQUEUE: reject: RCPT from localhost\[127\.0\.0\.1\]: "
            + re.escape("550 " + UNKNOWN_USER.format("nobody@localhost"))
            + r"; from=<sender@example\.test> to=<nobody@localhost> proto=ESMTP helo=<client\.example\.test>$",
            re.M))

    def test_syslog_name_sets_the_log_tag(self):
        server = start_server(self, settings={"syslog_name": "postfix"}, users=["bob"])
        self.send(server, simple_message())
        self.assertEqual(server.stop(), 0)
        log = server.mail_log()
        self.assertRegex(log, re.compile(r" postfix/smtpd\[\d+\]: [0-9A-F]+: client=", re.M))
        self.assertRegex(log, re.compile(r" postfix/local\[\d+\]: [0-9A-F]+: to=<bob@localhost>", re.M))
        self.assertNotIn(" carrier/", log)


if __name__ == "__main__":
    unittest.main()
