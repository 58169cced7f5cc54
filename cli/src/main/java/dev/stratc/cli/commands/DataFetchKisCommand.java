package dev.stratc.cli.commands;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import dev.stratc.brokers.kis.KisAccountConfig;
import dev.stratc.brokers.kis.KisBrokerFactory;
import dev.stratc.runtime.broker.BrokerClock;
import dev.stratc.brokers.kis.KisConfigLoader;
import dev.stratc.brokers.kis.KisException;
import dev.stratc.brokers.kis.KisSession;
import dev.stratc.brokers.kis.rest.KisHistory;
import dev.stratc.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stratc data fetch kis}: KRX daily or one-minute bars from KIS into the store. */
@Command(name = "kis", mixinStandardHelpOptions = true,
        description = {"Downloads KRX bars from Korea Investment & Securities into the store.",
            "Daily bars reach back as far as KIS keeps them; one-minute bars cover today and, with a live",
            "account's keys, about a year of past days. Secrets come from the environment variables named",
            "in the configuration."})
public final class DataFetchKisCommand extends KrxDataFetchCommand<KisAccountConfig> {

    @Option(names = "--config", defaultValue = "config/brokers/kis.yaml", paramLabel = "FILE",
            description = "KIS accounts (default config/brokers/kis.yaml).")
    Path config;

    @Override
    protected Path config() {
        return config;
    }

    @Override
    protected String brokerName() {
        return "KIS";
    }

    @Override
    protected String key() {
        return "kis";
    }

    @Override
    protected Set<String> settingKeys() {
        return new KisBrokerFactory().settingKeys();
    }

    @Override
    protected List<KisAccountConfig> loadAccounts(Path file) {
        try {
            return KisConfigLoader.load(file);
        } catch (KisException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        }
    }

    @Override
    protected String id(KisAccountConfig account) {
        return account.id();
    }

    @Override
    protected LocalTime dailyBarFinal() {
        return KisHistory.DAILY_BAR_FINAL;
    }

    @Override
    protected Source open(KisAccountConfig account) {
        try {
            KisSession session = KisSession.open(account);
            KisHistory history = new KisHistory(session.quotations(), account.mode(), BrokerClock.SYSTEM);
            return (symbol, timeframe, first, last) -> {
                KisHistory.Timeframe size = timeframe == Timeframe.DAY
                        ? KisHistory.Timeframe.DAY : KisHistory.Timeframe.MINUTE;
                try {
                    KisHistory.Fetched fetched = history.closedBars(symbol, size, first, last);
                    return new Fetched(KisHistory.toBars(symbol, size, fetched.bars()), fetched.unfinished());
                } catch (KisException e) {
                    throw CliException.failure(e.getMessage(), e);
                }
            };
        } catch (KisException e) {
            throw CliException.failure(e.getMessage(), e);
        }
    }
}
