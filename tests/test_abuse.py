"""Hostile input on the kernel's ZMQ sockets, sent with raw pyzmq on loopback.

The kernel is started by ``jupyter_client`` (the ``fresh_kernel`` / ``start_kernel`` fixtures);
its ports and HMAC key come from ``KernelManager.get_connection_info()``. We then talk to the
sockets directly, bypassing ``jupyter_client.Session``, so we can send what a well-behaved client
never would: random bytes, truncated multipart messages, invalid JSON, headers without
``msg_type``/``msg_id``, unknown message types, bad/missing/forged signatures, replays of a
captured valid request, and a 100 MB frame.

Every forged request that *could* do harm is an ``execute_request`` whose code adds 1000 to a
``counter`` variable in the kernel and writes a marker file. After each barrage the kernel must:

* still be running (process alive) and answer heartbeats on a fresh socket,
* have executed none of it (``counter`` unchanged, marker file absent),
* answer the next valid request.

The measured counts (sent, rejected, seconds) are printed with ``-s`` and written to
``test-artifacts/abuse-stats.json`` (git-ignored).
"""
from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import os
import random
import time
import uuid
from pathlib import Path

import pytest
import zmq

from conftest import REPO

ARTIFACTS = REPO / "test-artifacts"
DELIM = b"<IDS|MSG>"
SEED = 20240611
N_RANDOM = int(os.environ.get("JAVADL_ABUSE_RANDOM", "10000"))
STATS: dict = {}


