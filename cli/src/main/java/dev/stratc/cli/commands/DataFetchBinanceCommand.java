package dev.stratc.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.stratc.brokers.binance.config.BinanceEndpoints;
import dev.stratc.brokers.binance.history.BinanceHistory;
import dev.stratc.brokers.binance.rest.BinanceApiException;
import dev.stratc.brokers.binance.rest.HostBannedException;
import dev.stratc.cli.CliException;
import dev.stratc.cli.ExitCode;
import dev.stratc.data.BarStore;
import dev.stratc.data.Bars;
import dev.stratc.data.DataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stratc data fetch binance}: downloads a venue's bar history into the store. */
@Command(name = "binance", mixinStandardHelpOptions = true,
        description = {"Downloads Binance klines into the store (public data, no keys needed): Spot's, or",
            "USDⓈ-M perpetual futures' with --market usdm (stored as market binance-usdm: futures fees and",
            "funding in backtests). Bars of the symbol and interval replace stored ones in the same time range."})
public final class DataFetchBinanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--symbol", required = true, paramLabel = "SYM", description = "e.g. BTCUSDT")
    String symbol;

    @Option(names = "--interval", defaultValue = "1m", paramLabel = "INTERVAL",
            description = "Binance kline interval: 1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w. Default: 1m.")
    String interval;

    @Option(names = "--from", required = true, paramLabel = "WHEN",
            description = "First bar's open: a date (UTC), a date-time or an instant.")
    String from;

    @Option(names = "--to", paramLabel = "WHEN", description = "End (exclusive). Default: now.")
    String to;

    @Option(names = "--store", required = true, paramLabel = "FILE.duckdb", description = "The store.")
    Path store;

    @Option(names = "--market", defaultValue = "spot", paramLabel = "spot|usdm",
            description = "spot (default) or usdm (USDⓈ-M perpetual futures, /fapi/v1/klines).")
    String market;

    @Option(names = "--testnet", description = "Fetch from the Spot (or futures) Testnet instead of production.")
    boolean testnet;

    @Option(names = "--rest-url", paramLabel = "URL",
            description = {"Another REST address (default: " + BinanceHistory.DATA_API + ", " + BinanceHistory.USDM_API,
                "with --market usdm, the testnets with --testnet)."})
    String restUrl;

    @Override
    public Integer call() {
        long fromMs = Durations.instant("--from", from, ZoneOffset.UTC);
        long toMs = to == null ? System.currentTimeMillis() : Durations.instant("--to", to, ZoneOffset.UTC);
        if (toMs <= fromMs) {
            throw CliException.usage("--to must be after --from");
        }
        Duration length;
        try {
            length = BinanceHistory.intervalLength(interval);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--interval " + e.getMessage());
        }
        boolean usdm = switch (market.toLowerCase(Locale.ROOT)) {
            case "spot" -> false;
            case "usdm", "futures", "binance-usdm" -> true;
            default -> throw CliException.usage("--market " + market + ": write spot or usdm (USDⓈ-M perpetual futures)");
        };
        String url = restUrl != null ? restUrl
                : usdm ? (testnet ? BinanceEndpoints.FUTURES_TESTNET.rest() : BinanceHistory.USDM_API)
                : testnet ? BinanceEndpoints.TESTNET.rest() : BinanceHistory.DATA_API;
        String upper = symbol.toUpperCase(Locale.ROOT);
        PrintWriter out = spec.commandLine().getOut();
        Bars bars;
        java.util.SortedMap<Long, Double> funding = new java.util.TreeMap<>();
        try (BinanceHistory history = BinanceHistory.connect(url, usdm);
                Progress progress = new Progress("fetch " + upper, (toMs - fromMs) / length.toMillis(), "bars")) {
            bars = history.fetch(upper, interval, fromMs, toMs, progress::accept);
            if (usdm) {
                // the perpetual's funding-rate history of the same period: what a backtest charges at each settlement
                funding = history.fundingRates(upper, fromMs, toMs);
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--rest-url: " + e.getMessage());
        } catch (BinanceApiException | HostBannedException e) {
            throw CliException.failure("Binance refused: " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw CliException.failure("cannot reach " + url + ": " + e.getMessage(), e);
        }
        try (BarStore s = DataCommand.open(store)) {
            s.save(bars, "binance:" + url);
            s.saveFundingRates(bars.market().id(), upper, funding, "binance:" + url);
        } catch (DataException e) {
            throw CliException.failure(e.getMessage(), e);
        }
        out.println(bars);
        out.println("fetched " + bars.size() + " bars" + (usdm ? " and " + funding.size() + " funding rates" : "")
                + " into " + store);
        return ExitCode.OK;
    }
}
