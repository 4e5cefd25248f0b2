"""IMAP with the clients people use (issue 6): the PyPI `imapclient` library
(IDLE, CONDSTORE, MOVE, ENVELOPE/BODYSTRUCTURE, SORT, THREAD), `mbsync` (isync) syncing a
mailbox both ways and then finding nothing to do, and `mutt` headless under
tmux listing and reading INBOX over IMAPS."""

import os
import shutil
import smtplib
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from carrier_harness import TIMEOUT, insecure_context, simple_message, start_server, wait_for
from test_mail_command import TmuxTerminal, ensure_tmux

PASSWORD = "correct horse battery"

try:
    import imapclient
except ImportError:  # installed by tests/interop/run; skip when run by hand without it
    imapclient = None


class IMAPClientsTest(unittest.TestCase):
    def setUp(self):
        self.server = start_server(self, users=["bob"], listeners=("imap", "imaps"))
        self.imap_port, self.imaps_port = self.server.ports["imap"], self.server.ports["imaps"]
        self.deliver(3)

    def deliver(self, count, start=0):
        with smtplib.SMTP("127.0.0.1", self.server.port, timeout=TIMEOUT) as client:
            for n in range(start, start + count):
                client.sendmail("sender@example.test", ["bob@localhost"],
                                simple_message(subject=f"client {n}", body=f"hello from message {n}\n"))
        wait_for(lambda: len(self.server.messages("bob")) >= start + count)

    @unittest.skipIf(imapclient is None, "imapclient is not installed (pip install imapclient)")
    def test_imapclient_idle_condstore_move(self):
        client = imapclient.IMAPClient("127.0.0.1", port=self.imap_port, ssl=False, timeout=TIMEOUT)
        client.starttls(insecure_context())
        client.login("bob", PASSWORD)
        self.addCleanup(client.logout)
        self.assertIn(b"CONDSTORE", client.capabilities())
        client.enable("CONDSTORE")
        info = client.select_folder("INBOX")
        self.assertEqual(info[b"EXISTS"], 3)
        self.assertIn(b"HIGHESTMODSEQ", info)
        uids = client.search(["ALL"])
        fetched = client.fetch(uids, ["ENVELOPE", "BODYSTRUCTURE", "MODSEQ", "FLAGS"])
        subjects = sorted(fetched[uid][b"ENVELOPE"].subject for uid in uids)
        self.assertEqual(subjects, [b"client 0", b"client 1", b"client 2"])
        self.assertEqual(client.sort(["REVERSE SUBJECT"]), list(reversed(uids)))
        self.assertEqual(client.thread("ORDEREDSUBJECT"), tuple((uid,) for uid in uids))
        self.assertEqual(client.thread("REFERENCES", ["SUBJECT", "client 1"]), ((uids[1],),))
        before = max(fetched[uid][b"MODSEQ"][0] for uid in uids)
        client.add_flags(uids[0], [imapclient.SEEN])
        changed = client.fetch(uids, ["FLAGS"], modifiers=[f"CHANGEDSINCE {before}"])
        self.assertEqual(list(changed), [uids[0]])
        client.idle()
        self.deliver(1, start=3)
        responses = client.idle_check(timeout=10)
        client.idle_done()
        self.assertIn((4, b"EXISTS"), responses)
        client.move([uids[1]], "Archive")
        self.assertEqual(len(client.search(["ALL"])), 3)
        client.select_folder("Archive", readonly=True)
        self.assertEqual(len(client.search(["SUBJECT", "client 1"])), 1)

    def test_mbsync_both_ways_then_nothing(self):
        if not shutil.which("mbsync"):
            self.skipTest("mbsync (isync) is not installed")
        home = Path(tempfile.mkdtemp(prefix="carrier-mbsync-"))
        self.addCleanup(shutil.rmtree, home, True)
        local = home / "Mail"
        local.mkdir()
        cert = self.server.datadir / "tls" / "cert.pem"
        rc = home / "mbsyncrc"
        rc.write_text(
            "IMAPAccount carrier\n"
            f"Host 127.0.0.1\nPort {self.imaps_port}\nUser bob\nPass \"{PASSWORD}\"\n"
            f"SSLType IMAPS\nCertificateFile {cert}\nAuthMechs LOGIN\n\n"
            "IMAPStore remote\nAccount carrier\n\n"
            f"MaildirStore local\nPath {local}/\nInbox {local}/INBOX\nSubFolders Verbatim\n\n"
            "Channel sync\nFar :remote:\nNear :local:\nPatterns INBOX Archive\nCreate Both\nExpunge Both\n"
            "SyncState *\n")

        def sync():
            result = subprocess.run(["mbsync", "-c", str(rc), "-V", "sync"], capture_output=True, timeout=TIMEOUT * 2,
                                    env=dict(os.environ, HOME=str(home)))
            output = result.stdout.decode(errors="replace") + result.stderr.decode(errors="replace")
            self.assertEqual(result.returncode, 0, output)
            return output

        sync()
        pulled = list((local / "INBOX" / "new").iterdir()) + list((local / "INBOX" / "cur").iterdir())
        self.assertEqual(len(pulled), 3)
        (local / "INBOX" / "new" / f"{int(time.time())}.local.carrier:2,").write_bytes(
            simple_message(subject="written offline", to="bob@localhost"))
        sync()
        self.assertEqual(len(self.server.messages("bob")), 4, "the local message was appended to the server")
        third = sync()
        self.assertRegex(third, r"far side: .*?\+0 \*0 #0 -0|far side:.*0 messages", third)
        self.assertEqual(len(self.server.messages("bob")), 4)
        pulled = list((local / "INBOX" / "new").iterdir()) + list((local / "INBOX" / "cur").iterdir())
        self.assertEqual(len(pulled), 4)

    def test_mutt_lists_and_reads_inbox_over_imaps(self):
        reason = ensure_tmux()
        if reason or not shutil.which("mutt"):
            self.skipTest(reason or "mutt is not installed")
        home = Path(tempfile.mkdtemp(prefix="carrier-mutt-"))
        self.addCleanup(shutil.rmtree, home, True)
        cert = self.server.datadir / "tls" / "cert.pem"
        muttrc = home / "muttrc"
        muttrc.write_text(
            f"set folder=\"imaps://bob@127.0.0.1:{self.imaps_port}/\"\n"
            "set spoolfile=\"+INBOX\"\n"
            f"set imap_pass=\"{PASSWORD}\"\n"
            f"set certificate_file=\"{home}/certificates\"\n"
            "set ssl_verify_host=no\nset ssl_verify_dates=no\n"
            "set header_cache=\"\"\nset message_cachedir=\"\"\n"
            "set mail_check=60\nset imap_keepalive=60\nset sort=date\n")
        shutil.copy(cert, home / "certificates")
        terminal = TmuxTerminal(f"HOME={home} TERM=xterm mutt -n -F {muttrc}", width=120, height=30)
        self.addCleanup(terminal.close)
        def showing(*words):
            screen = terminal.screen()
            return screen if any(word in screen for word in words) else None

        screen = wait_for(lambda: showing("client 2", "(o)nce"), timeout=20)
        if screen and "(o)nce" in screen:
            terminal.tmux("send-keys", "-t", "mail", "o")
            screen = wait_for(lambda: showing("client 2"), timeout=20)
        self.assertTrue(screen and "client 0" in screen and "client 2" in screen, terminal.screen())
        terminal.tmux("send-keys", "-t", "mail", "Enter")
        shown = wait_for(lambda: showing("hello from message"), timeout=20)
        self.assertTrue(shown, terminal.screen())
        terminal.tmux("send-keys", "-t", "mail", "q")
        terminal.tmux("send-keys", "-t", "mail", "q")


if __name__ == "__main__":
    unittest.main()
