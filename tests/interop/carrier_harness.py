"""Start the real `carrier` binary for interop tests, and read what it stored.

Standard library only. Every server gets its own temporary directory (config,
data directory, logs) and an ephemeral port, so test files can run in parallel.
A server is always torn down by its test's cleanup, even when the test fails.

The binary is `$CARRIER_BIN`, else `.build/debug/carrier` under the repo root.
"""

import os
import re
import shutil
import signal
import socket
import ssl
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

#: Seconds any single network or process wait may take.
TIMEOUT = 10.0

#: The domain used for senders outside the server.
REMOTE_DOMAIN = "example.test"


def carrier_bin() -> str:
    """The carrier binary under test."""
    return os.environ.get("CARRIER_BIN") or str(REPO_ROOT / ".build" / "debug" / "carrier")


_handed_out_ports = set()


def free_port() -> int:
    """An unused TCP port on 127.0.0.1 (the kernel's choice), never one this
    process was given before: two servers made before either listens must not
    share a port (a server relaying to "another" on its own port is a loop)."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in _handed_out_ports:
            _handed_out_ports.add(port)
            return port


def crlf(text: str) -> bytes:
    """UTF-8 bytes of `text` with every line ending made CRLF."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def wait_for(predicate, timeout=TIMEOUT, interval=0.1):
    """The first truthy value of `predicate()` within `timeout` seconds, else its last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


def mailbox_messages(datadir, account: str, mailbox: str = "INBOX") -> list:
    """The stored messages (bytes, in UID order) of `account`'s `mailbox`.

    Reads `$datadir/carrier.sqlite` directly: users -> mailboxes -> messages ->
    bodies; a body whose `data` is NULL lives in the file named by `path`
    (relative paths are taken from the data directory). Raises LookupError if
    the account or mailbox does not exist.
    """
    datadir = Path(datadir)
    db = datadir / "carrier.sqlite"
    if not db.exists():
        raise LookupError(f"no store at {db}")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=TIMEOUT)
    try:
        user = conn.execute("SELECT id FROM users WHERE address = ?", (account,)).fetchone()
        if user is None:
            known = [r[0] for r in conn.execute("SELECT address FROM users")]
            raise LookupError(f"no user {account!r} in {db} (users: {known})")
        box = conn.execute(
            "SELECT id FROM mailboxes WHERE user_id = ? AND name = ?", (user[0], mailbox)
        ).fetchone()
        if box is None:
            raise LookupError(f"user {account!r} has no mailbox {mailbox!r}")
        rows = conn.execute(
            "SELECT m.uid, b.data, b.path, b.size FROM messages m "
            "JOIN bodies b ON b.hash = m.body_hash "
            "WHERE m.mailbox_id = ? ORDER BY m.uid",
            (box[0],),
        ).fetchall()
    finally:
        conn.close()
    result = []
    for uid, data, path, size in rows:
        if data is None:
            if path is None:
                raise AssertionError(f"uid {uid}: body has neither data nor path")
            p = Path(path)
            if not p.is_absolute():
                p = datadir / p
            data = p.read_bytes()
        data = bytes(data)
        if size is not None and len(data) != size:
            raise AssertionError(f"uid {uid}: body is {len(data)} bytes, bodies.size says {size}")
        result.append(data)
    return result


class SMTPConversation:
    """A raw SMTP client socket: send bytes exactly as given, read whole replies."""

    def __init__(self, port: int, host: str = "127.0.0.1", timeout: float = TIMEOUT):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buffer = b""

    def send(self, data) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.sock.sendall(data)

    def reply(self):
        """One complete (possibly multi-line) reply as (code, [text lines]).

        Raises EOFError if the server closes before a whole reply arrived.
        """
        lines = []
        while True:
            while b"\r\n" not in self.buffer:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise EOFError(f"connection closed; partial reply {lines!r} {self.buffer!r}")
                self.buffer += chunk
            line, self.buffer = self.buffer.split(b"\r\n", 1)
            text = line.decode("utf-8", "replace")
            if not re.match(r"^\d{3}[ -]", text + " "):
                raise AssertionError(f"malformed reply line {text!r}")
            lines.append(text[4:])
            if len(text) == 3 or text[3] == " ":
                return int(text[:3]), lines

    def command(self, line: str):
        """Send one command line (CRLF appended) and return its reply."""
        self.send(line + "\r\n")
        return self.reply()

    def remaining_replies(self, timeout: float = 2.0) -> list:
        """Every reply that arrives until the server closes or is silent for `timeout`."""
        self.sock.settimeout(timeout)
        replies = []
        try:
            while True:
                replies.append(self.reply())
        except (EOFError, socket.timeout, ConnectionResetError):
            pass
        finally:
            self.sock.settimeout(TIMEOUT)
        return replies

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class CarrierServer:
    """One `carrier serve` process with its own config, data directory and port.

    `settings` are extra main.cf lines (key -> value) that override the base
    config. Use `start()` / `stop()`; `cleanup()` kills whatever is left and
    removes the directory (register it with `TestCase.addCleanup`).
    """

    HOSTNAME = "mail.carrier.test"

    def __init__(self, settings=None, root=None):
        self.root = Path(root) if root else Path(tempfile.mkdtemp(prefix="carrier-interop-"))
        self.owns_root = root is None
        self.datadir = self.root / "data"
        self.config_path = self.root / "main.cf"
        self.port = free_port()
        self.host = "127.0.0.1"
        self.settings = {
            "myhostname": self.HOSTNAME,
            "mydomain": "carrier.test",
            "mydestination": "$myhostname, localhost.$mydomain, localhost",
            "data_directory": str(self.datadir),
            "smtpd_listen": f"127.0.0.1:{self.port}",
            "submission_listen": "",
            "submissions_listen": "",
            "imap_listen": "",
            "imaps_listen": "",
            "pop3_listen": "",
            "pop3s_listen": "",
        }
        self.settings.update(settings or {})
        self.process = None
        self.starts = 0
        self.write_config()

    # -- configuration and CLI ------------------------------------------------

    def write_config(self) -> None:
        lines = ["# written by tests/interop/carrier_harness.py"]
        lines += [f"{k} = {v}".rstrip() for k, v in self.settings.items()]
        self.config_path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def cli(self, *args, input=None, check=True, timeout=60):
        """Run `carrier ARGS... --config FILE`; returns the CompletedProcess."""
        cmd = [carrier_bin(), *args, "--config", str(self.config_path)]
        result = subprocess.run(
            cmd,
            input=input.encode("utf-8") if isinstance(input, str) else input,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=timeout,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"{' '.join(cmd)} exited {result.returncode}\n"
                f"stdout: {result.stdout.decode(errors='replace')}\n"
                f"stderr: {result.stderr.decode(errors='replace')}"
            )
        return result

    def add_user(self, name: str, password: str = "correct horse battery", admin=False):
        args = ["user", "add", name, "--password-stdin"] + (["--admin"] if admin else [])
        return self.cli(*args, input=password + "\n")

    def newaliases(self, text: str):
        """Write `$data_directory/aliases` and run `carrier newaliases`."""
        self.datadir.mkdir(parents=True, exist_ok=True)
        (self.datadir / "aliases").write_text(text, encoding="utf-8")
        return self.cli("newaliases")

    # -- process lifecycle ------------------------------------------------------

    @property
    def stderr_path(self) -> Path:
        return self.root / f"serve-{self.starts}.stderr"

    def spawn_serve(self, config_path=None, tag="extra"):
        """Start another `carrier serve` (not managed); output goes to files in root."""
        out = open(self.root / f"serve-{tag}.out", "wb")
        err = open(self.root / f"serve-{tag}.stderr", "wb")
        try:
            return subprocess.Popen(
                [carrier_bin(), "serve", "--config", str(config_path or self.config_path), "--quiet"],
                stdin=subprocess.DEVNULL, stdout=out, stderr=err,
            )
        finally:
            out.close()
            err.close()

    def start(self):
        """Start the server and wait until it answers with a 220 greeting."""
        assert self.process is None or self.process.poll() is not None, "already started"
        self.starts += 1
        self.process = self.spawn_serve(tag=str(self.starts))
        deadline = time.monotonic() + TIMEOUT
        last_error = None
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:
                raise AssertionError(
                    f"carrier serve exited {code} before listening on port {self.port}\n"
                    f"output: {self.output()}"
                )
            try:
                with SMTPConversation(self.port, host=self.host, timeout=2) as c:
                    code, lines = c.reply()
                    if code != 220:
                        raise AssertionError(f"greeting was {code} {lines}")
                    c.command("QUIT")
                return self
            except (ConnectionRefusedError, ConnectionResetError, EOFError, socket.timeout) as e:
                last_error = e
                time.sleep(0.05)
        self.kill()
        raise AssertionError(
            f"carrier serve not answering on 127.0.0.1:{self.port} after {TIMEOUT}s "
            f"({last_error!r})\noutput: {self.output()}"
        )

    def output(self, tag=None) -> str:
        """What a serve process wrote on stdout and stderr."""
        tag = tag or str(self.starts)
        text = ""
        for suffix in ("out", "stderr"):
            p = self.root / f"serve-{tag}.{suffix}"
            if p.exists():
                text += p.read_text(encoding="utf-8", errors="replace")
        return text[-4000:]

    def signal(self, number) -> None:
        self.process.send_signal(number)

    def stop(self, timeout=TIMEOUT) -> int:
        """SIGTERM; returns the exit status (kills and raises if it does not exit)."""
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"carrier serve did not exit within {timeout}s of SIGTERM")

    def kill(self) -> None:
        """SIGKILL (a crash) and reap."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=TIMEOUT)

    def cleanup(self) -> None:
        self.kill()
        if self.owns_root and not os.environ.get("CARRIER_KEEP_TMP"):
            shutil.rmtree(self.root, ignore_errors=True)

    # -- what the server produced ----------------------------------------------

    @property
    def mail_log_path(self) -> Path:
        return self.datadir / "log" / "mail.log"

    def mail_log(self) -> str:
        p = self.mail_log_path
        return p.read_text(encoding="utf-8", errors="replace") if p.exists() else ""

    def wait_for_log(self, pattern: str, timeout=TIMEOUT) -> re.Match:
        """The first match of regex `pattern` (multiline) in mail.log, waiting for it."""
        deadline = time.monotonic() + timeout
        while True:
            m = re.search(pattern, self.mail_log(), re.M)
            if m:
                return m
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"no line matching {pattern!r} in {self.mail_log_path}:\n{self.mail_log()[-3000:]}"
                )
            time.sleep(0.05)

    def messages(self, account: str, mailbox: str = "INBOX") -> list:
        return mailbox_messages(self.datadir, account, mailbox)


