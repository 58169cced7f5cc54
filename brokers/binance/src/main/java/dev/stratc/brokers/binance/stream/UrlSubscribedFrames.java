package dev.stratc.brokers.binance.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import okhttp3.WebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RotatingWebSocket.Handler} of a stream whose subscription is its URL (market streams, the futures
 * listenKey stream): nothing to send on open, each text frame read as JSON (an unreadable one is logged and
 * skipped, never fatal), gaps passed on as they are.
 */
public final class UrlSubscribedFrames implements RotatingWebSocket.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(UrlSubscribedFrames.class);

    /** A frame that was read: its JSON and its text as received. */
    @FunctionalInterface
    public interface Frames {
        void frame(JsonNode frame, String text);
    }

    /** Connections were down between these instants (epoch ms). */
    @FunctionalInterface
    public interface Gaps {
        void gap(long lostAtMillis, long resumedAtMillis);
    }

    private final ObjectMapper json;
    private final String what;
    private final Frames frames;
    private final Gaps gaps;

    /** @param what how a warning names the stream ("market stream", "futures user data") */
    public UrlSubscribedFrames(ObjectMapper json, String what, Frames frames, Gaps gaps) {
        this.json = json;
        this.what = what;
        this.frames = frames;
        this.gaps = gaps;
    }

    @Override
    public void opened(WebSocket ws) {
        // the subscription is in the URL
    }

    @Override
    public void message(String text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (IOException e) {
            LOG.warn("unreadable {} frame ignored: {}", what, text);
            return;
        }
        frames.frame(frame, text);
    }

    @Override
    public void gap(long lostAtMillis, long resumedAtMillis) {
        gaps.gap(lostAtMillis, resumedAtMillis);
    }
}
