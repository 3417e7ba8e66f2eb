package org.javadl.kernel;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import org.javadl.kernel.display.DisplayWarmup;
import org.javadl.kernel.engine.JavaEngine;
import org.javadl.kernel.protocol.KernelProtocol;
import org.javadl.kernel.protocol.KernelServer;
import org.javadl.kernel.protocol.MessageCodec;
import org.javadl.kernel.protocol.WireMessage;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The short session {@code --train} runs, so that the install script's start-up archive (CDS on
 * JDK 17, the AOT cache on 25) holds what a real session loads: a kernel bound to loopback
 * sockets, driven over ZeroMQ with signed messages the way a front end drives it (kernel_info,
 * cells with results, errors and output, completion, inspection, is_complete, history), plus the
 * display warm-up. Classes that only a real session loaded used to come from the jar at every
 * start (~700 of them: ZeroMQ, Gson's adapters, HMAC, the protocol classes).
 */
final class Training {
    private static final Logger LOG = Logger.getLogger(Training.class.getName());
    private static final List<String> CELLS = List.of(
            "1 + 1",
            "int x = 3; x * 2",
            "String s = \"abc\"; s.length()",
            "sigmoid(0.5)",
            "var t = tensor(new double[][]{{1, 2}, {3, 4}}); t",
            "List.of(1, 2, 3).stream().map(i -> i * i).toList()",
            "System.out.println(\"out\"); System.err.println(\"err\");",
            "void f() { throw new IllegalStateException(\"x\"); }",
            "f()",
            "int y = \"no\";",
            "plot(x -> Math.sin(x), 0, 2 * Math.PI)",
            "%time 2 + 2");

    private Training() {
    }

    static void run(PrintStream log) throws Exception {
        String key = UUID.randomUUID().toString();
        JsonObject conn = connection(key);
        KernelConnectionProperties props = KernelConnectionProperties.parse(conn.toString());
        JavaEngine engine = JavaEngine.standard();
        DisplayWarmup.startInBackground();
        KernelServer server = new KernelServer(props, new MessageCodec(key, "hmac-sha256"));
        KernelProtocol kernel = new KernelProtocol(server, new JavaKernel(engine), Main.DEFAULT_OUTPUT_LIMIT, () -> { });
        PrintStream out = System.out;
        PrintStream err = System.err;
        kernel.installStreams();
        server.start(kernel);
        try (ZContext context = new ZContext()) {
            Client client = new Client(context, conn, new MessageCodec(key, "hmac-sha256"));
            client.request(client.control, "kernel_info_request", new JsonObject());
            client.request(client.shell, "kernel_info_request", new JsonObject());
            for (String cell : CELLS) {
                JsonObject content = new JsonObject();
                content.addProperty("code", cell);
                content.addProperty("silent", false);
                content.addProperty("store_history", true);
                content.add("user_expressions", new JsonObject());
                content.addProperty("allow_stdin", false);
                client.request(client.shell, "execute_request", content);
            }
            client.request(client.shell, "complete_request", codeAt("Math.ab", 7));
            client.request(client.shell, "inspect_request", codeAt("Math.abs", 8));
            JsonObject isComplete = new JsonObject();
            isComplete.addProperty("code", "for (int i = 0; i < 3; i++) {");
            client.request(client.shell, "is_complete_request", isComplete);
            JsonObject history = new JsonObject();
            history.addProperty("hist_access_type", "tail");
            history.addProperty("n", 10);
            client.request(client.shell, "history_request", history);
            client.drainIopub();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        DisplayWarmup.await(60, TimeUnit.SECONDS);
        server.close(1000);
        engine.close();
        log.println("training session done");
    }

    private static JsonObject codeAt(String code, int cursor) {
        JsonObject o = new JsonObject();
        o.addProperty("code", code);
        o.addProperty("cursor_pos", cursor);
        o.addProperty("detail_level", 0);
        return o;
    }

    private static JsonObject connection(String key) throws IOException {
        JsonObject c = new JsonObject();
        c.addProperty("transport", "tcp");
        c.addProperty("ip", "127.0.0.1");
        for (String name : List.of("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")) {
            c.addProperty(name, freePort());
        }
        c.addProperty("key", key);
        c.addProperty("signature_scheme", "hmac-sha256");
        c.addProperty("kernel_name", "java-dl");
        return c;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A minimal front end: DEALER sockets for shell and control, SUB for IOPub. */
    private static final class Client {
        final ZMQ.Socket shell;
        final ZMQ.Socket control;
        final ZMQ.Socket iopub;
        private final MessageCodec codec;

        Client(ZContext context, JsonObject conn, MessageCodec codec) {
            this.codec = codec;
            String base = "tcp://127.0.0.1:";
            shell = context.createSocket(SocketType.DEALER);
            control = context.createSocket(SocketType.DEALER);
            iopub = context.createSocket(SocketType.SUB);
            iopub.subscribe(new byte[0]);
            for (ZMQ.Socket s : List.of(shell, control, iopub)) {
                s.setReceiveTimeOut(60_000);
                s.setLinger(0);
            }
            shell.connect(base + conn.get("shell_port").getAsInt());
            control.connect(base + conn.get("control_port").getAsInt());
            iopub.connect(base + conn.get("iopub_port").getAsInt());
        }

        /** Sends a request and waits for its reply (decoded and checked like any incoming message). */
        void request(ZMQ.Socket socket, String type, JsonObject content) throws MessageCodec.RejectedMessage {
            JsonObject header = codec.header(type);
            List<byte[]> frames = codec.encode(List.of(), header, null, null, content);
            for (int i = 0; i < frames.size(); i++) {
                socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
            }
            ZMsg reply = ZMsg.recvMsg(socket);
            if (reply == null) {
                throw new IllegalStateException("no reply to " + type + " within 60 s");
            }
            WireMessage m = codec.decode(frames(reply));
            if (!m.type().equals(type.replace("_request", "_reply"))) {
                LOG.warning("training: unexpected reply " + m.type() + " to " + type);
            }
        }

        void drainIopub() {
            iopub.setReceiveTimeOut(200);
            ZMsg m;
            while ((m = ZMsg.recvMsg(iopub)) != null) {
                try {
                    codec.decode(frames(m));
                } catch (MessageCodec.RejectedMessage e) {
                    LOG.warning("training: bad IOPub message: " + e.getMessage());
                }
            }
        }

        private static List<byte[]> frames(ZMsg msg) {
            List<byte[]> frames = new ArrayList<>();
            msg.forEach(f -> frames.add(f.getData()));
            return frames;
        }
    }
}
