"""Load (issue 8), bounded in count and time, loopback only: 1,000 concurrent
SMTP sessions each delivering messages, and 1,000 concurrent IMAP sessions
doing SELECT, FETCH, STORE and IDLE, all at once for a bounded time. Zero
protocol errors and zero lost messages; p99 latency and the server's resident
memory are printed for RELIABILITY.md.

The sessions are spread over LOAD_USERS (default 20) mailboxes, 50 sessions
each, as on a server with many users. LOAD_SESSIONS (default 1000) and
LOAD_SECONDS (default 20) scale it."""

import asyncio
import os
import resource
import smtplib
import ssl
import sys
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "interop"))

from carrier_harness import CarrierServer, free_port, mailbox_messages, wait_for  # noqa: E402

SESSIONS = int(os.environ.get("LOAD_SESSIONS", "1000"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "20"))
USERS = int(os.environ.get("LOAD_USERS", "20"))
PASSWORD = "correct horse battery"


class Stats:
    def __init__(self):
        self.latencies = []
        self.errors = []
        self.acked = 0

    def p(self, q):
        data = sorted(self.latencies)
        return data[min(len(data) - 1, int(q * len(data)))] if data else float("nan")


async def read_reply(reader):
    """One SMTP reply: (code, last line)."""
    while True:
        line = await reader.readline()
        if not line:
            raise ConnectionError("closed")
        if line[3:4] != b"-":
            return int(line[:3]), line


async def smtp_session(port, n, deadline, stats):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        code, _ = await read_reply(reader)
        assert code == 220, code
        writer.write(b"EHLO load.test\r\n")
        assert (await read_reply(reader))[0] == 250
        count = 0
        while time.monotonic() < deadline:
            count += 1
            started = time.monotonic()
            body = (f"Subject: load {n}-{count}\r\nX-Load: {n}-{count}\r\n\r\n" + ("x" * 70 + "\r\n") * 20).encode()
            writer.write(f"MAIL FROM:<load@client.test>\r\nRCPT TO:<user{n % USERS}@localhost>\r\nDATA\r\n".encode())
            for expected in (250, 250, 354):
                code, line = await read_reply(reader)
                if code != expected:
                    raise AssertionError(f"expected {expected}, got {line!r}")
            writer.write(body + b".\r\n")
            code, line = await read_reply(reader)
            if code != 250:
                raise AssertionError(f"DATA answered {line!r}")
            stats.acked += 1
            stats.latencies.append(time.monotonic() - started)
            await asyncio.sleep(0.5)
        writer.write(b"QUIT\r\n")
        await read_reply(reader)
        writer.close()
    except Exception as error:  # every failure is a protocol error for this test
        stats.errors.append(f"smtp {n}: {error!r}")


async def imap_command(reader, writer, tag, command):
    writer.write(f"{tag} {command}\r\n".encode())
    while True:
        line = await reader.readline()
        if not line:
            raise ConnectionError("closed")
        if line.startswith(f"{tag} ".encode()):
            if not line.startswith(f"{tag} OK".encode()):
                raise AssertionError(f"{command}: {line!r}")
            return


async def imap_login(port, n, stats):
    """A logged-in IMAP connection with INBOX selected, or None after an error."""
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 22)
        await reader.readline()
        await imap_command(reader, writer, "a", f'LOGIN user{n % USERS} "{PASSWORD}"')
        await imap_command(reader, writer, "b", "SELECT INBOX")
        return reader, writer
    except Exception as error:
        stats.errors.append(f"imap login {n}: {error!r}")
        return None


