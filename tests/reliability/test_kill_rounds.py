"""Crash safety (issue 8): SMTP sessions (local and remote recipients, small
and multi-megabyte messages) and IMAP APPENDs run while `carrier serve` is
killed with SIGKILL at random moments, round after round. After every round:
each message acknowledged with 250 (or APPEND's OK) is in every local
recipient's mailbox exactly once, or in the queue for the remote one; a
message whose data was never finished appears nowhere; one whose reply was
lost appears at most once; the database passes PRAGMA integrity_check. At the
end the remote peer starts and gets each queued message exactly once.

RELIABILITY_ROUNDS (default 8) sets the number of kills."""

import imaplib
import os
import random
import re
import smtplib
import socket
import sqlite3
import sys
import threading
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "interop"))

from carrier_harness import TIMEOUT, CarrierServer, free_port, mailbox_messages, wait_for  # noqa: E402

ROUNDS = int(os.environ.get("RELIABILITY_ROUNDS", "8"))
SEQ = re.compile(rb"X-Seq: (\w+-\d+)")


class Ledger:
    """What the clients know about each message: acknowledged, in doubt (the
    end of data was sent but the reply never came), or never completed."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acked = set()
        self.doubtful = set()
        self.unfinished = set()

    def mark(self, kind, seq):
        with self.lock:
            getattr(self, kind).add(seq)


class SMTPWriter(threading.Thread):
    """Sends messages over one connection after another until stopped."""

    def __init__(self, name, port, ledger, stop, recipients, big_every):
        super().__init__(daemon=True)
        self.name_prefix, self.port, self.ledger, self.stop_event = name, port, ledger, stop
        self.recipients, self.big_every, self.counter = recipients, big_every, 0

    def message(self, seq):
        body = ("x" * 76 + "\r\n") * (40_000 if self.counter % self.big_every == 0 else 20)
        return (f"From: writer@client.test\r\nTo: {', '.join(self.recipients)}\r\nSubject: {seq}\r\n"
                f"X-Seq: {seq}\r\nMessage-ID: <{seq}@client.test>\r\n\r\n{body}").encode()

    def run(self):
        while not self.stop_event.is_set():
            try:
                client = smtplib.SMTP("127.0.0.1", self.port, timeout=5)
                client.ehlo("client.test")
            except (OSError, smtplib.SMTPException):
                time.sleep(0.05)
                continue
            try:
                while not self.stop_event.is_set():
                    self.counter += 1
                    seq = f"{self.name_prefix}-{self.counter}"
                    data = self.message(seq)
                    try:
                        if client.mail("writer@client.test")[0] != 250:
                            raise smtplib.SMTPException("MAIL refused")
                        for rcpt in self.recipients:
                            if client.rcpt(rcpt)[0] != 250:
                                raise smtplib.SMTPException(f"RCPT {rcpt} refused")
                        code, _ = client.docmd("DATA")
                        if code != 354:
                            raise smtplib.SMTPException("no 354")
                    except (smtplib.SMTPException, OSError):
                        self.ledger.mark("unfinished", seq)
                        raise
                    try:
                        half = len(data) // 2
                        client.send(data[:half])
                        client.send(data[half:] + b"\r\n.\r\n")
                    except (smtplib.SMTPException, OSError):
                        self.ledger.mark("unfinished", seq)  # the end of data never left
                        raise
                    try:
                        code, _ = client.getreply()
                    except (smtplib.SMTPException, OSError):
                        self.ledger.mark("doubtful", seq)
                        raise
                    self.ledger.mark("acked" if code == 250 else "unfinished", seq)
            except (smtplib.SMTPException, OSError):
                pass
            finally:
                try:
                    client.close()
                except OSError:
                    pass


class IMAPAppender(threading.Thread):
    def __init__(self, name, port, ledger, stop):
        super().__init__(daemon=True)
        self.name_prefix, self.port, self.ledger, self.stop_event, self.counter = name, port, ledger, stop, 0

    def run(self):
        while not self.stop_event.is_set():
            try:
                client = imaplib.IMAP4("127.0.0.1", self.port, timeout=5)
                client.login("carol", "correct horse battery")
            except (OSError, imaplib.IMAP4.error):
                time.sleep(0.05)
                continue
            try:
                while not self.stop_event.is_set():
                    self.counter += 1
                    seq = f"append{self.name_prefix}-{self.counter}"
                    message = f"Subject: {seq}\r\nX-Seq: {seq}\r\n\r\nappended\r\n".encode()
                    try:
                        typ, _ = client.append("Archive", None, None, message)
                    except (OSError, imaplib.IMAP4.abort, imaplib.IMAP4.error):
                        self.ledger.mark("doubtful", seq)
                        raise
                    self.ledger.mark("acked" if typ == "OK" else "unfinished", seq)
            except (OSError, imaplib.IMAP4.abort, imaplib.IMAP4.error):
                pass


def seqs(messages):
    found = []
    for message in messages:
        match = SEQ.search(message[:4096])
        if match:
            found.append(match.group(1).decode())
    return found


class KillRoundsTest(unittest.TestCase):
    def test_sigkill_rounds_lose_and_duplicate_nothing(self):
        peer = CarrierServer({"myhostname": "peer.remote.test", "mydestination": "$myhostname, localhost, remote.test"})
        self.addCleanup(peer.cleanup)
        peer.add_user("dave")
        server = CarrierServer({
            "relayhost": f"[127.0.0.1]:{peer.port}", "message_size_limit": "20000000",
            "imap_listen": f"127.0.0.1:{free_port()}", "disable_plaintext_auth": "no",
            "smtpd_client_connection_count_limit": "0",
        })
        self.addCleanup(server.cleanup)
        server.add_user("bob")
        server.add_user("carol")
        imap_port = int(server.settings["imap_listen"].rsplit(":", 1)[1])
        ledger = Ledger()
        rng = random.Random(int(os.environ.get("RELIABILITY_SEED", "8")))
        for round in range(ROUNDS):
            server.start()
            stop = threading.Event()
            workers = [SMTPWriter(f"r{round}w{n}", server.port, ledger, stop,
                                  ["bob@localhost", "carol@localhost", "dave@remote.test"] if n % 2 else ["bob@localhost"],
                                  big_every=7)
                       for n in range(6)]
            workers.append(IMAPAppender(f"r{round}", imap_port, ledger, stop))
            for worker in workers:
                worker.start()
            time.sleep(rng.uniform(0.3, 1.5))
            server.kill()
            stop.set()
            for worker in workers:
                worker.join(timeout=TIMEOUT)
            self.check(server, ledger, round)
        server.start()
        self.check(server, ledger, ROUNDS)
        # The remote copies: the peer starts, the queue drains, each arrives once.
        peer.start()

        def drained():
            # Recipients in flight when a flush comes are retried on their own schedule: flush again.
            server.cli("postqueue", "-f")
            time.sleep(0.5)
            return "Mail queue is empty" in server.cli("mailq").stdout.decode()
        self.assertTrue(wait_for(drained, timeout=120), server.cli("mailq").stdout.decode()[-2000:])
        remote = seqs(peer.messages("dave"))
        expected = {s for s in ledger.acked if self.is_remote(s)}
        self.assertEqual(len(remote), len(set(remote)), "a remote copy arrived twice")
        self.assertTrue(expected <= set(remote), f"remote copies lost: {sorted(expected - set(remote))[:5]}")
        print(f"\n{ROUNDS} SIGKILL rounds: {len(ledger.acked)} acknowledged, {len(ledger.doubtful)} in doubt, "
              f"{len(ledger.unfinished)} unfinished; {len(expected)} remote copies delivered once", file=sys.stderr)

    @staticmethod
    def is_remote(seq):
        return seq.startswith("r") and int(seq.split("w")[1].split("-")[0]) % 2 == 1

    def check(self, server, ledger, round):
        db = server.datadir / "carrier.sqlite"
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=TIMEOUT) as conn:
            self.assertEqual(conn.execute("PRAGMA integrity_check").fetchone()[0], "ok", f"round {round}")
            bodies = conn.execute("SELECT b.data, b.path FROM queue q JOIN bodies b ON b.hash = q.body_hash").fetchall()
        queued = set(seqs([bytes(data) if data is not None else Path(path if Path(path).is_absolute() else server.datadir / path).read_bytes()
                           for data, path in bodies]))
        bob = seqs(mailbox_messages(server.datadir, "bob"))
        carol = seqs(mailbox_messages(server.datadir, "carol"))
        try:
            archive = seqs(mailbox_messages(server.datadir, "carol", "Archive"))
        except LookupError:
            archive = []
        for name, found in (("bob", bob), ("carol", carol), ("carol/Archive", archive)):
            duplicates = {s for s in found if found.count(s) > 1}
            self.assertEqual(duplicates, set(), f"round {round}: duplicated in {name}")
            self.assertFalse(set(found) & ledger.unfinished, f"round {round}: unfinished messages stored in {name}")
        smtp_acked = {s for s in ledger.acked if not s.startswith("append")}
        self.assertTrue(smtp_acked <= set(bob), f"round {round}: lost from bob: {sorted(smtp_acked - set(bob))[:5]}")
        to_carol = {s for s in smtp_acked if self.is_remote(s)}  # odd writers also wrote to carol and dave
        self.assertTrue(to_carol <= set(carol), f"round {round}: lost from carol")
        appended = {s for s in ledger.acked if s.startswith("append")}
        self.assertTrue(appended <= set(archive), f"round {round}: APPENDs lost: {sorted(appended - set(archive))[:5]}")
        remote = {s for s in smtp_acked if self.is_remote(s)}
        self.assertTrue(remote <= queued, f"round {round}: remote copies neither sent nor queued: {sorted(remote - queued)[:5]}")


if __name__ == "__main__":
    unittest.main()
