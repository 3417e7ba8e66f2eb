package org.javadl.kernel.protocol;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageCodecTest {
    private final MessageCodec codec = new MessageCodec("secret", "hmac-sha256");

    private List<byte[]> signed(String header, String parent, String metadata, String content) {
        byte[][] parts = {bytes(header), bytes(parent), bytes(metadata), bytes(content)};
        List<byte[]> frames = new ArrayList<>();
        frames.add(bytes("client-id"));
        frames.add(MessageCodec.DELIMITER);
        frames.add(bytes(codec.sign(parts)));
        frames.addAll(List.of(parts));
        return frames;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String HEADER = "{\"msg_id\": \"1\", \"msg_type\": \"execute_request\", \"session\": \"s\"}";

    @Test
    void aValidMessageRoundTrips() throws Exception {
        WireMessage m = codec.decode(signed(HEADER, "{}", "{}", "{\"code\": \"1+1\"}"));
        assertEquals("execute_request", m.type());
        assertEquals("1+1", m.content().get("code").getAsString());
        assertEquals("client-id", new String(m.identities().get(0), StandardCharsets.UTF_8));
    }

    @Test
    void encodedMessagesVerify() throws Exception {
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        JsonObject header = codec.header("kernel_info_reply");
        List<byte[]> frames = codec.encode(List.of(bytes("id")), header, new JsonObject(), new JsonObject(), content);
        assertEquals("kernel_info_reply", codec.decode(frames).type());
    }

    @Test
    void badMissingAndReplayedSignaturesAreRejected() throws Exception {
        List<byte[]> good = signed(HEADER.replace("\"1\"", "\"2\""), "{}", "{}", "{}");
        List<byte[]> tampered = new ArrayList<>(good);
        tampered.set(6, bytes("{\"code\": \"System.exit(0)\"}"));
        assertThrows(MessageCodec.RejectedMessage.class, () -> codec.decode(tampered));
        List<byte[]> unsigned = new ArrayList<>(good);
        unsigned.set(2, new byte[0]);
        assertThrows(MessageCodec.RejectedMessage.class, () -> codec.decode(unsigned));
        codec.decode(good);
        MessageCodec.RejectedMessage replay = assertThrows(MessageCodec.RejectedMessage.class, () -> codec.decode(good));
        assertTrue(replay.getMessage().contains("replayed"));
    }

    @Test
    void lenientJsonIsRejectedEvenWhenSigned() {
        for (String content : new String[]{"{code: \"1\"}", "/* c */ {\"code\": \"1\"}", "{\"a\": 1; \"b\": 2}",
                "{'code': '1'}", "{\"code\": \"1\"} trailing", "", "[]", "{\"a\": \"\u0001\"}"}) {
            assertThrows(MessageCodec.RejectedMessage.class, () -> codec.decode(signed(HEADER, "{}", "{}", content)), content);
        }
    }

    @Test
    void framingErrorsAreRejected() {
        assertThrows(MessageCodec.RejectedMessage.class, () -> codec.decode(List.of(bytes("no delimiter"))));
        List<byte[]> truncated = new ArrayList<>(signed(HEADER, "{}", "{}", "{}").subList(0, 5));
        assertThrows(MessageCodec.RejectedMessage.class, () -> codec.decode(truncated));
        assertThrows(MessageCodec.RejectedMessage.class,
                () -> codec.decode(signed("{\"msg_id\": \"9\"}", "{}", "{}", "{}")), "no msg_type");
    }
}
