package dev.stratc.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.stratc.data.Market;

/**
 * The market of CSV data when {@code --market} is not given, guessed from what a user would read off the files:
 * KRX codes are six digits (005930), crypto pairs name their coin or quote (btcusd, ETHUSDT, …). The guess
 * decides the costs (KRX commission and transaction tax, Binance's 0.1 %) and the currency the figures are in, and
 * is said in every summary, so a first result is believable and its assumptions visible.
 *
 * @param market   the market whose costs, zone and price grid the run uses
 * @param currency the quote currency of the prices, or {@code null} when the data does not say
 * @param reason   why, in words: "given with --market", "guessed from the file name …"
 */
record MarketGuess(Market market, String currency, String reason) {
    private static final Pattern KRX_CODE = Pattern.compile("(^|[^0-9])\\d{6}([^0-9]|$)");
    private static final Pattern KRX_NAME = Pattern.compile("krx|kospi|kosdaq|kis");
    private static final Pattern CRYPTO = Pattern.compile(
            "btc|eth|xrp|sol|bnb|doge|ada|usdt|usdc|busd|bitstamp|binance|coinbase|kraken|upbit|crypto");

    static MarketGuess of(String marketOption, String source) {
        if (marketOption != null) {
            Market m = Market.of(marketOption);
            return new MarketGuess(m, currencyOf(m, name(source)), "given with --market");
        }
        if (source.startsWith("synth:krx")) {
            return new MarketGuess(Market.KRX, "KRW", "the synthetic KRX universe");
        }
        String name = name(source);
        String files = name + " " + childNames(source);
        if (CRYPTO.matcher(files).find()) {
            return new MarketGuess(Market.BINANCE, currencyOf(Market.BINANCE, files),
                    "guessed from the file name " + name + "; --market to choose");
        }
        if (KRX_CODE.matcher(files).find() || KRX_NAME.matcher(files).find()) {
            return new MarketGuess(Market.KRX, "KRW", "guessed from the file name " + name + "; --market to choose");
        }
        return new MarketGuess(Market.GENERIC, currencyOf(Market.GENERIC, files),
                "nothing in " + name + " names a market; --market krx or binance for their costs");
    }

    /** This guess, or the market the loaded bars carry where a store recorded another one. */
    MarketGuess loaded(Market actual) {
        return actual.id().equals(market.id()) ? new MarketGuess(actual, currency, reason)
                : new MarketGuess(actual, currencyOf(actual, reason.toLowerCase(Locale.ROOT)), "recorded with the data");
    }

    private static String currencyOf(Market market, String names) {
        return switch (market.id()) {
            case "krx" -> "KRW";
            case "binance" -> names.contains("usdt") ? "USDT" : names.contains("usdc") ? "USDC"
                    : names.contains("usd") ? "USD" : names.contains("krw") ? "KRW" : "USDT";
            default -> names.contains("usd") ? "USD" : null;
        };
    }

    /** The line every summary prints: market, currency and cost model, and how the market was chosen. */
    String describe() {
        StringBuilder sb = new StringBuilder("market: ").append(market.id());
        sb.append(" (").append(reason).append("), prices in ").append(currency == null ? "the data's currency"
                : currency);
        sb.append(", times in ").append(market.zone().getId());
        sb.append("; costs: ");
        if (market.commissionPercent() == 0 && market.sellTaxPercent() == 0) {
            sb.append("none by default (--commission and --tax add them)");
        } else {
            sb.append(String.format(Locale.ROOT, "commission %s %% per fill", trim(market.commissionPercent())));
            if (market.sellTaxPercent() > 0) {
                sb.append(String.format(Locale.ROOT, ", sell tax %s %%", trim(market.sellTaxPercent())));
            }
        }
        return sb.toString();
    }

    private static String trim(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String name(String source) {
        Path file = Path.of(source).getFileName();
        return (file == null ? source : file.toString()).toLowerCase(Locale.ROOT);
    }

    /** The file names of a directory of CSV files (a few are enough to tell). */
    private static String childNames(String source) {
        Path dir = Path.of(source);
        if (!Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> files = Files.list(dir)) {
            return String.join(" ", files.limit(20).map(f -> f.getFileName().toString().toLowerCase(Locale.ROOT))
                    .toList());
        } catch (IOException e) {
            return "";
        }
    }
}
