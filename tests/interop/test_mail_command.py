"""`carrier mail`, the mailx-compatible user agent, against the real binary (issue 3).

Sends with `carrier mail -s` through the maildrop while the server runs, reads
Carrier accounts and mbox files with piped commands, and drives an interactive
session in a real terminal under tmux (send-keys / capture-pane).
"""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import unittest
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from carrier_harness import TIMEOUT, carrier_bin, start_server, wait_for  # noqa: E402

#: Two messages in mbox form: a new one from Alice, one from Bob with a UTF-8 subject.
TWO_MESSAGES = (
    "From alice@example.test  Sun Nov 29 09:41:18 2026\n"
    "From: Alice <alice@example.test>\n"
    "To: carol@localhost\n"
    "Subject: Lunch on Friday\n"
    "Message-ID: <lunch@example.test>\n"
    "\n"
    "Shall we meet at noon?\n"
    ">From the kitchen, with love.\n"
    "\n"
    "From bob@example.test  Mon Nov 30 10:00:00 2026\n"
    "From: Bob <bob@example.test>\n"
    "Subject: =?utf-8?q?Caf=C3=A9_order?=\n"
    "\n"
    "Two espressos.\n"
    "\n"
)


def message_flags(datadir, account: str) -> list:
    """The flags of `account`'s INBOX messages in UID order, read from the store."""
    conn = sqlite3.connect(f"file:{Path(datadir) / 'carrier.sqlite'}?mode=ro", uri=True, timeout=TIMEOUT)
    try:
        rows = conn.execute(
            "SELECT m.flags FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id "
            "JOIN users u ON u.id = b.user_id WHERE u.address = ? AND b.name = 'INBOX' ORDER BY m.uid",
            (account,),
        ).fetchall()
    finally:
        conn.close()
    return [row[0].split() for row in rows]


def mbox_messages(path) -> list:
    """The messages of an mbox file, split at From_ lines that follow an empty line."""
    messages, current, previous_empty = [], None, True
    for line in Path(path).read_text(encoding="utf-8").split("\n"):
        if previous_empty and line.startswith("From "):
            current = [line]
            messages.append(current)
        elif current is not None:
            current.append(line)
        previous_empty = line == ""
    return ["\n".join(m) for m in messages]


def ensure_tmux() -> str:
    """Why tmux cannot be used, or "" when it is installed (installing it with apt-get if needed)."""
    if shutil.which("tmux"):
        return ""
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (sudo + ["apt-get", "update", "-qq"], sudo + ["apt-get", "install", "-y", "-qq", "tmux"]):
        try:
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300, check=False)
        except (OSError, subprocess.TimeoutExpired) as e:
            return f"tmux is not installed and apt-get failed: {e}"
    return "" if shutil.which("tmux") else "tmux is not installed and `apt-get install tmux` did not install it"


class TmuxTerminal:
    """One command in a detached tmux session on a private tmux server (`-L`)."""

    def __init__(self, command: str, width=100, height=30):
        self.socket = f"carrier-mail-test-{os.getpid()}-{time.monotonic_ns()}"
        self.tmux(
            "new-session", "-d", "-s", "mail", "-x", str(width), "-y", str(height),
            f"{command}; echo EXIT=$?; sleep 60",
        )

    def tmux(self, *args) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                timeout=TIMEOUT, check=True)
        return result.stdout.decode("utf-8", "replace")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "mail")

    def type_line(self, text: str) -> None:
        self.tmux("send-keys", "-t", "mail", "-l", text)
        self.tmux("send-keys", "-t", "mail", "Enter")

    def prompts(self) -> int:
        """How many `& ` prompts the screen shows (capture-pane drops the trailing blank)."""
        return sum(1 for line in self.screen().split("\n") if re.match(r"&( |$)", line))

    def wait_for_prompts(self, count: int) -> str:
        """The screen once it shows `count` prompts."""
        if not wait_for(lambda: self.prompts() >= count):
            raise AssertionError(f"terminal never showed {count} prompts:\n{self.screen()}")
        return self.screen()

    def wait_for(self, text: str) -> str:
        """The screen once it shows `text`; fails with the screen if it never does."""
        screen = wait_for(lambda: text in self.screen() and self.screen())
        if not screen:
            raise AssertionError(f"terminal never showed {text!r}:\n{self.screen()}")
        return screen

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=TIMEOUT, check=False)


