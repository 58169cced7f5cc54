package dev.stratc.brokers.kis.mock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One 모의투자 account at the mock and the {@code config/accounts.yaml} a user would write for it, its secrets as
 * {@code ${ENV}} placeholders: what a paper run against the mock starts from.
 */
public final class MockPaperAccount {
    public static final String ID = "KIS_PAPER";
    public static final String APP_KEY = "PSpaper000000000000000000000000000CD";
    public static final String APP_SECRET = "s".repeat(180);
    public static final String ACCOUNT_NUMBER = "50000002-01";

    private MockPaperAccount() {
    }

    /** Opens the account at the mock with {@code cash} won. */
    public static void open(MockKis kis, long cash) {
        kis.addAccount(APP_KEY, APP_SECRET, true, ACCOUNT_NUMBER, "paperhts", cash);
    }

    /** The environment variables the file's placeholders name. */
    public static Map<String, String> environment() {
        return Map.of("KIS_APP_KEY", APP_KEY, "KIS_APP_SECRET", APP_SECRET, "KIS_ACCOUNT", ACCOUNT_NUMBER);
    }

    /**
     * Writes the accounts file, addresses pointing at the mock, the account the default route, tokens cached
     * beside the file (a setting, not a secret; without it they would go to the user's cache directory).
     */
    public static Path writeAccountsFile(Path file, MockKis kis) throws IOException {
        return writeAccountsFile(file, kis, "");
    }

    /** The same file with {@code moreSettings} (YAML lines, each ending in a newline) added to the account. */
    public static Path writeAccountsFile(Path file, MockKis kis, String moreSettings) throws IOException {
        String indented = moreSettings.lines().map(line -> "    " + line + "\n").reduce("", String::concat);
        return Files.writeString(file, """
                accounts:
                  - id: %s
                    broker: kis
                    environment: paper
                    app_key: ${KIS_APP_KEY}
                    app_secret: ${KIS_APP_SECRET}
                    account_number: ${KIS_ACCOUNT}
                    hts_id: paperhts
                    rest_url: %s
                    ws_url: %s
                    token_cache_dir: %s
                    hashkey: false
                %srouting:
                  default: %s
                """.formatted(ID, kis.restUrl(), kis.webSocketUrl(), file.resolveSibling("kis-tokens"), indented, ID));
    }
}
