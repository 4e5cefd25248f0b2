#!/usr/bin/env python3
"""SMTP acceptance-latency load: S concurrent sessions, each sending M messages
of SIZE bytes, reusing its connection (RSET-free: MAIL/RCPT/DATA per message).
Prints messages/second over the whole run and p50/p99 latency of one message
(MAIL FROM sent -> 250 after the final dot received). Loopback only."""
import argparse
import asyncio
import statistics
import time


async def read_reply(reader):
    lines = []
    while True:
        line = await reader.readline()
        if not line:
            raise ConnectionError("server closed the connection")
        lines.append(line)
        if len(line) < 4 or line[3:4] == b" ":
            return int(line[:3]), lines


async def session(host, port, count, body, rcpt, latencies, errors):
    reader, writer = await asyncio.open_connection(host, port)
    await read_reply(reader)
    writer.write(b"EHLO bench.client\r\n")
    await read_reply(reader)
    for _ in range(count):
        started = time.perf_counter()
        writer.write(b"MAIL FROM:<bench@client.test>\r\nRCPT TO:<" + rcpt + b">\r\nDATA\r\n")
        codes = [(await read_reply(reader))[0] for _ in range(3)]
        if codes != [250, 250, 354]:
            errors.append(codes)
            writer.write(b"RSET\r\n")
            await read_reply(reader)
            continue
        writer.write(body + b".\r\n")
        code, _ = await read_reply(reader)
        if code != 250:
            errors.append([code])
        latencies.append(time.perf_counter() - started)
    writer.write(b"QUIT\r\n")
    await writer.drain()
    writer.close()


def make_body(size):
    header = b"From: bench@client.test\r\nTo: bench\r\nSubject: load\r\n\r\n"
    line = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\r\n"
    body = header
    while len(body) < size:
        body += line
    return body


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--sessions", type=int, default=20)
    p.add_argument("--messages", type=int, default=50, help="per session")
    p.add_argument("--size", type=int, default=2048)
    p.add_argument("--rcpt", default="bench@localhost")
    a = p.parse_args()
    body = make_body(a.size)
    latencies, errors = [], []
    started = time.perf_counter()
    await asyncio.gather(*[session(a.host, a.port, a.messages, body, a.rcpt.encode(), latencies, errors)
                           for _ in range(a.sessions)])
    elapsed = time.perf_counter() - started
    latencies.sort()
    p50 = statistics.median(latencies) * 1000 if latencies else 0
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000 if latencies else 0
    print(f"accepted={len(latencies) - len(errors)} errors={len(errors)} seconds={elapsed:.2f} "
          f"msgs_per_s={len(latencies) / elapsed:.0f} p50_ms={p50:.1f} p99_ms={p99:.1f}")


asyncio.run(main())
