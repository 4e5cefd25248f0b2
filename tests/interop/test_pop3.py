"""POP3 (issue 7) against the real carrier binary: Python poplib in plain
(refused before STLS), STLS and POP3_SSL; curl pop3:// and pop3s://;
UIDL stability; deletions only at QUIT (RFC 1939 §6); one session per
maildrop ([IN-USE]); and a message deleted over POP3 is gone for IMAP too."""

import os
import poplib
import pwd
import shutil
import tempfile
import smtplib
import subprocess
import unittest
from pathlib import Path

from carrier_harness import TIMEOUT, insecure_context, simple_message, start_server, wait_for

PASSWORD = "correct horse battery"


class POP3Test(unittest.TestCase):
    def setUp(self):
        self.server = start_server(self, users=["bob"], listeners=("pop3", "pop3s"))
        self.pop3_port, self.pop3s_port = self.server.ports["pop3"], self.server.ports["pop3s"]
        self.deliver(3)

    def deliver(self, count):
        with smtplib.SMTP("127.0.0.1", self.server.port, timeout=TIMEOUT) as client:
            for n in range(count):
                client.sendmail("sender@example.test", ["bob@localhost"],
                                simple_message(subject=f"pop {n}", body=f"line one\n.leading dot\nmessage {n}\n"))
        wait_for(lambda: len(self.server.messages("bob")) >= count)

    def stls(self):
        client = poplib.POP3("127.0.0.1", self.pop3_port, timeout=TIMEOUT)
        client.stls(insecure_context())
        return client

    def login(self, client):
        client.user("bob")
        client.pass_(PASSWORD)
        return client

    def test_plaintext_login_refused_before_stls(self):
        client = poplib.POP3("127.0.0.1", self.pop3_port, timeout=TIMEOUT)
        caps = client.capa()
        self.assertIn("STLS", caps)
        self.assertNotIn("USER", caps)
        with self.assertRaises(poplib.error_proto) as ctx:
            client.user("bob")
        self.assertIn(b"[AUTH]", ctx.exception.args[0])
        client.quit()

    def test_stls_list_retr_top_uidl_byte_exact(self):
        client = self.login(self.stls())
        count, octets = client.stat()
        self.assertEqual(count, 3)
        _, listing, _ = client.list()
        sizes = {int(n): int(size) for n, size in (line.split() for line in listing)}
        self.assertEqual(sum(sizes.values()), octets)
        for number, size in sizes.items():
            _, lines, reported = client.retr(number)
            # poplib strips CRLF and undoes dot-stuffing: rebuild the octets the client holds.
            self.assertEqual(sum(len(line) + 2 for line in lines), size)
            self.assertIn(b".leading dot", lines)
        _, top, _ = client.top(1, 1)
        self.assertIn(b"line one", top)
        self.assertNotIn(b"message 0", top)
        first_uidl = client.uidl()[1]
        client.quit()
        again = self.login(self.stls())
        self.assertEqual(again.uidl()[1], first_uidl, "UIDL values must be stable across sessions")
        again.quit()

    def test_retr_of_a_message_kept_as_a_body_file(self):
        # Over 128 KiB: the body is a file, written and read on the blocking thread pool.
        body = "".join(f"line {n:05d} of a message stored as a file\n" for n in range(6000))
        with smtplib.SMTP("127.0.0.1", self.server.port, timeout=TIMEOUT) as client:
            client.sendmail("sender@example.test", ["bob@localhost"], simple_message(subject="big", body=body))
        wait_for(lambda: len(self.server.messages("bob")) >= 4)
        client = self.login(self.stls())
        size = client.list(4).split()[2]  # b"+OK 4 SIZE"
        _, lines, _ = client.retr(4)
        self.assertGreater(int(size), 128 * 1024)
        self.assertEqual(sum(len(line) + 2 for line in lines), int(size))
        self.assertIn(b"Subject: big", lines)
        self.assertEqual(lines[-1], b"line 05999 of a message stored as a file")
        client.quit()

    def test_pop3s_apop_free_sasl_plain(self):
        client = poplib.POP3_SSL("127.0.0.1", self.pop3s_port, timeout=TIMEOUT, context=insecure_context())
        self.assertIn("SASL", client.capa())
        client._shortcmd("AUTH PLAIN AGJvYgBjb3JyZWN0IGhvcnNlIGJhdHRlcnk=")
        self.assertEqual(client.stat()[0], 3)
        client.quit()

    def test_deletions_only_at_quit(self):
        client = self.login(self.stls())
        client.dele(1)
        client.file.close()  # dropped without QUIT: nothing is deleted
        client.sock.close()
        self.assertTrue(wait_for(self.session_released), "the dropped session's lock was never released")
        self.assertEqual(len(self.server.messages("bob")), 3)
        client = self.login(self.stls())
        client.dele(1)
        client.rset()
        client.dele(2)
        client.quit()
        self.assertEqual(len(self.server.messages("bob")), 2)

    def session_released(self):
        try:
            probe = self.login(self.stls())
            probe.quit()
            return True
        except poplib.error_proto:
            return False

    def test_second_session_is_refused_in_use(self):
        first = self.login(self.stls())
        second = self.stls()
        second.user("bob")
        with self.assertRaises(poplib.error_proto) as ctx:
            second.pass_(PASSWORD)
        self.assertIn(b"[IN-USE]", ctx.exception.args[0])
        first.quit()

    def test_wrong_password_is_auth_error(self):
        client = self.stls()
        client.user("bob")
        with self.assertRaises(poplib.error_proto) as ctx:
            client.pass_("wrong")
        self.assertIn(b"[AUTH]", ctx.exception.args[0])

    def test_curl_pop3_and_pop3s(self):
        for url, extra in ((f"pop3://127.0.0.1:{self.pop3_port}/1", ["--ssl-reqd"]),
                           (f"pop3s://127.0.0.1:{self.pop3s_port}/2", [])):
            result = subprocess.run(["curl", "-sS", "-k", *extra, "--user", f"bob:{PASSWORD}", url],
                                    capture_output=True, timeout=TIMEOUT)
            self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
            self.assertIn(b"Subject: pop", result.stdout)
            self.assertIn(b".leading dot", result.stdout)


    def test_fetchmail_keeps_then_deletes(self):
        mbox = self.server.root / "fetched.mbox"
        rc = self.server.root / "fetchmailrc"
        env = dict(os.environ, HOME=str(self.server.root))
        for mode, left in (("keep fetchall", 3), ("fetchall", 0)):
            rc.write_text(
                "set no syslog\n"
                f"poll 127.0.0.1 service {self.pop3s_port} protocol pop3 auth password\n"
                f"  user \"bob\" there with password \"{PASSWORD}\" is \"bob\" here\n"
                f"  ssl no sslcertck {mode} mda \"/bin/sh -c 'cat >> {mbox}'\"\n")
            os.chmod(rc, 0o600)
            result = subprocess.run(["fetchmail", "-f", str(rc), "--pidfile", str(self.server.root / "fetchmail.pid")],
                                    capture_output=True, timeout=TIMEOUT * 2, env=env)
            self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
            self.assertEqual(len(self.server.messages("bob")), left, result.stderr.decode(errors="replace"))
        self.assertEqual(mbox.read_bytes().count(b"Subject: pop"), 6)

    def test_getmail6_over_pop3s(self):
        # getmail refuses to deliver as root: as root, run it as nobody in a directory nobody owns.
        home = Path(tempfile.mkdtemp(prefix="carrier-getmail-"))
        self.addCleanup(shutil.rmtree, home, True)
        maildir = home / "Maildir"
        for sub in ("cur", "new", "tmp"):
            (maildir / sub).mkdir(parents=True)
        getmaildir = home / "getmail"
        getmaildir.mkdir()
        rc = getmaildir / "getmailrc"
        rc.write_text(
            "[retriever]\ntype = SimplePOP3SSLRetriever\nserver = 127.0.0.1\n"
            f"port = {self.pop3s_port}\nusername = bob\npassword = {PASSWORD}\n"
            f"[destination]\ntype = Maildir\npath = {maildir}/\n"
            "[options]\nread_all = true\ndelete = false\nverbose = 0\n")
        command = ["getmail", "--rcfile", str(rc), "--getmaildir", str(getmaildir)]
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            for path in [home, *home.rglob("*")]:
                os.chown(path, nobody.pw_uid, nobody.pw_gid)
            command = ["setpriv", f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups", *command]
        result = subprocess.run(command, capture_output=True, timeout=TIMEOUT * 2, env=dict(os.environ, HOME=str(home)))
        self.assertEqual(result.returncode, 0, result.stdout.decode(errors="replace") + result.stderr.decode(errors="replace"))
        fetched = [f.read_bytes() for f in (maildir / "new").iterdir()]
        self.assertEqual(sum(b"Subject: pop" in m for m in fetched), 3)
        self.assertEqual(len(self.server.messages("bob")), 3)


if __name__ == "__main__":
    unittest.main()
