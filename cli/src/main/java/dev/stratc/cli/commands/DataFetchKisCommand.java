package dev.stratc.cli.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.stratc.brokers.kis.KisAccountConfig;
import dev.stratc.brokers.kis.KisBrokerFactory;
import dev.stratc.brokers.kis.KisConfigLoader;
import dev.stratc.brokers.kis.KisException;
import dev.stratc.brokers.kis.KisSession;
import dev.stratc.brokers.kis.rest.KisHistory;
import dev.stratc.cli.CliException;
import dev.stratc.cli.ExitCode;
import dev.stratc.data.BarStore;
import dev.stratc.data.Bars;
import dev.stratc.data.DataException;
import dev.stratc.runtime.run.ConfigFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stratc data fetch kis}: KRX daily or one-minute bars from KIS into the store. */
@Command(name = "kis", mixinStandardHelpOptions = true,
        description = {"Downloads KRX bars from Korea Investment & Securities into the store.",
            "Daily bars reach back as far as KIS keeps them; one-minute bars cover today and, with a live",
            "account's keys, about a year of past days. Secrets come from the environment variables named",
            "in the configuration."})
public final class DataFetchKisCommand implements Callable<Integer> {
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");

    @Spec
    CommandSpec spec;

    @Option(names = "--symbol", required = true, split = ",", paramLabel = "CODE",
            description = "KRX codes (005930, A005930); several separated by commas.")
    List<String> symbols;

    @Option(names = "--timeframe", defaultValue = "1d", paramLabel = "1d|1m", description = "1d or 1m (default 1d).")
    String timeframe;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, e.g. 2025-01-02.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (default today, KST).")
    String to;

    @Option(names = "--store", required = true, paramLabel = "FILE.duckdb", description = "The store.")
    Path store;

    @Option(names = "--config", defaultValue = "config/brokers/kis.yaml", paramLabel = "FILE",
            description = "KIS accounts (default config/brokers/kis.yaml).")
    Path config;

    @Option(names = "--account", paramLabel = "ID", description = "Which account's keys to use (default the first).")
    String account;

    @Override
    public Integer call() {
        KisHistory.Timeframe size = switch (timeframe.strip()) {
            case "1d", "d", "day" -> KisHistory.Timeframe.DAY;
            case "1m", "m", "minute" -> KisHistory.Timeframe.MINUTE;
            default -> throw CliException.usage("--timeframe '" + timeframe + "': KIS serves 1d and 1m bars;"
                    + " aggregate larger timeframes in the backtest");
        };
        LocalDate first = date("--from", from);
        LocalDate last = to == null ? LocalDate.now(KST) : date("--to", to);
        if (!Files.isRegularFile(config)) {
            throw CliException.invalidInput(config + ": no KIS configuration; copy config/brokers/kis.yaml and set"
                    + " its environment variables, or pass --config");
        }
        KisAccountConfig chosen;
        try {
            Set<String> accountKeys = new HashSet<>(new KisBrokerFactory().settingKeys());
            accountKeys.addAll(Set.of("id", "environment"));
            ConfigFiles.requireKnownKeys(config, Map.of("", Set.of("kis"), "/kis", Set.of("accounts"),
                    "/kis/accounts/*", accountKeys));
            chosen = chooseAccount(KisConfigLoader.load(config));
        } catch (ConfigFiles.ConfigException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        } catch (KisException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        }
        try (BarStore bars = DataCommand.open(store)) {
            KisSession session = KisSession.open(chosen);
            KisHistory history = new KisHistory(session.quotations(), chosen.mode(), dev.stratc.brokers.kis.KisClock.SYSTEM);
            for (String symbol : symbols) {
                KisHistory.Fetched fetched = history.closedBars(symbol, size, first, last);
                Bars converted = KisHistory.toBars(symbol, size, fetched.bars());
                bars.save(converted, "kis");
                spec.commandLine().getOut().println("fetched " + converted.size() + " " + timeframe + " bars of "
                        + converted.symbol() + " from KIS account " + chosen.id() + " into " + store
                        + (fetched.unfinished() == 0 ? "" : " (left out " + fetched.unfinished() + " unfinished bar(s):"
                        + " the forming minute, or today's daily bar before " + KisHistory.DAILY_BAR_FINAL + " KST)"));
            }
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        } catch (KisException e) {
            throw CliException.failure(e.getMessage(), e);
        } catch (DataException e) {
            throw CliException.failure(e.getMessage(), e);
        }
        return ExitCode.OK;
    }

    private KisAccountConfig chooseAccount(List<KisAccountConfig> accounts) {
        if (account == null) {
            return accounts.get(0);
        }
        return accounts.stream().filter(a -> a.id().equals(account)).findFirst()
                .orElseThrow(() -> CliException.invalidInput("--account '" + account + "': " + config + " has "
                        + accounts.stream().map(KisAccountConfig::id).toList()));
    }

    private static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw CliException.usage(option + " '" + text + "': write a date such as 2025-01-02");
        }
    }
}
