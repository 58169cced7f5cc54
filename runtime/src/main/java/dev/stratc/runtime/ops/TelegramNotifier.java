package dev.stratc.runtime.ops;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications through a Telegram bot ({@code sendMessage} of the Bot API), one message at a time on a
 * background thread, so a slow network never holds up the engine. The bot token and chat id come from
 * {@code STRATC_TELEGRAM_BOT_TOKEN} and {@code STRATC_TELEGRAM_CHAT_ID}; the token is part of the URL, so no
 * URL is ever logged.
 */
public final class TelegramNotifier implements Notifier {
    public static final String TOKEN_VARIABLE = "STRATC_TELEGRAM_BOT_TOKEN";
    public static final String CHAT_VARIABLE = "STRATC_TELEGRAM_CHAT_ID";
    private static final Logger LOG = LoggerFactory.getLogger(TelegramNotifier.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "telegram");
        thread.setDaemon(true);
        return thread;
    });
    private final URI sendMessage;
    private final String chatId;

    /** @param apiBase {@code https://api.telegram.org}, or a local mock in tests */
    public TelegramNotifier(String apiBase, String token, String chatId) {
        this.sendMessage = URI.create(apiBase + "/bot" + token + "/sendMessage");
        this.chatId = chatId;
    }

    /** The notifier the environment configures, if both variables are set. */
    public static Optional<Notifier> fromEnvironment(Function<String, String> environment) {
        String token = environment.apply(TOKEN_VARIABLE);
        String chat = environment.apply(CHAT_VARIABLE);
        if (token == null || token.isBlank() || chat == null || chat.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new TelegramNotifier("https://api.telegram.org", token, chat));
    }

    @Override
    public void send(String text) {
        sender.execute(() -> post(text));
    }

    private void post(String text) {
        String form = "chat_id=" + URLEncoder.encode(chatId, StandardCharsets.UTF_8) + "&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&disable_web_page_preview=true";
        HttpRequest request = HttpRequest.newBuilder(sendMessage).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warn("Telegram refused a notification: HTTP {} {}", response.statusCode(),
                        response.body().length() > 200 ? response.body().substring(0, 200) : response.body());
            }
        } catch (IOException e) {
            LOG.warn("cannot reach Telegram: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends what is queued (waiting at most a few seconds) and stops. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