# =============================================================================== raw wire helpers
class Wire:
    """Raw ZMQ access to one kernel: signing, sockets, heartbeat, side-effect checks."""

    def __init__(self, handle, tmp_path: Path):
        self.h = handle
        self.ci = handle.km.get_connection_info()
        key = self.ci["key"]
        self.key = key if isinstance(key, bytes) else key.encode()
        assert self.key, "the kernel must be started with an HMAC key for these tests"
        scheme = self.ci.get("signature_scheme") or "hmac-sha256"
        self.digest = getattr(hashlib, scheme.split("-", 1)[1])
        self.ctx = zmq.Context()
        self.sockets: list[zmq.Socket] = []
        self.marker = tmp_path / "forged-marker"
        self.session = uuid.uuid4().hex
        self.expected_counter = 0
        # replies to other requests that roundtrip() read past, per socket (see pending())
        self.stray: dict[int, list[list[bytes]]] = {}
        # A counter that only forged requests would push by 1000, and a marker file they would write.
        handle.run("int counter = 0;")
        self.forged_code = (f"counter += 1000; java.nio.file.Files.writeString("
                            f"java.nio.file.Path.of({json.dumps(str(self.marker))}), \"forged\");")
        # sanity: the forged code *does* work when sent properly (so "not executed" means something)
        probe = tmp_path / "probe"
        handle.run(self.forged_code.replace(str(self.marker), str(probe)) + " counter -= 1000;")
        assert probe.read_text() == "forged"
        assert handle.value("counter") == "0"

    # ------------------------------------------------------------------ sockets
    def url(self, port_name: str) -> str:
        ci = self.ci
        if ci["transport"] == "ipc":
            return f"ipc://{ci['ip']}-{ci[port_name]}"
        return f"{ci['transport']}://{ci['ip']}:{ci[port_name]}"

    def socket(self, kind: int, port_name: str, identity: bytes | None = None) -> zmq.Socket:
        s = self.ctx.socket(kind)
        s.linger = 0
        s.sndhwm = 0  # never drop on our side: every message we count as sent is really sent
        s.rcvhwm = 0
        if identity is not None:
            s.identity = identity
        s.connect(self.url(port_name))
        self.sockets.append(s)
        return s

    def close(self):
        for s in self.sockets:
            s.close(0)
        self.ctx.term()

    # ------------------------------------------------------------------ messages
    def sign(self, *parts: bytes) -> bytes:
        m = hmac.new(self.key, digestmod=self.digest)
        for p in parts:
            m.update(p)
        return m.hexdigest().encode()

    def header(self, msg_type: str = "execute_request", **extra) -> dict:
        h = {"msg_id": uuid.uuid4().hex, "session": self.session, "username": "abuse",
             "date": datetime.datetime.now(datetime.timezone.utc).isoformat(),
             "msg_type": msg_type, "version": "5.3"}
        h.update(extra)
        return h

    @staticmethod
    def execute_content(code: str) -> dict:
        return {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                "allow_stdin": False, "stop_on_error": False}

    def parts(self, header, content, parent=None, metadata=None) -> list[bytes]:
        enc = lambda o: o if isinstance(o, bytes) else json.dumps(o).encode()  # noqa: E731
        return [enc(header), enc(parent if parent is not None else {}),
                enc(metadata if metadata is not None else {}), enc(content)]

    def signed(self, header, content, parent=None, metadata=None) -> list[bytes]:
        """A correctly signed message (frames after the identities)."""
        p = self.parts(header, content, parent, metadata)
        return [DELIM, self.sign(*p)] + p

    def forged_execute(self) -> list[bytes]:
        """A correctly signed execute_request of the forged code (to be mutated before sending)."""
        return self.signed(self.header(), self.execute_content(self.forged_code))

    # ------------------------------------------------------------------ checks
    def heartbeat(self, timeout: float = 5.0, payload: bytes = b"ping") -> bool:
        """A fresh REQ socket pings the heartbeat port; True if the same bytes come back in time."""
        s = self.ctx.socket(zmq.REQ)
        s.linger = 0
        s.connect(self.url("hb_port"))
        try:
            s.send(payload)
            if not s.poll(int(timeout * 1000)):
                return False
            return s.recv() == payload
        finally:
            s.close(0)

    def roundtrip(self, sock: zmq.Socket, msg_type="kernel_info_request", content=None, timeout=60.0) -> dict:
        """Sends a valid signed request on ``sock`` and returns the reply's content (dropping
        anything else that arrives first). Because a channel handles its messages in order, a reply
        also means that everything sent before on that channel has been processed."""
        h = self.header(msg_type)
        sock.send_multipart(self.signed(h, content or {}))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not sock.poll(int(max(0.01, deadline - time.monotonic()) * 1000)):
                break
            frames = sock.recv_multipart()
            i = frames.index(DELIM)
            parent = json.loads(frames[i + 3])
            if parent.get("msg_id") == h["msg_id"]:
                return json.loads(frames[i + 5])
            self.stray.setdefault(id(sock), []).append(frames)
        raise AssertionError(f"no reply to a valid {msg_type} within {timeout}s: the channel is stuck\n"
                             f"kernel log tail:\n{self.h.log_text()[-3000:]}")

    def pending(self, sock: zmq.Socket, wait: float = 0.0) -> list[list[bytes]]:
        """Messages the kernel sent back on ``sock`` (there should be none for rejected input),
        including those :meth:`roundtrip` skipped over on it."""
        out = self.stray.pop(id(sock), [])
        if wait:
            sock.poll(int(wait * 1000))
        while sock.poll(0):
            out.append(sock.recv_multipart())
        return out

    def assert_healthy(self, what: str):
        """Process alive, heartbeat answers, nothing forged ran, and the next valid cell runs."""
        assert not self.h.exited(), f"kernel process died after {what}\n{self.h.log_text()[-3000:]}"
        assert self.heartbeat(), f"kernel stopped answering heartbeats after {what}"
        assert not self.marker.exists(), f"a forged request wrote the marker file after {what}"
        ex = self.h.execute("counter", timeout=60)
        assert ex.status == "ok", f"next valid cell failed after {what}: {ex.content}"
        assert ex.result == str(self.expected_counter), \
            f"counter is {ex.result}, expected {self.expected_counter}: something forged executed ({what})"
        assert self.h.value("6*7") == "42"


