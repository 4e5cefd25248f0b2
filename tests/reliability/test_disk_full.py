"""Disk full (issue 8): the data directory lives on a 24 MB tmpfs made for the
test. A filler file and then 1 MB and 40 KB messages fill it until the end of
DATA (and of BDAT LAST) is answered `452 4.3.1 Insufficient system storage`:
large bodies fail in the body-file store, small ones in SQLite. While the disk
is full, mail already stored can still be read over IMAP and POP3, and IMAP
APPEND is refused with `NO [OVERQUOTA]` as Dovecot does. Every message that
got a 250 is stored whole, none that got a 452 appears at all. Once the filler
is deleted the same server process accepts mail again, and the database
passes PRAGMA integrity_check.

Needs root (to mount the tmpfs); skipped with the reason otherwise."""

import imaplib
import os
import poplib
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "interop"))

from carrier_harness import (TIMEOUT, CarrierServer, SMTPConversation, free_port,  # noqa: E402
                             mailbox_messages, wait_for)

PASSWORD = "correct horse battery"
#: The size of the filesystem made for the test.
FILESYSTEM = "24m"
#: Room left after the filler file, so a few 1 MB messages still fit.
HEADROOM = 2_500_000


def message(seq: str, size: int) -> bytes:
    """A message of about `size` octets whose header and body both carry `seq`."""
    line = (seq + " " + "x" * 70)[:72] + "\r\n"
    body = line * max(1, size // len(line))
    return (f"From: <filler@client.test>\r\nTo: <bob@localhost>\r\nSubject: {seq}\r\n"
            f"Date: Sat, 29 Nov 2025 09:41:18 +0000\r\nMessage-ID: <{seq}@client.test>\r\n\r\n{body}").encode()


def listening(port) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def free_bytes(path) -> int:
    stat = os.statvfs(path)
    return stat.f_bavail * stat.f_frsize


class SMTPSender:
    """Sends messages over one SMTP connection and records each final reply."""

    def __init__(self, port):
        self.conversation = SMTPConversation(port)
        code, _ = self.conversation.reply()
        assert code == 220, code
        code, lines = self.conversation.command("EHLO client.test")
        assert code == 250, (code, lines)

    def data(self, content: bytes):
        """MAIL, RCPT, DATA and the content; the reply to the end of data."""
        for command, expected in (("MAIL FROM:<filler@client.test>", 250), ("RCPT TO:<bob@localhost>", 250),
                                  ("DATA", 354)):
            code, lines = self.conversation.command(command)
            assert code == expected, (command, code, lines)
        self.conversation.send(content + b".\r\n")  # content ends with CRLF
        return self.conversation.reply()

    def bdat(self, content: bytes):
        """MAIL, RCPT and the content in two BDAT chunks; the reply to BDAT LAST."""
        for command in ("MAIL FROM:<filler@client.test>", "RCPT TO:<bob@localhost>"):
            code, lines = self.conversation.command(command)
            assert code == 250, (command, code, lines)
        half = len(content) // 2
        self.conversation.send(f"BDAT {half}\r\n".encode() + content[:half])
        code, lines = self.conversation.reply()
        assert code == 250, ("BDAT", code, lines)
        self.conversation.send(f"BDAT {len(content) - half} LAST\r\n".encode() + content[half:])
        return self.conversation.reply()

    def close(self):
        self.conversation.command("QUIT")
        self.conversation.close()


class DiskFullTest(unittest.TestCase):
    def setUp(self):
        if os.geteuid() != 0:
            self.skipTest("needs root to mount a size-limited tmpfs for the data directory")
        root = Path(tempfile.mkdtemp(prefix="carrier-diskfull-"))
        self.addCleanup(shutil.rmtree, root, ignore_errors=True)
        data = root / "data"
        data.mkdir()
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={FILESYSTEM}", "tmpfs", str(data)],
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if mounted.returncode != 0:
            self.skipTest(f"cannot mount a tmpfs: {mounted.stdout.decode(errors='replace').strip()}")
        self.addCleanup(subprocess.run, ["umount", "-l", str(data)], check=False)
        self.imap_port, self.pop3_port = free_port(), free_port()
        self.server = CarrierServer({
            "imap_listen": f"127.0.0.1:{self.imap_port}", "pop3_listen": f"127.0.0.1:{self.pop3_port}",
            "disable_plaintext_auth": "no",
            # Off the full file system, so that what is logged while it is full is kept.
            "maillog_file": str(root / "mail.log"), "maillog_error_file": str(root / "mail.err"),
        }, root=root)
        self.addCleanup(self.server.cleanup)
        self.server.add_user("bob", PASSWORD)
        self.server.start()
        for port in (self.imap_port, self.pop3_port):  # bound after SMTP's
            self.assertTrue(wait_for(lambda: listening(port)), f"nothing listens on {port}")
        self.acked = {}     # seq -> the content sent, for every message answered 250
        self.refused = set()

    def send(self, sender, seq, size, bdat=False):
        content = message(seq, size)
        code, lines = sender.bdat(content) if bdat else sender.data(content)
        if code == 250:
            self.acked[seq] = content
        else:
            self.assertEqual((code, lines[0]), (452, "4.3.1 Insufficient system storage"), seq)
            self.refused.add(seq)
        return code

    def fill_until_refused(self, sender, prefix, size, limit):
        """Sends messages of `size` until one is refused; returns how many were accepted."""
        for n in range(limit):
            if self.send(sender, f"{prefix}-{n}", size) == 452:
                return n
        self.fail(f"no 452 after {limit} messages of {size} octets; {free_bytes(self.server.datadir)} octets free")

    def test_full_disk_refuses_new_mail_keeps_old_and_recovers(self):
        datadir = self.server.datadir
        sender = SMTPSender(self.server.port)
        for n in range(3):
            self.assertEqual(self.send(sender, f"before-{n}", 4_000), 250)
        self.assertEqual(self.send(sender, "before-large", 300_000), 250)

        filler = datadir / "filler"
        with open(filler, "wb") as f:
            chunk = b"\0" * (1 << 20)
            remaining = free_bytes(datadir) - HEADROOM
            while remaining > 0:
                remaining -= f.write(chunk[:remaining])
        large = self.fill_until_refused(sender, "large", 1_000_000, 10)    # body files: ENOSPC
        small = self.fill_until_refused(sender, "small", 40_000, 400)      # SQLite: SQLITE_FULL
        self.assertEqual(self.send(sender, "full-bdat", 1_000_000, bdat=True), 452)
        self.assertEqual(self.send(sender, "full-data", 1_000_000), 452)
        log = (self.server.root / "mail.log").read_text(errors="replace")
        self.assertRegex(log, r"carrier/smtpd\[\d+\]: warning: \w+: not stored: insufficient system storage; from=<")

        # Reads go on while the disk is full.
        stored = mailbox_messages(datadir, "bob")
        self.assertEqual(len(stored), len(self.acked))
        imap = imaplib.IMAP4("127.0.0.1", self.imap_port, timeout=TIMEOUT)
        imap.login("bob", PASSWORD)
        typ, data = imap.select("INBOX")
        self.assertEqual((typ, int(data[0])), ("OK", len(stored)))
        typ, data = imap.fetch("1", "(BODY.PEEK[])")
        self.assertEqual(typ, "OK")
        self.assertEqual(data[0][1], stored[0])
        typ, data = imap.fetch("4", "(BODY.PEEK[])")
        self.assertEqual(data[0][1], stored[3])
        typ, data = imap.append("INBOX", None, None, message("full-append", 1_000_000))
        self.assertEqual(typ, "NO", data)
        self.assertRegex(data[0].decode(), r"^\[OVERQUOTA\] ")
        pop = poplib.POP3("127.0.0.1", self.pop3_port, timeout=TIMEOUT)
        pop.user("bob")
        pop.pass_(PASSWORD)
        self.assertEqual(pop.stat()[0], len(stored))
        _, lines, _ = pop.retr(4)
        self.assertEqual(b"\r\n".join(lines) + b"\r\n", stored[3])
        pop.quit()

        # Space returns: the same process takes mail again.
        filler.unlink()
        self.assertEqual(self.send(sender, "after-large", 1_000_000), 250)
        self.assertEqual(self.send(sender, "after-small", 40_000), 250)
        self.assertEqual(self.send(sender, "after-bdat", 1_000_000, bdat=True), 250)
        typ, data = imap.append("INBOX", None, None, message("after-append", 1_000_000))
        self.assertEqual(typ, "OK", data)
        imap.logout()
        sender.close()
        self.assertIsNone(self.server.process.poll(), "the server exited")
        self.server.stop()

        # Everything acknowledged is there, whole and once; nothing refused is.
        stored = mailbox_messages(datadir, "bob")
        by_seq = {}
        for content in stored:
            seq = content.split(b"Message-ID: <", 1)[1].split(b"@", 1)[0].decode()
            self.assertNotIn(seq, by_seq, f"{seq} stored twice")
            by_seq[seq] = content
        self.assertEqual(set(by_seq), set(self.acked) | {"after-append"})
        for seq, content in self.acked.items():
            self.assertTrue(by_seq[seq].endswith(content), f"{seq} is not stored whole")
        with sqlite3.connect(f"file:{datadir / 'carrier.sqlite'}?mode=ro", uri=True) as db:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        print(f"\ndisk full: {len(self.acked)} messages accepted ({large} of 1 MB, {small} of 40 KB after the filler), "
              f"{len(self.refused)} refused with 452, all accepted ones intact; recovered without a restart",
              file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