def start_server(testcase, settings=None, users=(), start=True, listeners=()) -> CarrierServer:
    """A CarrierServer torn down by `testcase`'s cleanup, with `users` created.

    `listeners` names extra services (`imap`, `imaps`, `pop3`, `pop3s`,
    `submission`...) to bind on free ports, distinct from the SMTP one; their
    ports are in `server.ports`. Settings given here win over those ports."""
    server = CarrierServer(settings)
    testcase.addCleanup(server.cleanup)
    server.ports = {}
    for name in listeners:
        port = free_port()
        server.ports[name] = port
        server.settings[f"{name}_listen"] = f"127.0.0.1:{port}"
    server.settings.update(settings or {})
    server.write_config()
    for user in users:
        server.add_user(user)
    if start:
        server.start()
    return server


def insecure_context() -> ssl.SSLContext:
    """TLS for the self-signed test certificate: encrypted, not verified."""
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def simple_message(subject="interop test", body="Hello from the interop suite.\n",
                   sender=f"sender@{REMOTE_DOMAIN}", to="bob@localhost", msgid=None) -> bytes:
    """A small RFC 5322 message as CRLF bytes."""
    msgid = msgid or f"<{time.monotonic_ns()}.{os.getpid()}@{REMOTE_DOMAIN}>"
    return crlf(
        f"From: <{sender}>\n"
        f"To: <{to}>\n"
        f"Subject: {subject}\n"
        f"Date: Sat, 29 Nov 2025 09:41:18 +0000\n"
        f"Message-ID: {msgid}\n"
        f"\n"
        f"{body}"
    )


def split_header(message: bytes):
    """(header block, body) split at the first empty line."""
    head, sep, body = message.partition(b"\r\n\r\n")
    return head, body