async def imap_session(connection, n, deadline, stats):
    if connection is None:
        return
    reader, writer = connection
    try:
        step = 0
        while time.monotonic() < deadline:
            step += 1
            started = time.monotonic()
            if step % 3 == 0:
                writer.write(b"i IDLE\r\n")
                while not (line := await reader.readline()).startswith(b"+"):
                    if not line.startswith(b"* "):  # untagged updates may come first
                        raise AssertionError(f"IDLE: {line!r}")
                await asyncio.sleep(1.0)
                writer.write(b"DONE\r\n")
                while not (line := await reader.readline()).startswith(b"i "):
                    if not line:
                        raise ConnectionError("closed in IDLE")
                if not line.startswith(b"i OK"):
                    raise AssertionError(f"IDLE ended {line!r}")
            elif step % 3 == 1:
                await imap_command(reader, writer, f"f{step}", "FETCH 1:5 (FLAGS ENVELOPE)")
            else:
                await imap_command(reader, writer, f"s{step}", "STORE 1 +FLAGS.SILENT (\\Flagged)")
            stats.latencies.append(time.monotonic() - started)
            await asyncio.sleep(0.5)
        await imap_command(reader, writer, "z", "LOGOUT")
        writer.close()
    except Exception as error:
        stats.errors.append(f"imap {n}: {error!r}")


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        return {line.split(":")[0]: int(line.split()[1]) for line in status if line.startswith(("VmRSS", "VmHWM"))}


class ConcurrentSessionsTest(unittest.TestCase):
    def test_thousand_smtp_and_thousand_imap_sessions(self):
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))
        imap_port = free_port()
        server = CarrierServer({"imap_listen": f"127.0.0.1:{imap_port}", "disable_plaintext_auth": "no",
                                "smtpd_client_connection_count_limit": "0"})
        self.addCleanup(server.cleanup)
        for user in range(USERS):
            server.add_user(f"user{user}", PASSWORD)
        server.start()
        # Five messages to FETCH; the IMAP logins (PBKDF2 each) happen before the clock starts.
        smtp, imap = Stats(), Stats()
        with smtplib.SMTP("127.0.0.1", server.port) as client:
            for n in range(5):
                client.sendmail("load@client.test", [f"user{u}@localhost" for u in range(USERS)], f"Subject: seed {n}\r\n\r\nseed\r\n")
        smtp.acked += 5 * USERS

        async def run():
            connections = await asyncio.gather(*(imap_login(imap_port, n, imap) for n in range(SESSIONS)))
            deadline = time.monotonic() + SECONDS
            await asyncio.gather(*(smtp_session(server.port, n, deadline, smtp) for n in range(SESSIONS)),
                                 *(imap_session(c, n, deadline, imap) for n, c in enumerate(connections)))
        started = time.monotonic()
        asyncio.run(run())
        memory = resident_kib(server.process.pid)
        def stored_count():
            return sum(len(mailbox_messages(server.datadir, f"user{u}")) for u in range(USERS))
        stored = wait_for(lambda: stored_count() >= smtp.acked or None, timeout=30)
        count = stored_count()
        print(f"\n{SESSIONS} SMTP + {SESSIONS} IMAP sessions on {USERS} mailboxes for {SECONDS:.0f}s ({time.monotonic() - started:.0f}s with logins): "
              f"{smtp.acked} messages acknowledged, {count} stored, SMTP p50/p99 {smtp.p(0.5) * 1000:.1f}/{smtp.p(0.99) * 1000:.1f} ms, "
              f"IMAP p50/p99 {imap.p(0.5) * 1000:.1f}/{imap.p(0.99) * 1000:.1f} ms over {len(imap.latencies)} commands, "
              f"server VmRSS {memory['VmRSS'] // 1024} MiB (peak {memory['VmHWM'] // 1024} MiB), "
              f"errors {len(smtp.errors)}+{len(imap.errors)}", file=sys.stderr)
        self.assertEqual(smtp.errors, [], smtp.errors[:5])
        self.assertEqual(imap.errors, [], imap.errors[:5])
        self.assertTrue(stored)
        self.assertGreater(len(imap.latencies), SESSIONS, "the IMAP sessions ran their commands")
        self.assertEqual(count, smtp.acked, "every acknowledged message is stored, once")


if __name__ == "__main__":
    unittest.main()
