package dev.stratc.runtime.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code universe: kiwoom_condition("거래량급증")} in {@code config/accounts.yaml}: the run watches, and scans, the
 * symbols a broker's saved screen finds, as they enter and leave it, besides those of {@code --symbols}. Written
 * as the language writes a call; {@code account: "ID"} picks the account whose screen it is (default: the first
 * account of that broker).
 *
 * @param broker    the broker whose screens these are ({@code kiwoom})
 * @param name      the screen's name, as saved in the broker's HTS
 * @param account   the account to ask, or {@code null} for the first of the broker
 * @param where     the file and line, for messages
 */
public record ScanUniverse(String broker, String name, String account, String where) {
    private static final Pattern CALL = Pattern.compile(
            "\\s*([a-z]+)_condition\\(\\s*\"([^\"]+)\"\\s*(?:,\\s*account\\s*:\\s*\"([^\"]+)\"\\s*)?\\)\\s*");

    /** The value of {@code universe:}; the error shows the form expected. */
    static ScanUniverse parse(String text, String where) {
        Matcher m = CALL.matcher(text);
        if (!m.matches()) {
            throw new ConfigFiles.ConfigException(where + ": universe: '" + text + "': write kiwoom_condition(\"name\")"
                    + " (a condition saved in Kiwoom's HTS), optionally kiwoom_condition(\"name\", account: \"ID\")");
        }
        return new ScanUniverse(m.group(1), m.group(2).strip(), m.group(3), where);
    }

    /** As written: {@code kiwoom_condition("name")}. */
    public String text() {
        return broker + "_condition(\"" + name + "\"" + (account == null ? "" : ", account: \"" + account + "\"") + ")";
    }
}
