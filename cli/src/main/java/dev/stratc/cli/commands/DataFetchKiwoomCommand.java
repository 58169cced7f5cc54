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

import dev.stratc.brokers.kiwoom.KiwoomClock;
import dev.stratc.brokers.kiwoom.KiwoomConfig;
import dev.stratc.brokers.kiwoom.KiwoomConfigLoader;
import dev.stratc.brokers.kiwoom.KiwoomException;
import dev.stratc.brokers.kiwoom.KiwoomHistory;
import dev.stratc.brokers.kiwoom.KiwoomSession;
import dev.stratc.brokers.kiwoom.KiwoomSettings;
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

/** {@code stratc data fetch kiwoom}: KRX daily or one-minute bars from Kiwoom (ka10081 / ka10080) into the store. */
@Command(name = "kiwoom", mixinStandardHelpOptions = true,
        description = {"Downloads KRX bars from Kiwoom Securities (키움증권) into the store.",
            "Adjusted prices; only bars that are over. Secrets come from the environment variables named",
            "in the configuration."})
public final class DataFetchKiwoomCommand implements Callable<Integer> {
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

    @Option(names = "--config", defaultValue = "config/brokers/kiwoom.yaml", paramLabel = "FILE",
            description = "Kiwoom accounts (default config/brokers/kiwoom.yaml).")
    Path config;

    @Option(names = "--account", paramLabel = "ID", description = "Which account's keys to use (default the first).")
    String account;

    @Override
    public Integer call() {
        KiwoomHistory.Timeframe size = switch (timeframe.strip()) {
            case "1d", "d", "day" -> KiwoomHistory.Timeframe.DAY;
            case "1m", "m", "minute" -> KiwoomHistory.Timeframe.MINUTE;
            default -> throw CliException.usage("--timeframe '" + timeframe + "': Kiwoom serves 1d and 1m bars here;"
                    + " aggregate larger timeframes in the backtest");
        };
        LocalDate first = date("--from", from);
        LocalDate last = to == null ? LocalDate.now(KST) : date("--to", to);
        if (!Files.isRegularFile(config)) {
            throw CliException.invalidInput(config + ": no Kiwoom configuration; copy config/brokers/kiwoom.yaml and"
                    + " set its environment variables, or pass --config");
        }
        KiwoomConfig chosen;
        try {
            Set<String> keys = new HashSet<>(KiwoomSettings.KEYS);
            keys.addAll(Set.of("id", "environment"));
            ConfigFiles.requireKnownKeys(config, Map.of("", Set.of("kiwoom"), "/kiwoom", Set.of("accounts"),
                    "/kiwoom/accounts/*", keys));
            chosen = chooseAccount(KiwoomConfigLoader.load(config));
        } catch (ConfigFiles.ConfigException | KiwoomException | IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        }
        try (BarStore bars = DataCommand.open(store)) {
            KiwoomSession session = KiwoomSession.open(chosen);
            KiwoomHistory history = new KiwoomHistory(session.rest(), KiwoomClock.SYSTEM);
            for (String symbol : symbols) {
                KiwoomHistory.Fetched fetched = history.closedBars(symbol, size, first, last);
                Bars converted = KiwoomHistory.toBars(symbol, size, fetched.bars());
                bars.save(converted, "kiwoom");
                spec.commandLine().getOut().println("fetched " + converted.size() + " " + timeframe + " bars of "
                        + converted.symbol() + " from Kiwoom account " + chosen.id() + " into " + store
                        + (fetched.unfinished() == 0 ? "" : " (left out " + fetched.unfinished() + " unfinished bar(s):"
                        + " the forming minute, or today's daily bar before " + KiwoomHistory.DAILY_BAR_FINAL + " KST)"));
            }
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        } catch (KiwoomException | DataException e) {
            throw CliException.failure(e.getMessage(), e);
        }
        return ExitCode.OK;
    }

    private KiwoomConfig chooseAccount(List<KiwoomConfig> accounts) {
        if (account == null) {
            return accounts.get(0);
        }
        return accounts.stream().filter(a -> a.id().equals(account)).findFirst()
                .orElseThrow(() -> CliException.invalidInput("--account '" + account + "': " + config + " has "
                        + accounts.stream().map(KiwoomConfig::id).toList()));
    }

    private static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw CliException.usage(option + " '" + text + "': write a date such as 2025-01-02");
        }
    }
}
