package org.javadl.kernel.protocol;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.ZMsg;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The kernel's five ZMQ sockets and the threads that serve them.
 *
 * <p>Every loop blocks in {@code recv} instead of polling with a sleep (the base kernel's shell
 * loop sleeps 50 ms between polls, which puts 50 ms on every request). Shell and control run on
 * their own threads, so an {@code interrupt_request} or {@code shutdown_request} is answered while
 * a cell is running. Sockets bind only to the transport and address named in the connection file.
 *
 * <p>Only the kernel's own threads touch a socket. Iopub messages come from everywhere (the shell
 * thread, a cell's threads printing or displaying, widget callbacks), but a cell's thread can be
 * stopped at any instruction (JShell's {@code stop()} is {@code Thread.stop} on JDK 17): one stopped
 * inside jeromq's send left the ZMQ I/O thread spinning and every later message unsent. So
 * {@link #publish} only encodes and puts the message on a lock-free queue, and one thread,
 * {@code javadl-iopub}, sends them in order.
 */
public final class KernelServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KernelServer.class.getName());

    /** What the server hands incoming requests to. Called on the channel's own thread. */
    public interface Handler {
        void handle(Channel channel, WireMessage request);
    }

    /** The two request channels. */
    public enum Channel { SHELL, CONTROL }

    private final KernelConnectionProperties props;
    private final MessageCodec codec;
    private final ZMQ.Context context = ZMQ.context(1);
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket stdin;
    private final ZMQ.Socket iopub;
    private final ZMQ.Socket heartbeat;
    /** Iopub messages waiting for the iopub thread, in publishing order (lock-free: see the class comment). */
    private final ConcurrentLinkedQueue<List<byte[]>> outbox = new ConcurrentLinkedQueue<>();
    private volatile Thread iopubThread;
    private final Object stdinLock = new Object();
    private volatile boolean closed;
    private volatile Handler handler;
    private int rejected;

    public KernelServer(KernelConnectionProperties props, MessageCodec codec) {
        this.props = props;
        this.codec = codec;
        shell = socket(SocketType.ROUTER, props.getShellPort());
        control = socket(SocketType.ROUTER, props.getControlPort());
        stdin = socket(SocketType.ROUTER, props.getStdinPort());
        iopub = socket(SocketType.PUB, props.getIopubPort());
        heartbeat = socket(SocketType.REP, props.getHbPort());
    }

    private ZMQ.Socket socket(SocketType type, int port) {
        ZMQ.Socket s = context.socket(type);
        s.setLinger(1000);
        s.bind(address(port));
        return s;
    }

    private String address(int port) {
        String transport = props.getTransport();
        if ("ipc".equals(transport)) {
            return "ipc://" + props.getIp() + "-" + port;
        }
        return transport + "://" + props.getIp() + ":" + port;
    }

    /** Starts serving; requests go to {@code handler}. */
    public void start(Handler handler) {
        this.handler = Objects.requireNonNull(handler);
        Thread sender = daemon("javadl-iopub", this::iopubLoop);
        iopubThread = sender;
        sender.start();
        daemon("javadl-heartbeat", this::heartbeatLoop).start();
        daemon("javadl-control", () -> requestLoop(control, Channel.CONTROL)).start();
        // The shell thread is not a daemon: it keeps the JVM alive while the kernel serves.
        Thread shellThread = new Thread(() -> requestLoop(shell, Channel.SHELL), "javadl-shell");
        shellThread.start();
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void heartbeatLoop() {
        try {
            while (!closed) {
                // Echo whole multipart messages: a REP socket that got several frames must take
                // them all before it may answer, or it refuses to send and the heartbeat dies.
                ZMsg ping = ZMsg.recvMsg(heartbeat);
                if (ping != null) {
                    ping.send(heartbeat);
                }
            }
        } catch (ZMQException | IllegalStateException e) {
            if (!closed) {
                LOG.log(Level.FINE, "heartbeat", e);
            }
        } finally {
            closeQuietly(heartbeat);
        }
    }

    /** Sends what {@link #publish} queued; after {@link #close} it sends what is left, then closes iopub. */
    private void iopubLoop() {
        try {
            while (true) {
                List<byte[]> frames = outbox.poll();
                if (frames != null) {
                    try {
                        sendFrames(iopub, frames);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "could not publish a message", e); // the next ones still go
                    }
                } else if (closed) {
                    return;
                } else {
                    LockSupport.parkNanos(this, 1_000_000_000L);
                }
            }
        } finally {
            closeQuietly(iopub);
        }
    }

    /** Each loop closes its own socket (ZMQ sockets belong to one thread), so term() can finish. */
    private static void closeQuietly(ZMQ.Socket s) {
        try {
            s.close();
        } catch (RuntimeException ignored) {
            // already closed by a racing shutdown
        }
    }

    private void requestLoop(ZMQ.Socket socket, Channel channel) {
        try {
            while (!closed) {
                List<byte[]> frames = receive(socket);
                if (frames != null) {
                    dispatch(channel, frames);
                }
            }
        } catch (ZMQException | IllegalStateException e) {
            if (!closed) {
                LOG.log(Level.WARNING, channel + " socket failed", e);
            }
        } finally {
            closeQuietly(socket);
        }
    }

    /** The decoded message, or null after logging why it was dropped. */
    private WireMessage decodeOrDrop(Channel channel, List<byte[]> frames) {
        try {
            return codec.decode(frames);
        } catch (MessageCodec.RejectedMessage e) {
            rejected++;
            LOG.warning("dropped a message on " + channel.name().toLowerCase() + ": " + e.getMessage()
                    + " (" + rejected + " dropped so far)");
        } catch (RuntimeException | StackOverflowError e) {
            // Whatever a decoder bug throws, the channel's thread must live: a dead shell thread
            // is a kernel that never answers again.
            rejected++;
            LOG.log(Level.WARNING, "dropped an undecodable message on " + channel.name().toLowerCase(), e);
        }
        return null;
    }

    /** Receives the next multipart message, blocking; null if interrupted. */
    private static List<byte[]> receive(ZMQ.Socket socket) {
        return receive(socket, 0);
    }

    /** Receives one multipart message (flags: 0 blocks, DONTWAIT does not); null if none. */
    private static List<byte[]> receive(ZMQ.Socket socket, int flags) {
        ZMsg msg = ZMsg.recvMsg(socket, flags);
        if (msg == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>(msg.size());
        msg.forEach(f -> frames.add(f.getData()));
        msg.destroy();
        return frames;
    }

    private void dispatch(Channel channel, List<byte[]> frames) {
        WireMessage request = decodeOrDrop(channel, frames);
        if (request == null) {
            return;
        }
        try {
            handler.handle(channel, request);
        } catch (RuntimeException | Error e) {
            // A handler bug must not take the channel down with it.
            LOG.log(Level.SEVERE, "handler failed for " + request.type(), e);
        }
    }

    /** Sends a reply on the request's channel. */
    public void reply(Channel channel, WireMessage request, String type, JsonObject content) {
        ZMQ.Socket socket = channel == Channel.SHELL ? shell : control;
        List<byte[]> frames = codec.encode(request.identities(), codec.header(type), request.header(),
                new JsonObject(), content);
        send(socket, frames);
    }

    /** Publishes on iopub; safe from any thread. */
    public void publish(String type, JsonObject parentHeader, JsonObject content) {
        publish(type, parentHeader, new JsonObject(), content);
    }

    public void publish(String type, JsonObject parentHeader, JsonObject metadata, JsonObject content) {
        List<byte[]> ident = List.of(("kernel." + type).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (closed) {
            return;
        }
        outbox.add(codec.encode(ident, codec.header(type), parentHeader, metadata, content));
        Thread sender = iopubThread;
        if (sender != null) {
            LockSupport.unpark(sender);
        }
    }

    private void send(ZMQ.Socket socket, List<byte[]> frames) {
        if (closed) {
            return;
        }
        sendFrames(socket, frames);
    }

    private void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
        ZMsg msg = new ZMsg();
        frames.forEach(msg::add);
        try {
            msg.send(socket);
        } catch (ZMQException | IllegalStateException e) {
            if (!closed) {
                LOG.log(Level.WARNING, "send failed", e);
            }
        }
    }

    /**
     * Asks the front end for a line of input on the stdin channel and waits for the answer.
     * Returns null if {@code cancelled} becomes true first (an interrupt).
     */
    public String requestInput(WireMessage parentRequest, String prompt, boolean password,
                               BooleanSupplier cancelled) {
        synchronized (stdinLock) {
            JsonObject content = new JsonObject();
            content.addProperty("prompt", prompt);
            content.addProperty("password", password);
            send(stdin, codec.encode(parentRequest.identities(), codec.header("input_request"),
                    parentRequest.header(), new JsonObject(), content));
            stdin.setReceiveTimeOut(100);
            try {
                while (!closed && !cancelled.getAsBoolean()) {
                    List<byte[]> frames = receive(stdin);
                    if (frames == null) {
                        continue;
                    }
                    try {
                        WireMessage reply = codec.decode(frames);
                        if ("input_reply".equals(reply.type())) {
                            return reply.content().has("value") ? reply.content().get("value").getAsString() : "";
                        }
                        LOG.warning("ignored " + reply.type() + " on stdin");
                    } catch (MessageCodec.RejectedMessage e) {
                        LOG.warning("dropped a message on stdin: " + e.getMessage());
                    }
                }
                return null;
            } finally {
                stdin.setReceiveTimeOut(-1);
            }
        }
    }

    /** Drains requests already queued on the shell socket without blocking (for stop_on_error). */
    public List<WireMessage> pollQueuedShellRequests() {
        List<WireMessage> out = new ArrayList<>();
        for (List<byte[]> frames; (frames = receive(shell, ZMQ.DONTWAIT)) != null; ) {
            WireMessage m = decodeOrDrop(Channel.SHELL, frames);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops serving: flushes what was already sent (up to the sockets' linger) and returns within
     * {@code maxWaitMillis} even if a cell is still running on the shell thread.
     */
    public void close(long maxWaitMillis) {
        if (closed) {
            return;
        }
        closed = true;
        Thread sender = iopubThread;
        if (sender == null) {
            closeQuietly(iopub); // never started: nothing was sent
        } else {
            // what was published before the close (a shutdown_reply, the last status) still goes out
            LockSupport.unpark(sender);
            try {
                sender.join(Math.max(1, maxWaitMillis / 2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (stdinLock) {
            closeQuietly(stdin);
        }
        Thread term = daemon("javadl-term", () -> {
            try {
                context.term();
            } catch (RuntimeException ignored) {
                // already terminating
            }
        });
        term.start();
        try {
            term.join(maxWaitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(1000);
    }
}
