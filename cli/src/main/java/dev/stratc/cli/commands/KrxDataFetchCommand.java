package dev.stratc.cli.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.stratc.cli.CliException;
import dev.stratc.cli.ExitCode;
import dev.stratc.data.BarStore;
import dev.stratc.data.Bars;
import dev.stratc.data.DataException;
import dev.stratc.runtime.run.ConfigFiles;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The flow every {@code stratc data fetch <krx broker>} shares: the options, the account configuration check and
 * choice, and the fetch-and-save loop. A subclass names its broker, its configuration file ({@code --config}, whose
 * default differs per broker) and how its history is read; its own errors it translates in {@link #loadAccounts}
 * (a configuration mistake) and {@link Source#fetch} (a failure of the broker), and they pass through here.
 *
 * @param <A> the broker's account configuration
 */
abstract class KrxDataFetchCommand<A> implements Callable<Integer> {
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");

    /** The bar sizes KRX brokers serve; larger ones are aggregated in the backtest. */
    enum Timeframe { DAY, MINUTE }

    /** Bars of one symbol as a broker returned them, and how many unfinished ones it left out. */
    record Fetched(Bars bars, int unfinished) {
    }

    /** One account's history service, opened once per run. */
    interface Source {
        Fetched fetch(String symbol, Timeframe timeframe, LocalDate first, LocalDate last);
    }

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

    @Option(names = "--account", paramLabel = "ID", description = "Which account's keys to use (default the first).")
    String account;

    /** The {@code --config} option's value. */
    protected abstract Path config();

    /** The broker as users know it in messages, e.g. "KIS". */
    protected abstract String brokerName();

    /** The configuration's root key, the default file's stem and the store's source tag, e.g. "kis". */
    protected abstract String key();

    /** The keys an account entry may hold besides {@code id} and {@code environment}. */
    protected abstract Set<String> settingKeys();

    /** Reads the accounts; a broker error becomes {@link CliException#invalidInput}. */
    protected abstract List<A> loadAccounts(Path config);

    protected abstract String id(A account);

    /** Opens the account's history; its fetch turns a broker error into {@link CliException#failure}. */
    protected abstract Source open(A account);

    /** When today's daily bar becomes final (KST), for the message about unfinished bars. */
    protected abstract LocalTime dailyBarFinal();

    /** The words after "serves" in the message about an unknown timeframe. */
    protected String servedTimeframes() {
        return "1d and 1m bars";
    }

    @Override
    public final Integer call() {
        Timeframe size = switch (timeframe.strip()) {
            case "1d", "d", "day" -> Timeframe.DAY;
            case "1m", "m", "minute" -> Timeframe.MINUTE;
            default -> throw CliException.usage("--timeframe '" + timeframe + "': " + brokerName() + " serves "
                    + servedTimeframes() + "; aggregate larger timeframes in the backtest");
        };
        LocalDate first = date("--from", from);
        LocalDate last = to == null ? LocalDate.now(KST) : date("--to", to);
        Path config = config();
        if (!Files.isRegularFile(config)) {
            throw CliException.invalidInput(config + ": no " + brokerName() + " configuration; copy config/brokers/"
                    + key() + ".yaml and set its environment variables, or pass --config");
        }
        A chosen;
        try {
            Set<String> accountKeys = new HashSet<>(settingKeys());
            accountKeys.addAll(Set.of("id", "environment"));
            ConfigFiles.requireKnownKeys(config, Map.of("", Set.of(key()), "/" + key(), Set.of("accounts"),
                    "/" + key() + "/accounts/*", accountKeys));
            chosen = chooseAccount(loadAccounts(config), config);
        } catch (ConfigFiles.ConfigException | IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        }
        try (BarStore bars = DataCommand.open(store);
             Progress progress = new Progress("fetch " + brokerName(), symbols.size(), "symbols")) {
            Source source = open(chosen);
            int done = 0;
            for (String symbol : symbols) {
                progress.accept(done++);
                Fetched fetched = source.fetch(symbol, size, first, last);
                Bars converted = fetched.bars();
                bars.save(converted, key());
                spec.commandLine().getOut().println("fetched " + converted.size() + " " + timeframe + " bars of "
                        + converted.symbol() + " from " + brokerName() + " account " + id(chosen) + " into " + store
                        + (fetched.unfinished() == 0 ? "" : " (left out " + fetched.unfinished() + " unfinished bar(s):"
                        + " the forming minute, or today's daily bar before " + dailyBarFinal() + " KST)"));
            }
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        } catch (DataException e) {
            throw CliException.failure(e.getMessage(), e);
        }
        return ExitCode.OK;
    }

    private A chooseAccount(List<A> accounts, Path config) {
        if (account == null) {
            return accounts.get(0);
        }
        return accounts.stream().filter(a -> id(a).equals(account)).findFirst()
                .orElseThrow(() -> CliException.invalidInput("--account '" + account + "': " + config + " has "
                        + accounts.stream().map(this::id).toList()));
    }

    private static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw CliException.usage(option + " '" + text + "': write a date such as 2025-01-02");
        }
    }
}
