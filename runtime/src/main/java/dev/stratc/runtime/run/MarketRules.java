package dev.stratc.runtime.run;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The trading calendar, time zone and quantity rule of the market a pool of broker accounts trades: KIS
 * and Kiwoom accounts trade the Korea Exchange (KRX sessions, Asia/Seoul, whole shares), Binance accounts trade crypto
 * (24/7, UTC, fractional quantities that the adapter rounds to each symbol's LOT_SIZE filter).
 *
 * @param calendar     the risk calendar's name (KRX or CRYPTO)
 * @param zone         where days begin: daily bars, daily P&L and the journal's day files
 * @param quantityStep the least quantity step the engine rounds orders down to
 */
public record MarketRules(String calendar, ZoneId zone, double quantityStep) {
    public static final MarketRules KRX = new MarketRules("KRX", ZoneId.of("Asia/Seoul"), 1);
    public static final MarketRules CRYPTO = new MarketRules("CRYPTO", ZoneId.of("UTC"), 1e-8);

    /** The rules of the market every account trades; a pool that mixes markets is refused with its accounts. */
    public static MarketRules of(ConfigFiles.Accounts accounts) {
        List<String> krx = new ArrayList<>();
        List<String> crypto = new ArrayList<>();
        for (ConfigFiles.Accounts.Entry entry : accounts.accounts()) {
            String broker = entry.broker().broker().toLowerCase(Locale.ROOT);
            (broker.equals("kis") || broker.equals("kiwoom") ? krx : crypto).add(entry.broker().id() + " (" + broker + ")");
        }
        if (!krx.isEmpty() && !crypto.isEmpty()) {
            throw new ConfigFiles.ConfigException("the accounts mix the Korea Exchange " + krx + " and crypto "
                    + crypto + "; one run trades one market (its calendar, time zone and lot rules): put them in two "
                    + "accounts files and start one run for each");
        }
        return krx.isEmpty() ? CRYPTO : KRX;
    }

    /** These rules under the calendar a risk file names explicitly. */
    public MarketRules withCalendar(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "KRX" -> new MarketRules("KRX", KRX.zone, quantityStep);
            case "CRYPTO" -> new MarketRules("CRYPTO", zone, quantityStep);
            default -> throw new IllegalArgumentException("unknown calendar '" + name + "'; use KRX or CRYPTO");
        };
    }
}