def dropped_in_log(h) -> int:
    """How many 'dropped a message' lines the kernel wrote to its stderr so far."""
    return h.log_text().count("dropped a message")


@pytest.fixture
def wire(fresh_kernel, tmp_path):
    w = Wire(fresh_kernel, tmp_path)
    yield w
    w.close()


def record(name: str, **numbers):
    STATS[name] = numbers
    print(f"\n[abuse] {name}: " + ", ".join(f"{k}={v}" for k, v in numbers.items()))
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "abuse-stats.json").write_text(json.dumps(STATS, indent=2))


# =============================================================================== random bytes
@pytest.mark.timeout(400)
def test_random_bytes_10000(wire):
    """N_RANDOM (10,000) seeded random multipart messages on shell and control (random bytes on
    the heartbeat port: test_heartbeat_survives_malformed_pings)."""
    rng = random.Random(SEED)
    shell = wire.socket(zmq.DEALER, "shell_port")
    control = wire.socket(zmq.DEALER, "control_port")

    def rbytes(n):
        return rng.randbytes(n)

    def random_message():
        kind = rng.random()
        frames = [rbytes(rng.choice((0, 1, 7, 64, 300, rng.randrange(2000)))) for _ in range(rng.randrange(1, 9))]
        if kind < 0.35:
            # put the delimiter somewhere, followed by something signature-like: exercises the HMAC path
            at = rng.randrange(len(frames) + 1)
            sig = rng.choice((b"", rbytes(32).hex().encode(), rbytes(rng.randrange(80))))
            frames[at:at] = [DELIM, sig]
        elif kind < 0.5:
            # plausible JSON frames with a random signature
            h = wire.header(rng.choice(("execute_request", "kernel_info_request", "shutdown_request",
                                        "interrupt_request", rbytes(6).hex())))
            frames = [DELIM, rbytes(32).hex().encode()] + wire.parts(h, wire.execute_content(wire.forged_code))
        return frames

    t0 = time.perf_counter()
    sent = {"shell": 0, "control": 0}
    for i in range(N_RANDOM):
        frames = random_message()
        if rng.random() < 0.6:
            shell.send_multipart(frames)
            sent["shell"] += 1
        else:
            control.send_multipart(frames)
            sent["control"] += 1
    t_send = time.perf_counter() - t0
    # A valid request behind the garbage on each channel: once it is answered, all of it was handled.
    assert wire.roundtrip(shell)["status"] == "ok"
    assert wire.roundtrip(control)["status"] == "ok"
    t_total = time.perf_counter() - t0
    # Nothing but the two kernel_info replies came back: every random message was dropped.
    stray = wire.pending(shell, 0.5) + wire.pending(control)
    assert stray == [], f"the kernel answered random bytes: {stray[:3]!r}"
    wire.assert_healthy("10,000 random messages")
    total = sum(sent.values())
    assert total == N_RANDOM
    record("random_bytes", sent=total, **{f"sent_{k}": v for k, v in sent.items()},
           answered=0, rejected_or_ignored=sent["shell"] + sent["control"],
           rejected_logged=dropped_in_log(wire.h), seconds_send=round(t_send, 2),
           seconds_until_processed=round(t_total, 2),
           kernel_rss_mib=round(wire.h.rss_mib(), 1))


