"""POP3 DELE and QUIT under SIGKILL (issue 8). Each round a client marks
some messages deleted and says QUIT, and `carrier serve` is killed at a
random moment around the QUIT: before it arrives, while the UPDATE state
commits, or after +OK. After the restart the deletions are all or nothing:
all gone when QUIT was answered +OK, all gone or all present when the answer
never came; the messages kept are intact and the database passes PRAGMA
integrity_check. A connection dropped without QUIT deletes nothing.

RELIABILITY_POP3_ROUNDS (default 20) sets the number of kills."""

import os
import poplib
import random
import smtplib
import socket
import sqlite3
import sys
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "interop"))

from carrier_harness import TIMEOUT, CarrierServer, free_port, wait_for  # noqa: E402

ROUNDS = int(os.environ.get("RELIABILITY_POP3_ROUNDS", "20"))
PASSWORD = "correct horse battery"
PER_ROUND = 6


def seq_of(message: bytes) -> str:
    return message.split(b"X-Seq: ", 1)[1].split(b"\r\n", 1)[0].decode()


class POP3KillTest(unittest.TestCase):
    def setUp(self):
        self.pop3_port = free_port()
        self.server = CarrierServer({"pop3_listen": f"127.0.0.1:{self.pop3_port}", "disable_plaintext_auth": "no"})
        self.addCleanup(self.server.cleanup)
        self.server.add_user("bob", PASSWORD)
        self.sent = {}   # seq -> body sent
        self.counter = 0

    def start(self):
        """Starts the server and waits for the POP3 listener too (bound after SMTP's)."""
        self.server.start()

        def listening():
            try:
                socket.create_connection(("127.0.0.1", self.pop3_port), timeout=1).close()
                return True
            except OSError:
                return False
        self.assertTrue(wait_for(listening), "the POP3 listener did not come up")

    def deliver(self, count):
        with smtplib.SMTP("127.0.0.1", self.server.port, timeout=TIMEOUT) as smtp:
            for _ in range(count):
                self.counter += 1
                seq = f"m{self.counter}"
                body = f"message {seq}\r\n" + ("z" * 70 + "\r\n") * (1 + self.counter % 7) * (300 if self.counter % 5 == 0 else 1)
                self.sent[seq] = body.encode()
                smtp.sendmail("sender@client.test", ["bob@localhost"],
                              f"Subject: {seq}\r\nX-Seq: {seq}\r\n\r\n{body}".encode())

    def mailbox(self):
        """seq -> stored message, read over POP3 (which also checks the server serves it)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            pop = poplib.POP3("127.0.0.1", self.pop3_port, timeout=TIMEOUT)
            try:
                pop.user("bob")
                pop.pass_(PASSWORD)
                break
            except poplib.error_proto as error:
                # The previous session's lock goes when the server has seen it close.
                pop.close()
                if b"IN-USE" not in error.args[0] or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        found = {}
        for n in range(1, pop.stat()[0] + 1):
            message = b"\r\n".join(pop.retr(n)[1]) + b"\r\n"
            seq = seq_of(message)
            self.assertNotIn(seq, found, f"{seq} is in the maildrop twice")
            found[seq] = message
        pop.quit()
        return found

    def check_intact(self, found, round):
        for seq, message in found.items():
            self.assertTrue(message.endswith(self.sent[seq]), f"round {round}: {seq} is not intact")
        db = self.server.datadir / "carrier.sqlite"
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=TIMEOUT) as conn:
            self.assertEqual(conn.execute("PRAGMA integrity_check").fetchone()[0], "ok", f"round {round}")

    def dele_then_quit(self, indexes, delay):
        """DELEs `indexes` (1-based), says QUIT and kills the server `delay`
        seconds later (a negative delay kills before QUIT is sent); returns
        the answer to QUIT, or None when none came."""
        sock = socket.create_connection(("127.0.0.1", self.pop3_port), timeout=TIMEOUT)
        reader = sock.makefile("rb")
        try:
            self.assertTrue(reader.readline().startswith(b"+OK"))
            for command in ("USER bob", f"PASS {PASSWORD}", *(f"DELE {i}" for i in indexes)):
                sock.sendall(command.encode() + b"\r\n")
                line = reader.readline()
                self.assertTrue(line.startswith(b"+OK"), (command, line))
            if delay < 0:
                self.server.kill()
                return None
            sock.sendall(b"QUIT\r\n")
            time.sleep(delay)
            self.server.kill()
            try:
                return reader.readline().rstrip(b"\r\n") or None
            except OSError:
                return None
        finally:
            reader.close()
            sock.close()

    def test_quit_commits_all_deletions_or_none(self):
        rng = random.Random(int(os.environ.get("RELIABILITY_SEED", "3")))
        self.start()
        self.deliver(PER_ROUND)
        outcomes = {"answered, all deleted": 0, "unanswered, all deleted": 0, "unanswered, none deleted": 0}
        deleted_total = 0
        for round in range(ROUNDS):
            before = self.mailbox()
            order = sorted(before, key=lambda s: int(s[1:]))   # the maildrop lists in UID order
            chosen = sorted(rng.sample(range(1, len(order) + 1), rng.randint(1, len(order) - 1)))
            doomed = {order[i - 1] for i in chosen}
            delay = rng.choice([-1, 0, 0.0005, 0.001, 0.002, 0.004, 0.01, 0.05])
            answer = self.dele_then_quit(chosen, delay)
            self.start()
            after = self.mailbox()
            self.check_intact(after, round)
            kept = set(before) - doomed
            self.assertTrue(kept <= set(after), f"round {round}: messages not deleted are gone: {sorted(kept - set(after))}")
            self.assertTrue(set(after) <= set(before), f"round {round}: unknown messages appeared")
            gone = doomed - set(after)
            if delay < 0:
                self.assertEqual(gone, set(), f"round {round}: killed before QUIT, yet messages were deleted")
            if answer is not None:
                self.assertTrue(answer.startswith(b"+OK"), answer)
                self.assertEqual(gone, doomed, f"round {round}: QUIT answered +OK but not every DELE took effect")
                outcomes["answered, all deleted"] += 1
            else:
                self.assertIn(gone, (set(), doomed), f"round {round}: a partial set was deleted: {sorted(gone)} of {sorted(doomed)}")
                outcomes["unanswered, all deleted" if gone else "unanswered, none deleted"] += 1
            deleted_total += len(gone)
            self.deliver(PER_ROUND - len(after))
        # A session that ends without QUIT never enters the UPDATE state (RFC 1939 §6).
        sock = socket.create_connection(("127.0.0.1", self.pop3_port), timeout=TIMEOUT)
        reader = sock.makefile("rb")
        reader.readline()
        for command in ("USER bob", f"PASS {PASSWORD}", "DELE 1"):
            sock.sendall(command.encode() + b"\r\n")
            self.assertTrue(reader.readline().startswith(b"+OK"))
        reader.close()
        sock.close()
        self.assertEqual(len(self.mailbox()), PER_ROUND)
        self.server.stop()
        print(f"\nPOP3 kill rounds: {ROUNDS} kills around QUIT, {deleted_total} messages deleted; "
              f"{', '.join(f'{k}: {v}' for k, v in outcomes.items())}; never a partial set", file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
