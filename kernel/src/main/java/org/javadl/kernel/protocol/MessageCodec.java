package org.javadl.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.internal.Streams;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns ZMQ frames into {@link WireMessage}s and back, signing and verifying with the
 * connection file's HMAC key.
 *
 * <p>Verification is strict: with a key configured, a message whose signature is missing, wrong,
 * or a replay of one already seen is rejected with a reason, so the caller can drop and log it
 * without ever executing it. Comparison is constant-time.
 */
public final class MessageCodec {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    /** Signatures remembered to detect replays (the same bound ipykernel uses). */
    private static final int REPLAY_MEMORY = 1 << 16;

    private final byte[] key;
    private final String algorithm;
    private final ThreadLocal<Mac> macs;
    private final String session = UUID.randomUUID().toString();
    private final Map<String, Boolean> seenSignatures = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REPLAY_MEMORY;
                }
            });

    /** Thrown for frames that must be dropped; the message says why (for the log). */
    public static final class RejectedMessage extends Exception {
        public RejectedMessage(String reason) {
            super(reason, null, false, false);
        }
    }

    public MessageCodec(String key, String signatureScheme) {
        this.key = key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8);
        String scheme = signatureScheme == null || signatureScheme.isEmpty() ? "hmac-sha256" : signatureScheme;
        if (!scheme.startsWith("hmac-")) {
            throw new IllegalArgumentException("unsupported signature scheme " + scheme);
        }
        this.algorithm = "Hmac" + scheme.substring("hmac-".length()).toUpperCase().replace("-", "");
        this.macs = ThreadLocal.withInitial(this::newMac);
        if (this.key.length > 0) {
            newMac(); // fail at start-up, not on the first message, if the JDK lacks the algorithm
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create " + algorithm, e);
        }
    }

    public String session() {
        return session;
    }

    String sign(byte[]... parts) {
        if (key.length == 0) {
            return "";
        }
        Mac mac = macs.get();
        for (byte[] p : parts) {
            mac.update(p);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Parses and verifies one multipart message. */
    public WireMessage decode(List<byte[]> frames) throws RejectedMessage {
        int delim = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (MessageDigest.isEqual(frames.get(i), DELIMITER)) {
                delim = i;
                break;
            }
        }
        if (delim < 0) {
            throw new RejectedMessage("no <IDS|MSG> delimiter in " + frames.size() + " frames");
        }
        if (frames.size() < delim + 6) {
            throw new RejectedMessage("truncated message: " + (frames.size() - delim - 1) + " frames after the delimiter, need 5");
        }
        byte[] signature = frames.get(delim + 1);
        byte[] header = frames.get(delim + 2);
        byte[] parent = frames.get(delim + 3);
        byte[] metadata = frames.get(delim + 4);
        byte[] content = frames.get(delim + 5);
        if (key.length > 0) {
            if (signature.length == 0) {
                throw new RejectedMessage("missing signature");
            }
            byte[] expected = sign(header, parent, metadata, content).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, signature)) {
                throw new RejectedMessage("bad signature");
            }
            String sig = new String(signature, StandardCharsets.US_ASCII);
            if (seenSignatures.putIfAbsent(sig, Boolean.TRUE) != null) {
                throw new RejectedMessage("replayed message (signature already seen)");
            }
        }
        JsonObject h = parseObject(header, "header");
        JsonElement type = h.get("msg_type");
        if (type == null || !type.isJsonPrimitive() || type.getAsString().isEmpty()) {
            throw new RejectedMessage("header has no msg_type");
        }
        JsonElement id = h.get("msg_id");
        if (id == null || !id.isJsonPrimitive()) {
            throw new RejectedMessage("header has no msg_id");
        }
        List<byte[]> ids = new ArrayList<>(frames.subList(0, delim));
        List<byte[]> buffers = new ArrayList<>(frames.subList(delim + 6, frames.size()));
        return new WireMessage(ids, h, parseObject(parent, "parent_header"), parseObject(metadata, "metadata"),
                parseObject(content, "content"), buffers);
    }

    /**
     * Strict JSON only. The base kernel's Gson 2.8.5 parses leniently (comments, unquoted names,
     * single quotes, ';' separators, trailing garbage), which would let a malformed but signed
     * message run; the wire format is JSON, so anything else is rejected.
     */
    static JsonObject parseObject(byte[] bytes, String what) throws RejectedMessage {
        for (byte b : bytes) {
            if ((b & 0xFF) < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                throw new RejectedMessage(what + " contains a raw control character");
            }
        }
        try (JsonReader reader = new JsonReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            reader.setLenient(false);
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new RejectedMessage(what + " is not a JSON object");
            }
            JsonElement e = Streams.parse(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new RejectedMessage(what + " has text after the JSON object");
            }
            return e.getAsJsonObject();
        } catch (RejectedMessage r) {
            throw r;
        } catch (IOException | RuntimeException ex) {
            throw new RejectedMessage(what + " is not valid JSON: " + ex.getMessage());
        } catch (StackOverflowError deep) {
            // Gson's tree parser recurses once per nesting level: a hostile frame nested 100,000
            // levels deep must cost a rejection, not the channel's thread.
            throw new RejectedMessage(what + " is nested too deeply");
        }
    }

    /** Builds a new header for a message of {@code type}. */
    public JsonObject header(String type) {
        JsonObject h = new JsonObject();
        h.addProperty("msg_id", UUID.randomUUID().toString());
        h.addProperty("session", session);
        h.addProperty("username", "kernel");
        h.addProperty("date", Instant.now().toString());
        h.addProperty("msg_type", type);
        h.addProperty("version", "5.3");
        return h;
    }

    /** Encodes a message to frames (identities, delimiter, signature, 4 JSON parts, buffers). */
    public List<byte[]> encode(List<byte[]> identities, JsonObject header, JsonObject parent,
                               JsonObject metadata, JsonObject content) {
        byte[] h = utf8(header);
        byte[] p = utf8(parent == null ? new JsonObject() : parent);
        byte[] m = utf8(metadata == null ? new JsonObject() : metadata);
        byte[] c = utf8(content);
        List<byte[]> frames = new ArrayList<>(identities.size() + 6);
        frames.addAll(identities);
        frames.add(DELIMITER);
        frames.add(sign(h, p, m, c).getBytes(StandardCharsets.US_ASCII));
        frames.add(h);
        frames.add(p);
        frames.add(m);
        frames.add(c);
        return frames;
    }

    private static byte[] utf8(JsonObject o) {
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }
}
