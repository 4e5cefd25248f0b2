"""Outbound delivery survives a crash (issue 5): a sending Carrier queues 200
messages for 3 recipients each while its `relayhost` (a second Carrier) is
down, the peer comes up, `postqueue -f` starts delivery and the sender is
SIGKILLed halfway. After a restart and another flush the queue drains: every
(message, recipient) arrived, and a message arrived twice only if it was in
flight at the kill (between the peer's 250 and the sender's queue update), so
there are at most `default_destination_concurrency_limit` duplicates (the 600
recipients fit in one queue pass, so one set of connections carries them).
Also: `transport_maps` (built with `carrier postmap`) routes a domain to the
peer while `relayhost` is empty."""
import re
import smtplib
import sqlite3
import sys
import unittest

from carrier_harness import TIMEOUT, start_server, wait_for

MESSAGES = 200
RECIPIENTS = ("r1", "r2", "r3")
CONCURRENCY = 20


def delivered_count(peer) -> int:
    """Messages in every mailbox of the peer's store, without reading bodies."""
    db = peer.datadir / "carrier.sqlite"
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=TIMEOUT)
    try:
        return conn.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def queue_is_empty(server) -> bool:
    return "Mail queue is empty" in server.cli("mailq").stdout.decode()


class OutboundRestartTests(unittest.TestCase):
    def peer(self, domain):
        """A receiving Carrier for `domain`, created but not started."""
        return start_server(self, settings={
            "myhostname": f"mx.{domain}",
            "mydestination": f"{domain}, $myhostname",
        }, users=RECIPIENTS, start=False)

    def sender(self, **settings):
        return start_server(self, settings={
            "myhostname": "sender.test",
            "mydestination": "$myhostname, localhost",
            "default_destination_concurrency_limit": str(CONCURRENCY),
            **settings,
        })

    def test_kill_during_delivery_loses_nothing_and_duplicates_only_in_flight(self):
        peer = self.peer("peer.test")
        sender = self.sender(relayhost=f"[127.0.0.1]:{peer.port}")
        with smtplib.SMTP("127.0.0.1", sender.port, timeout=TIMEOUT) as smtp:
            for index in range(MESSAGES):
                smtp.sendmail("alice@sender.test", [f"{r}@peer.test" for r in RECIPIENTS],
                              f"Subject: restart {index}\r\nMessage-ID: <restart.{index}@sender.test>\r\n\r\n"
                              f"message {index}\r\n".encode())
        # Every first attempt found the peer down and was deferred.
        self.assertTrue(wait_for(lambda: sender.mail_log().count("status=deferred") >= MESSAGES * len(RECIPIENTS),
                                 timeout=60), sender.mail_log()[-2000:])

        peer.start()
        sender.cli("postqueue", "-f")
        total = MESSAGES * len(RECIPIENTS)
        at_kill = wait_for(lambda: (lambda n: n if n >= total // 5 else 0)(delivered_count(peer)), timeout=60,
                           interval=0.01)
        sender.kill()
        self.assertGreater(at_kill, 0, f"delivery stalled at {delivered_count(peer)}/{total} after postqueue -f")
        self.assertLess(at_kill, total, "every message arrived before the kill; the test proves nothing")

        sender.start()
        sender.cli("postqueue", "-f")
        self.assertTrue(wait_for(lambda: queue_is_empty(sender), timeout=120),
                        f"queue not empty after restart; {delivered_count(peer)}/{total} delivered\n"
                        + sender.cli("mailq").stdout.decode()[-2000:])

        copies = {}
        for recipient in RECIPIENTS:
            for message in peer.messages(recipient):
                index = int(re.search(rb"Subject: restart (\d+)", message).group(1))
                copies[(index, recipient)] = copies.get((index, recipient), 0) + 1
        missing = [(i, r) for i in range(MESSAGES) for r in RECIPIENTS if (i, r) not in copies]
        self.assertEqual(missing, [], "lost (message, recipient) pairs")
        duplicated = sorted({index for (index, _), count in copies.items() if count > 1})
        extra = sum(count - 1 for count in copies.values())
        print(f"\n  outbound restart: {at_kill}/{total} deliveries before SIGKILL; "
              f"{len(duplicated)} message(s) sent twice ({extra} extra mailbox copies): {duplicated}",
              file=sys.stderr)
        self.assertLessEqual(len(duplicated), CONCURRENCY)
        self.assertTrue(all(count <= 2 for count in copies.values()), copies)

    def test_transport_maps_routes_a_domain_without_relayhost(self):
        peer = self.peer("example.test")
        peer.start()
        table = peer.root / "transport"
        table.write_text(f"example.test smtp:[127.0.0.1]:{peer.port}\n")
        sender = start_server(self, settings={
            "myhostname": "sender.test",
            "mydestination": "$myhostname, localhost",
            "relayhost": "",
            "transport_maps": f"hash:{table}",
        }, start=False)
        sender.cli("postmap", f"hash:{table}")
        self.assertEqual(sender.cli("postmap", "-q", "example.test", f"hash:{table}").stdout.decode().strip(),
                         f"smtp:[127.0.0.1]:{peer.port}")
        sender.start()
        with smtplib.SMTP("127.0.0.1", sender.port, timeout=TIMEOUT) as smtp:
            smtp.sendmail("alice@sender.test", ["r1@example.test"], b"Subject: by transport\r\n\r\nmapped\r\n")
        stored = wait_for(lambda: peer.messages("r1"))
        self.assertEqual(len(stored), 1, sender.mail_log())
        self.assertIn(b"Subject: by transport", stored[0])
        self.assertRegex(sender.mail_log(),
                         rf"to=<r1@example\.test>, relay=127\.0\.0\.1\[127\.0\.0\.1\]:{peer.port}, .*status=sent")
        self.assertTrue(wait_for(lambda: queue_is_empty(sender)))


if __name__ == "__main__":
    unittest.main()
