package dev.stratc.brokers.kiwoom.mock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One 모의투자 account at a {@link MockKiwoom} of the 모의투자 host, and the {@code config/accounts.yaml} entry a user
 * would write for it, its secrets as {@code ${ENV}} placeholders: what a paper run against the mock starts from.
 * Kiwoom binds the account to the app key, so the entry has no account number.
 */
public final class MockKiwoomPaperAccount {
    public static final String ID = "KIWOOM_PAPER";
    public static final String APP_KEY = "MOCKpaper00000000000000000000000KW";
    public static final String SECRET_KEY = "w".repeat(40);

    private MockKiwoomPaperAccount() {
    }

    /** Opens the account at the mock with {@code cash} won. */
    public static void open(MockKiwoom kiwoom, long cash) {
        kiwoom.addAccount(APP_KEY, SECRET_KEY, cash);
    }

    /** The environment variables the entry's placeholders name. */
    public static Map<String, String> environment() {
        return Map.of("KIWOOM_MOCK_APP_KEY", APP_KEY, "KIWOOM_MOCK_SECRET_KEY", SECRET_KEY);
    }

    /**
     * The account's entry of {@code accounts:} (YAML, indented for the list), addresses pointing at the mock, tokens
     * cached in {@code tokenDir} (a setting, not a secret; without it they go to the user's cache directory).
     */
    public static String entry(MockKiwoom kiwoom, Path tokenDir) {
        return """
                  - id: %s
                    broker: kiwoom
                    environment: paper
                    app_key: ${KIWOOM_MOCK_APP_KEY}
                    secret_key: ${KIWOOM_MOCK_SECRET_KEY}
                    rest_url: %s
                    ws_url: %s
                    token_cache_dir: %s
                """.formatted(ID, kiwoom.restUrl(), kiwoom.webSocketUrl(), tokenDir);
    }

    /** A pool of this one account, the default route. */
    public static Path writeAccountsFile(Path file, MockKiwoom kiwoom) throws IOException {
        return Files.writeString(file, "accounts:\n" + entry(kiwoom, file.resolveSibling("kiwoom-tokens"))
                + "routing:\n  default: " + ID + "\n");
    }
}