# =============================================================================== truncated frames
def test_truncated_messages(wire):
    shell = wire.socket(zmq.DEALER, "shell_port")
    control = wire.socket(zmq.DEALER, "control_port")
    sent = 0
    t0 = time.perf_counter()
    for sock in (shell, control):
        good = wire.forged_execute()  # [DELIM, sig, h, p, m, c]
        variants = [good[:k] for k in range(len(good))]            # cut after k frames (0..5)
        variants += [good[1:], [b""] + good[1:], good[:1] + good[2:]]  # no delimiter / no signature
        variants += [[b""] * 6, [DELIM] + [b""] * 5, [b"id"] * 3]
        for i in range(2, 6):
            # one JSON frame cut short, keeping the original signature (so: bad signature)
            for cut in (0, 1, len(good[i]) // 2, len(good[i]) - 1):
                v = list(good)
                v[i] = v[i][:cut]
                variants.append(v)
                if cut:
                    # ... and re-signed over the cut frames (a valid signature over invalid JSON;
                    # the empty frame is covered by test_lenient_json_is_not_executed)
                    r = list(v)
                    r[1] = wire.sign(*r[2:6])
                    variants.append(r)
        for v in variants:
            sock.send_multipart(v) if v else sock.send(b"")
            sent += 1
    assert wire.roundtrip(shell)["status"] == "ok"
    assert wire.roundtrip(control)["status"] == "ok"
    assert wire.pending(shell, 0.3) + wire.pending(control) == []
    wire.assert_healthy("truncated messages")
    record("truncated", sent=sent, answered=0, rejected_logged=dropped_in_log(wire.h),
           seconds=round(time.perf_counter() - t0, 2))


# =============================================================================== invalid JSON
INVALID_JSON = [
    b"{", b"}", b"{\"msg_type\": ", b"nul", b"[1, 2]", b"\"execute_request\"", b"42", b"true",
    b"\xff\xfe\xfa", b"{\"a\": 1}}", b"{\"a\": 1} trailing", b"\x00" * 100,
]
DEEP_JSON = [b"[" * 100_000, b"{\"a\":" * 100_000, b"[" * 2_000_000, b"{\"a\": " + b"[" * 2_000_000]


def test_invalid_json_in_each_frame(wire):
    """Correctly signed messages whose header, parent, metadata or content is not a JSON object.
    The signature is valid, so these reach the JSON parser, which must reject them."""
    shell = wire.socket(zmq.DEALER, "shell_port")
    control = wire.socket(zmq.DEALER, "control_port")
    sent = 0
    t0 = time.perf_counter()
    for sock in (shell, control):
        for bad in INVALID_JSON:
            for slot in range(4):  # header, parent_header, metadata, content
                p = wire.parts(wire.header(), wire.execute_content(wire.forged_code))
                p[slot] = bad
                sock.send_multipart([DELIM, wire.sign(*p)] + p)
                sent += 1
        # each channel is still being served after the deep nesting
        assert wire.roundtrip(sock)["status"] == "ok"
    stray = wire.pending(shell, 0.3) + wire.pending(control)
    assert stray == [], f"the kernel answered a message with invalid JSON: {stray[:2]!r}"
    wire.assert_healthy("invalid JSON")
    record("invalid_json", sent=sent, answered=0, rejected_logged=dropped_in_log(wire.h),
           seconds=round(time.perf_counter() - t0, 2))


def test_deeply_nested_json_does_not_kill_channel(wire):
    """Correctly signed frames nested 100,000 to 2,000,000 levels deep are rejected, and each
    channel keeps being served."""
    shell = wire.socket(zmq.DEALER, "shell_port")
    control = wire.socket(zmq.DEALER, "control_port")
    for sock in (shell, control):
        for bad in DEEP_JSON:
            for slot in (0, 3):  # header, content
                p = wire.parts(wire.header(), wire.execute_content(wire.forged_code))
                p[slot] = bad
                sock.send_multipart([DELIM, wire.sign(*p)] + p)
        assert wire.roundtrip(sock, timeout=30)["status"] == "ok"
    assert wire.pending(shell, 0.3) + wire.pending(control) == []
    wire.assert_healthy("deeply nested JSON")


def lenient_variants(wire) -> list[tuple[str, list[bytes]]]:
    """Signed execute_requests of the forged code where one frame is text that only a lenient
    parser takes for a JSON object: an empty frame, single quotes, unquoted names, comments,
    ';' between members, a raw control character inside a string."""
    code = json.dumps(wire.forged_code)
    content_texts = [
        "{'code': %s}" % code.replace("'", "\\'").replace('"', "'"),
        "{code: %s}" % code,
        "/* c */ {\"code\": %s}" % code,
        "{\"code\": %s; \"silent\": false}" % code,
        "{\"code\": %s, \"x\": \"\x01\"}" % code,
    ]
    other_texts = ["", "{'a': 'b'}", "{a: b}", "/* c */ {}", "{\"a\": 1; \"b\": 2}", "{\"a\": \"\x01\"}"]
    h = wire.header()
    header_texts = [json.dumps(h).replace('"', "'"), "# c\n" + json.dumps(h)]
    out = []
    for slot, texts in ((0, header_texts), (1, other_texts), (2, other_texts), (3, content_texts)):
        for t in texts:
            p = wire.parts(wire.header(), wire.execute_content(wire.forged_code))
            p[slot] = t.encode()
            out.append((f"{('header', 'parent_header', 'metadata', 'content')[slot]}={t[:40]!r}",
                        [DELIM, wire.sign(*p)] + p))
    return out


def test_lenient_json_is_not_executed(wire):
    """Text that is not JSON (the messaging spec's frames are JSON objects) in a signed
    execute_request must get the message dropped, as jupyter_client/ipykernel do, not executed."""
    shell = wire.socket(zmq.DEALER, "shell_port")
    ran = []
    for name, frames in lenient_variants(wire):
        shell.send_multipart(frames)
        wire.roundtrip(shell)
        wire.pending(shell, 0.05)
        if wire.marker.exists():
            ran.append(name)
            wire.marker.unlink()
            wire.h.run("counter -= 1000;")
    assert ran == [], f"the kernel accepted invalid JSON and ran the cell for: {ran}"
    wire.assert_healthy("lenient JSON")


# =============================================================================== missing header fields
def test_missing_header_fields(wire):
    shell = wire.socket(zmq.DEALER, "shell_port")
    control = wire.socket(zmq.DEALER, "control_port")
    content = wire.execute_content(wire.forged_code)
    sent = 0
    for sock in (shell, control):
        headers = [{}]
        for drop in ("msg_type", "msg_id"):
            h = wire.header()
            del h[drop]
            headers.append(h)
        for field in ("msg_type", "msg_id"):
            for value in (None, "" if field == "msg_type" else None, [], {}, ["execute_request"],
                          {"msg_type": "execute_request"}):
                h = wire.header()
                h[field] = value
                headers.append(h)
        for h in headers:
            sock.send_multipart(wire.signed(h, content))
            sent += 1
        assert wire.roundtrip(sock)["status"] == "ok"
    stray = wire.pending(shell, 0.3) + wire.pending(control)
    assert stray == [], f"the kernel answered a header without msg_type/msg_id: {stray[:2]!r}"
    wire.assert_healthy("headers without msg_type / msg_id")

    # Optional header fields missing, and content fields of the wrong type: the kernel may run or
    # refuse these (they are signed), but it must answer and stay up. Benign code only.
    benign = wire.execute_content("1+1")
    odd = []
    for drop in ("session", "username", "date", "version"):
        h = wire.header()
        del h[drop]
        odd.append((h, benign))
    for bad_content in ({}, {"code": None}, {"code": 12}, {"code": {"a": 1}}, {"code": ["1+1", "2"]},
                        {"code": "1+1", "silent": "yes", "store_history": [], "user_expressions": 5,
                         "allow_stdin": {}, "stop_on_error": "no"},
                        {"code": "1+1", "user_expressions": {"e": {"not": "a string"}}}):
        odd.append((wire.header(), bad_content))
    for msg_type in ("complete_request", "inspect_request", "is_complete_request", "history_request"):
        odd.append((wire.header(msg_type), {}))
        odd.append((wire.header(msg_type), {"code": 5, "cursor_pos": "x"}))
        odd.append((wire.header(msg_type), {"code": "Math.", "cursor_pos": 10 ** 9}))
        odd.append((wire.header(msg_type), {"code": "Math.", "cursor_pos": -5}))
    for h, c in odd:
        shell.send_multipart(wire.signed(h, c))
        sent += 1
        # each of these is answered (status ok or error), never left hanging
        frames = wire.pending(shell, 30)
        assert frames, f"no reply to {h['msg_type']} {c!r}: the shell channel is stuck"
        reply = json.loads(frames[0][frames[0].index(DELIM) + 5])
        assert reply.get("status") in ("ok", "error", "aborted", "complete", "incomplete", "invalid", "unknown"), \
            (c, reply)
    wire.assert_healthy("odd header fields and content types")
    record("missing_header_fields", sent=sent, answered_odd=len(odd),
           rejected_logged=dropped_in_log(wire.h))


def test_wrong_user_expression_type_does_not_leave_stale_cell(wire):
    """An execute_request whose user_expressions hold a non-string must get *one* coherent reply,
    and later output must not be attributed to it."""
    shell = wire.socket(zmq.DEALER, "shell_port")
    h = wire.header()
    shell.send_multipart(wire.signed(h, {"code": "counter += 0;", "user_expressions": {"e": [1, 2]}}))
    frames = wire.pending(shell, 30)
    assert len(frames) == 1, frames
    wire.assert_healthy("a user_expressions of the wrong type")


# =============================================================================== unknown message types
UNKNOWN_TYPES = ["execute_requestX", "EXECUTE_REQUEST", "execute_reply", "execute_input", "execute_result",
                 "input_reply", "input_request", "status", "stream", "display_data", "shutdown_reply",
                 "x", " execute_request", "execute_request\x00", "exécute_request", "\ud7ff" * 3,
                 "debug_request", "usage_request", "apply_request", "abort_request", "clear_request",
                 "comm_msg", "comm_close", "a" * 100_000, "42"]


def test_unknown_message_types(wire):
    shell = wire.socket(zmq.DEALER, "shell_port")
    control = wire.socket(zmq.DEALER, "control_port")
    content = wire.execute_content(wire.forged_code)
    content.update({"comm_id": uuid.uuid4().hex, "target_name": "jupyter.widget", "data": {"code": wire.forged_code}})
    sent = 0
    t0 = time.perf_counter()
    for sock in (shell, control):
        for t in UNKNOWN_TYPES:
            sock.send_multipart(wire.signed(wire.header(t), content))
            sent += 1
        # msg_type of another JSON type
        for t in (7, 1.5, True):
            h = wire.header()
            h["msg_type"] = t
            sock.send_multipart(wire.signed(h, content))
            sent += 1
        assert wire.roundtrip(sock)["status"] == "ok"
    stray = wire.pending(shell, 0.3) + wire.pending(control)
    types = [json.loads(f[f.index(DELIM) + 2])["msg_type"] for f in stray]
    # debug_request / usage_request may legitimately get a reply saying "unsupported"; nothing runs
    assert all(t.endswith("_reply") for t in types), types
    wire.assert_healthy("unknown message types")
    record("unknown_types", sent=sent, answered=len(stray), seconds=round(time.perf_counter() - t0, 2))


# =============================================================================== signatures
def test_bad_and_missing_signatures(wire):
    shell = wire.socket(zmq.DEALER, "shell_port")
    control = wire.socket(zmq.DEALER, "control_port")
    sent = 0
    other_key = hmac.new(b"not-the-key", digestmod=hashlib.sha256)
    for sock in (shell, control):
        for mutate in range(14):
            h = wire.header()
            p = wire.parts(h, wire.execute_content(wire.forged_code))
            good = wire.sign(*p)
            sig = {
                0: b"",
                1: b"0" * 64,
                2: hashlib.sha256(b"".join(p)).hexdigest().encode(),          # unkeyed hash
                3: (lambda m: (m.update(b"".join(p)), m.hexdigest().encode())[1])(other_key.copy()),
                4: good.upper(),
                5: good[:-1],
                6: good + b"0",
                7: b" " + good,
                8: wire.sign(p[0]),                                            # header only
                9: hmac.new(wire.key, b"".join(p), hashlib.sha1).hexdigest().encode(),
                10: hmac.new(wire.key, b"".join(p), hashlib.md5).hexdigest().encode(),
                11: bytes.fromhex(good.decode()),                               # raw digest, not hex
                12: wire.sign(*wire.parts(wire.header(), wire.execute_content("1+1"))),  # another message's
                13: good,                                                       # valid, then body changed
            }[mutate]
            if mutate == 13:
                p[3] = json.dumps(wire.execute_content(wire.forged_code + " counter += 1;")).encode()
            sock.send_multipart([DELIM, sig] + p)
            sent += 1
        # a valid signature with the frames in the wrong order
        p = wire.parts(wire.header(), wire.execute_content(wire.forged_code))
        sock.send_multipart([DELIM, wire.sign(*p), p[3], p[1], p[2], p[0]])
        sent += 1
        assert wire.roundtrip(sock)["status"] == "ok"
    assert wire.pending(shell, 0.3) + wire.pending(control) == []
    wire.assert_healthy("bad and missing signatures")
    record("bad_signatures", sent=sent, answered=0, rejected_logged=dropped_in_log(wire.h))


# =============================================================================== replays
def test_replayed_execute_request_runs_once(wire):
    shell = wire.socket(zmq.DEALER, "shell_port")
    control = wire.socket(zmq.DEALER, "control_port")
    other = wire.socket(zmq.DEALER, "shell_port", identity=b"another-client")
    h = wire.header()
    frames = wire.signed(h, wire.execute_content("counter++;"))
    shell.send_multipart(frames)  # the one legitimate execution
    replies = wire.pending(shell, 30)
    assert replies and json.loads(replies[0][replies[0].index(DELIM) + 5])["status"] == "ok", replies
    wire.expected_counter = 1
    sent = 0
    for _ in range(5):
        shell.send_multipart(frames)
        sent += 1
    control.send_multipart(frames)
    other.send_multipart(frames)
    other.send_multipart([b"fake-identity"] + frames)
    other.send_multipart(frames + [b"extra buffer frame"])  # buffers are not signed: still a replay
    sent += 4
    # replay on the stdin channel too (it is read only while a cell waits for input)
    stdin = wire.socket(zmq.DEALER, "stdin_port")
    stdin.send_multipart(frames)
    sent += 1
    for s in (shell, other):
        assert wire.roundtrip(s)["status"] == "ok"
    assert wire.roundtrip(control)["status"] == "ok"
    stray = wire.pending(shell, 0.3) + wire.pending(control) + wire.pending(other)
    assert stray == [], f"a replayed request was answered: {stray[:2]!r}"
    wire.assert_healthy("replayed execute_request")  # counter == 1: ran exactly once
    # and a kernel-signed message captured from IOPub is no key to the shell either
    sub = wire.socket(zmq.SUB, "iopub_port")
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    time.sleep(0.3)
    wire.h.run("counter += 0;")
    captured = wire.pending(sub, 2)
    assert captured, "nothing captured on IOPub"
    for f in captured:
        shell.send_multipart(f[f.index(DELIM):])
        sent += 1
    assert wire.roundtrip(shell)["status"] == "ok"
    assert wire.pending(shell, 0.3) == []
    wire.assert_healthy("kernel-signed IOPub messages replayed to shell")
    record("replay", sent=sent, executed=1, answered_replays=0, rejected_logged=dropped_in_log(wire.h))


# =============================================================================== 100 MB
@pytest.mark.timeout(300)
def test_100_mb_frames(wire):
    shell = wire.socket(zmq.DEALER, "shell_port")
    control = wire.socket(zmq.DEALER, "control_port")
    big = random.Random(SEED).randbytes(100 << 20)
    t0 = time.perf_counter()
    rss0 = wire.h.rss_mib()
    # 1) a 100 MB frame of random bytes as the header, random signature
    shell.send_multipart([DELIM, b"0" * 64, big, b"{}", b"{}", b"{}"])
    # 2) a lone 100 MB frame (no delimiter) on control
    control.send_multipart([big])
    # 3) a correctly signed, valid-JSON 100 MB message of an unknown type
    blob = json.dumps({"blob": "a" * (100 << 20), "code": wire.forged_code}).encode()
    p = wire.parts(wire.header("big_request"), blob)
    shell.send_multipart([DELIM, wire.sign(*p)] + p)
    # 4) a correctly signed execute_request whose 100 MB *metadata* is not JSON
    p = wire.parts(wire.header(), wire.execute_content(wire.forged_code))
    p[2] = big
    shell.send_multipart([DELIM, wire.sign(*p)] + p)
    assert wire.roundtrip(shell, timeout=120)["status"] == "ok"
    assert wire.roundtrip(control, timeout=120)["status"] == "ok"
    # 5) a 100 MB heartbeat ping is echoed
    assert wire.heartbeat(timeout=60, payload=big), "a 100 MB heartbeat ping was not echoed"
    assert wire.pending(shell, 0.3) + wire.pending(control) == []
    wire.assert_healthy("100 MB frames")
    record("100mb", sent=5, bytes_sent=4 * (100 << 20) + len(blob), answered=0,
           seconds=round(time.perf_counter() - t0, 2),
           rss_before_mib=round(rss0, 1), rss_after_mib=round(wire.h.rss_mib(), 1))


# =============================================================================== heartbeat channel
def test_heartbeat_survives_malformed_pings(wire):
    """A two-frame ping, an empty ping, DEALER garbage without a REQ envelope and 500 seeded
    random multipart messages must not stop the heartbeat. The heartbeat is unauthenticated, so
    any local process can send these; a front end that sees the heartbeat stop declares the
    kernel dead."""
    req = wire.socket(zmq.REQ, "hb_port")
    req.send_multipart([b"ping", b"second frame"])
    req.poll(2000)  # an echo is fine, silence is fine: what matters is the next ping
    assert wire.heartbeat(), "heartbeat stopped answering after a two-frame ping (kernel looks dead to the front end)"
    dealer = wire.socket(zmq.DEALER, "hb_port")
    for frames in ([b"x"], [b"", b""], [b"", b"a", b"b"], [b"a", b"", b"b"], [b""] * 5):
        dealer.send_multipart(frames)
        wire.pending(dealer, 0.2)
        assert wire.heartbeat(), f"heartbeat stopped after DEALER frames {frames!r}"
    rng = random.Random(SEED + 1)
    for _ in range(500):
        dealer.send_multipart([rng.randbytes(rng.randrange(64)) for _ in range(rng.randrange(1, 5))])
    wire.pending(dealer, 0.5)
    assert wire.heartbeat(), "heartbeat stopped after 500 random multipart messages"
    assert wire.heartbeat(payload=b"")
    wire.assert_healthy("malformed heartbeat pings")


# =============================================================================== logging
def test_rejections_are_logged(wire):
    """Dropped messages are logged to the kernel's stderr (with the reason), not silently lost."""
    shell = wire.socket(zmq.DEALER, "shell_port")
    shell.send_multipart([b"no delimiter"])
    shell.send_multipart([DELIM, b"0" * 64] + wire.parts(wire.header(), {}))
    wire.roundtrip(shell)
    time.sleep(0.3)
    log = wire.h.log_text()
    assert dropped_in_log(wire.h) >= 2, f"kernel stderr has no 'dropped a message' lines; it is:\n{log[-2000:]!r}"
    assert "bad signature" in log