class MailCommandTests(unittest.TestCase):
    maxDiff = 4000

    def write_mbox(self, server, name="box.mbox", text=TWO_MESSAGES) -> Path:
        path = server.root / name
        path.write_text(text, encoding="utf-8")
        return path

    # -- sending ------------------------------------------------------------------

    def test_send_reaches_the_mailbox(self):
        server = start_server(self, users=["alice"])
        result = server.cli("mail", "-s", "Grüße from carrier mail", "-b", "alice@localhost", "alice@localhost",
                            input="Hello Alice,\nthis went through the maildrop.\n")
        self.assertEqual(result.stdout, b"")
        stored = wait_for(lambda: server.messages("alice"))
        self.assertEqual(len(stored), 1, f"not delivered within {TIMEOUT}s; log:\n{server.mail_log()[-2000:]}")
        message = stored[0]
        self.assertIn(b"\r\nSubject: =?utf-8?", message)
        self.assertNotIn(b"\r\nBcc:", message)
        self.assertIn(b"\r\nMIME-Version: 1.0\r\n", message)
        self.assertTrue(message.endswith(b"\r\n\r\nHello Alice,\r\nthis went through the maildrop.\r\n"), message[-300:])

    def test_send_refuses_a_header_injection_and_a_missing_attachment(self):
        server = start_server(self, users=["alice"], start=False)
        missing = server.cli("mail", "-a", str(server.root / "absent.pdf"), "alice@localhost", input="x\n", check=False)
        self.assertEqual(missing.returncode, 66, missing.stderr)
        self.assertIn(b"cannot read attachment", missing.stderr)
        server.cli("mail", "-s", "hi\r\nBcc: evil@example.test", "alice@localhost", input="body\n")
        drop = server.datadir / "maildrop"
        files = [p for p in drop.iterdir() if not p.name.startswith(".")]
        self.assertEqual(len(files), 1)
        envelope, _, content = files[0].read_bytes().partition(b"\n")
        self.assertNotIn(b"evil", envelope)
        header = content.split(b"\r\n\r\n", 1)[0]
        self.assertEqual([line for line in header.split(b"\r\n") if line.lower().startswith(b"subject:")],
                         [b"Subject: hi Bcc: evil@example.test"])
        self.assertNotIn(b"\r\nBcc:", header)
        usage = server.cli("mail", "-s", "no recipient", check=False)
        self.assertEqual(usage.returncode, 64, usage.stderr)

    # -- reading with piped commands ----------------------------------------------

    def test_piped_commands_read_the_account_mailbox(self):
        server = start_server(self, users=["alice"])
        server.cli("mail", "-s", "first", "alice@localhost", input="one\n")
        server.cli("mail", "-s", "second", "alice@localhost", input="two\n")
        self.assertEqual(len(wait_for(lambda: len(server.messages("alice")) == 2 and server.messages("alice"))), 2,
                         server.mail_log()[-2000:])
        result = server.cli("mail", "-u", "alice", input="p 1\nd 2\nq\n")
        out = result.stdout.decode()
        self.assertIn('"carrier:alice/INBOX": 2 messages 2 new', out)
        self.assertRegex(out, r"(?m)^>N  1 \S+\s+.*first$")
        self.assertIn("Message 1:\n", out)
        self.assertIn("\none\n", out)
        self.assertIn("Held 1 message in carrier:alice/INBOX", out)
        flags = message_flags(server.datadir, "alice")
        self.assertEqual(len(flags), 1, "message 2 was not expunged")
        self.assertIn("\\Seen", flags[0])

    def test_piped_commands_print_delete_and_quit_an_mbox(self):
        server = start_server(self, start=False)
        path = self.write_mbox(server)
        result = server.cli("mail", "-f", str(path), input="p 1\nd 2\nq\n")
        out = result.stdout.decode()
        self.assertIn(f'"{path}": 2 messages 2 new\n', out)
        self.assertRegex(out, r"(?m)^>N  1 alice@example\.tes  Sun Nov 29 09:41 +\d+/\d+ +Lunch on Friday$")
        self.assertRegex(out, r"(?m)^ N  2 bob@example\.test   Mon Nov 30 10:00 +\d+/\d+ +Café order$")
        self.assertIn("Message 1:\nFrom alice@example.test  Sun Nov 29 09:41:18 2026\n", out)
        self.assertIn("\nFrom the kitchen, with love.\n", out)
        messages = mbox_messages(path)
        self.assertEqual(len(messages), 1, path.read_text())
        self.assertIn("\nStatus: RO\n", messages[0])
        self.assertIn("\n>From the kitchen, with love.\n", messages[0])

        summary = server.cli("mail", "-H", "-f", str(path))
        self.assertRegex(summary.stdout.decode(), r"^>O  1 alice@example\.tes  ")
        self.assertEqual(mbox_messages(path), messages)

    def test_exit_changes_nothing_and_save_appends(self):
        server = start_server(self, start=False)
        path = self.write_mbox(server)
        server.cli("mail", "-f", str(path), input="d *\nx\n")
        self.assertEqual(path.read_text(encoding="utf-8"), TWO_MESSAGES)
        saved = server.root / "saved.mbox"
        out = server.cli("mail", "-f", str(path), input=f"s 2 {saved}\nq\n").stdout.decode()
        self.assertRegex(out, rf'"{saved}" \[New file\]')
        self.assertEqual(len(mbox_messages(saved)), 1)
        self.assertIn("Subject: =?utf-8?q?Caf=C3=A9_order?=", mbox_messages(saved)[0])

    def test_no_mail_is_said_plainly(self):
        server = start_server(self, users=["alice"], start=False)
        result = server.cli("mail", "-u", "alice", check=False)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr, b"No mail for alice\n")

    # -- a real terminal ----------------------------------------------------------

    def test_interactive_session_under_tmux(self):
        reason = ensure_tmux()
        if reason:
            self.skipTest(reason)
        server = start_server(self, start=False)
        path = self.write_mbox(server)
        terminal = TmuxTerminal(f"'{carrier_bin()}' mail --config '{server.config_path}' -f '{path}'")
        self.addCleanup(terminal.close)
        screen = terminal.wait_for_prompts(1)
        self.assertIn("Type ? for help.", screen)
        self.assertIn(f'"{path}": 2 messages 2 new', screen)
        terminal.type_line("p 1")
        screen = terminal.wait_for_prompts(2)
        self.assertIn("Message 1:", screen)
        self.assertIn("Shall we meet at noon?", screen)
        terminal.type_line("d 2")
        terminal.wait_for_prompts(3)
        terminal.type_line("h")
        screen = terminal.wait_for_prompts(4)
        self.assertRegex(screen, r"(?m)^>R  1 alice@example\.tes  ")
        self.assertNotIn("bob@example.test   Mon", screen.split("& h")[-1])
        terminal.type_line("q")
        screen = terminal.wait_for("EXIT=")
        self.assertIn(f'"{path}" complete', screen)
        self.assertIn("EXIT=0", screen)
        messages = mbox_messages(path)
        self.assertEqual(len(messages), 1)
        self.assertIn("\nStatus: RO\n", messages[0])


if __name__ == "__main__":
    unittest.main()
