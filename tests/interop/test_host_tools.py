"""The host's mail tools against the real binary: sendmail (through a link and
as the system's /usr/sbin/sendmail in a private mount namespace), the maildrop
while the server is down, mailq/postsuper, start/stop/status, and the seed's
flow: `mail -s ... root@localhost` with bsd-mailx, read back with bsd-mailx
from the mbox spool Carrier wrote, and the lines in mail.log."""
import os
import re
import shutil
import socket
import subprocess
import unittest
from pathlib import Path

from carrier_harness import TIMEOUT, carrier_bin, start_server, wait_for


def smtplib_connection(port):
    import smtplib
    return smtplib.SMTP("127.0.0.1", port, timeout=TIMEOUT)



class HostToolsTests(unittest.TestCase):
    def spool_server(self, start=True, users=()):
        spool = Path(self.tmp()) / "spool"
        spool.mkdir(mode=0o1777)
        os.chmod(spool, 0o1777)
        server = start_server(self, settings={
            "local_recipient_maps": "unix:passwd.byname",
            "mail_spool_directory": str(spool),
        }, users=users, start=start)
        return server, spool

    def tmp(self):
        import tempfile
        path = tempfile.mkdtemp(prefix="carrier-host-")
        self.addCleanup(shutil.rmtree, path, True)
        return path

    def links(self, server):
        prefix = Path(self.tmp()) / "prefix"
        result = server.cli("install", "--prefix", str(prefix))
        self.assertIn("sendmail", result.stdout.decode())
        return prefix

    def run_link(self, server, path, *args, input=None):
        env = dict(os.environ, CARRIER_CONFIG=str(server.config_path))
        return subprocess.run([str(path), *args], input=input, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env, timeout=60)

    @unittest.skipUnless(shutil.which("mail") and shutil.which("unshare") and os.geteuid() == 0,
                         "needs bsd-mailx, unshare and root")
    def test_seed_flow_mail_to_root_read_back_with_system_mail(self):
        server, spool = self.spool_server()
        env = dict(os.environ, CARRIER_CONFIG=str(server.config_path))
        # The system's mail(1) runs /usr/sbin/sendmail: in a private mount namespace that path is Carrier.
        script = f"mount --bind {carrier_bin()} /usr/sbin/sendmail && mail -s 'seed subject' root@localhost"
        sent = subprocess.run(["unshare", "--mount", "sh", "-c", script], input=b"seed message\n",
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=60)
        self.assertEqual(sent.returncode, 0, sent.stderr.decode())
        mailbox = spool / "root"
        self.assertTrue(wait_for(lambda: mailbox.exists() and b"seed message" in mailbox.read_bytes()),
                        f"nothing in {mailbox}; log:\n{server.mail_log()}")
        self.assertEqual(oct(mailbox.stat().st_mode & 0o777), "0o600")
        content = mailbox.read_bytes()
        self.assertRegex(content.decode(errors="replace"), r"^From root@\S+  \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\n")
        self.assertIn(b"Delivered-To: root@localhost\n", content)
        # `x` quits without rewriting the mailbox (`q` would add Status: headers).
        read = subprocess.run(["mail", "-N", "-f", str(mailbox)], input=b"p 1\nx\n", stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=30)
        shown = read.stdout.decode(errors="replace")
        self.assertIn("seed subject", shown)
        self.assertIn("seed message", shown)
        log = server.mail_log()
        self.assertRegex(log, r"carrier/pickup\[\d+\]: [0-9A-F]+: uid=0 from=<root@")
        self.assertRegex(log, r"carrier/local\[\d+\]: [0-9A-F]+: to=<root@localhost>, relay=local, .*status=sent \(delivered to mailbox\)")

    @unittest.skipUnless(shutil.which("mutt") and shutil.which("tmux"), "needs mutt and tmux")
    def test_mutt_reads_the_spool_mailbox_carrier_wrote(self):
        server, spool = self.spool_server()
        for subject in ("first for mutt", "second for mutt"):
            server.cli("sendmail", "root", input=f"Subject: {subject}\n\nbody\n".encode())
        mailbox = spool / "root"
        self.assertTrue(wait_for(lambda: mailbox.exists() and mailbox.read_bytes().count(b"\nFrom ") + 1 >= 2
                                 and b"second for mutt" in mailbox.read_bytes()), server.mail_log())
        session = f"carrier-mutt-{os.getpid()}"
        home = self.tmp()
        command = (f"TERM=xterm HOME={home} mutt -n -R -F /dev/null -e 'set folder={home}' -f {mailbox}")
        subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "15", command], check=True)
        self.addCleanup(subprocess.run, ["tmux", "kill-session", "-t", session], stderr=subprocess.DEVNULL)
        screen = wait_for(lambda: (lambda text: text if "second for mutt" in text else None)(
            subprocess.run(["tmux", "capture-pane", "-p", "-t", session], stdout=subprocess.PIPE).stdout.decode()))
        self.assertTrue(screen, "mutt did not show the messages")
        self.assertIn("first for mutt", screen)
        self.assertRegex(screen, r"Msgs:2")

    @unittest.skipUnless(os.geteuid() == 0, "needs root to drop privileges")
    def test_mail_owner_drops_root_and_delivers_through_the_helper(self):
        import pwd
        nobody = pwd.getpwnam("nobody")
        server, spool = self.spool_server(start=False, users=["alice"])
        server.settings["mail_owner"] = "nobody"
        server.write_config()
        os.chmod(server.root, 0o755)  # the unprivileged server must read its config, as /etc/carrier is
        server.start()
        server.wait_for_log(r"running as nobody \(uid \d+\)")
        # Every thread, the main one included, must have given up root.
        for task in Path(f"/proc/{server.process.pid}/task").iterdir():
            status = (task / "status").read_text()
            uids = re.search(r"^Uid:\s+(.*)$", status, re.M).group(1).split()
            self.assertEqual(set(uids), {str(nobody.pw_uid)}, f"thread {task.name}: {status}")
        self.assertEqual((server.datadir / "carrier.sqlite").stat().st_uid, nobody.pw_uid)
        with smtplib_connection(server.port) as smtp:
            smtp.sendmail("someone@example.test", ["alice@localhost", "root@localhost"],
                          b"Subject: privsep\r\n\r\nhello\r\n")
        self.assertEqual(len(server.messages("alice")), 1)
        mailbox = spool / "root"
        self.assertTrue(mailbox.exists(), server.mail_log())
        self.assertEqual(mailbox.stat().st_uid, 0)
        self.assertIn(b"Subject: privsep", mailbox.read_bytes())
        self.assertEqual(server.stop(), 0, server.output())

    def test_sendmail_link_while_server_down_is_delivered_at_start(self):
        server, spool = self.spool_server(start=False, users=["alice"])
        prefix = self.links(server)
        message = (b"From: someone@localhost\nTo: alice@localhost\nBcc: root@localhost\nSubject: queued while down\n\n"
                   b"body line\n.\nafter a dot line\n")
        sent = self.run_link(server, prefix / "sbin" / "sendmail", "-t", "-i", input=message)
        self.assertEqual(sent.returncode, 0, sent.stderr.decode())
        listing = self.run_link(server, prefix / "bin" / "mailq").stdout.decode()
        self.assertRegex(listing, r"[0-9A-F]+ +\d+ .*someone@|[0-9A-F]+ +\d+ ")
        self.assertIn("alice@localhost", listing)
        self.assertIn("not running", listing)
        server.start()
        stored = wait_for(lambda: server.messages("alice"))
        self.assertEqual(len(stored), 1, server.mail_log())
        self.assertIn(b"after a dot line", stored[0])
        self.assertNotIn(b"Bcc:", stored[0])
        self.assertTrue(wait_for(lambda: (spool / "root").exists() and b"queued while down" in (spool / "root").read_bytes()))
        self.assertNotIn(b"Bcc:", (spool / "root").read_bytes())
        self.assertTrue(wait_for(lambda: "Mail queue is empty" in self.run_link(server, prefix / "bin" / "mailq").stdout.decode()))

    def test_sendmail_without_i_stops_at_a_dot_line(self):
        server, _ = self.spool_server(users=["alice"])
        sent = server.cli("sendmail", "alice", input=b"Subject: dots\n\nbefore\n.\nnot part of it\n")
        self.assertEqual(sent.returncode, 0, sent.stderr.decode())
        stored = wait_for(lambda: server.messages("alice"))
        self.assertIn(b"before", stored[0])
        self.assertNotIn(b"not part of it", stored[0])
        self.assertRegex(stored[0].decode(), r"(?m)^Received: by .* \(Carrier, from userid \d+\)")
        self.assertRegex(stored[0].decode(), r"(?m)^Message-ID: <")
        self.assertRegex(stored[0].decode(), r"(?m)^From: ")

    def test_postsuper_deletes_from_the_maildrop(self):
        server, _ = self.spool_server(start=False, users=["alice"])
        server.cli("sendmail", "alice@localhost", input=b"Subject: doomed\n\nx\n")
        self.assertNotIn("Mail queue is empty", server.cli("mailq").stdout.decode())
        deleted = server.cli("postsuper", "-d", "ALL")
        self.assertIn("Deleted: 1 message", deleted.stderr.decode())
        self.assertIn("Mail queue is empty", server.cli("mailq").stdout.decode())

    def test_unknown_local_recipient_bounces_to_the_sender(self):
        server, _ = self.spool_server(users=["alice"])
        server.cli("sendmail", "-f", "alice@localhost", "nosuchuser@localhost",
                   input=b"Subject: to nobody\n\nhello\n")
        bounce = wait_for(lambda: server.messages("alice"))
        self.assertEqual(len(bounce), 1, server.mail_log())
        text = bounce[0].decode(errors="replace")
        self.assertIn("Undelivered Mail Returned to Sender", text)
        self.assertIn("multipart/report", text)
        self.assertIn("Final-Recipient: rfc822; nosuchuser@localhost", text)
        self.assertRegex(server.mail_log(), r"to=<nosuchuser@localhost>, relay=none, .*status=bounced")

    def test_sendmail_bs_speaks_smtp_on_stdio(self):
        server, _ = self.spool_server(users=["alice"])
        session = (b"EHLO local\r\nMAIL FROM:<alice@localhost>\r\nRCPT TO:<alice@localhost>\r\nDATA\r\n"
                   b"Subject: via -bs\r\n\r\nhi\r\n.\r\nQUIT\r\n")
        result = server.cli("sendmail", "-bs", input=session)
        out = result.stdout.decode()
        self.assertRegex(out, r"^220 ")
        self.assertRegex(out, r"250 2\.0\.0 Ok: queued as [0-9A-F]+")
        self.assertIn("221 ", out)
        stored = wait_for(lambda: server.messages("alice"))
        self.assertIn(b"via -bs", stored[0])

    def test_start_status_stop(self):
        server, _ = self.spool_server(start=False)
        started = server.cli("start", check=False)
        self.addCleanup(lambda: server.cli("stop", check=False))
        self.assertEqual(started.returncode, 0, started.stderr.decode())
        status = server.cli("status", check=False)
        self.assertEqual(status.returncode, 0)
        self.assertIn("is running: PID:", status.stdout.decode())
        again = server.cli("start", check=False)
        self.assertNotEqual(again.returncode, 0)
        self.assertIn("already running", again.stderr.decode())
        stopped = server.cli("stop", check=False)
        self.assertEqual(stopped.returncode, 0, stopped.stderr.decode())
        self.assertEqual(server.cli("status", check=False).returncode, 1)

    def test_start_reports_a_port_in_use(self):
        blocker = socket.socket()
        blocker.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        blocker.bind(("127.0.0.1", 0))
        blocker.listen(1)
        self.addCleanup(blocker.close)
        server, _ = self.spool_server(start=False)
        server.settings["smtpd_listen"] = f"127.0.0.1:{blocker.getsockname()[1]}"
        server.write_config()
        started = server.cli("start", check=False)
        self.assertNotEqual(started.returncode, 0)
        self.assertIn("smtpd_listen", started.stderr.decode())
        self.assertIn(str(blocker.getsockname()[1]), started.stderr.decode())


if __name__ == "__main__":
    unittest.main()
