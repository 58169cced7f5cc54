package dev.stratc.cli.commands;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import dev.stratc.runtime.broker.BrokerClock;
import dev.stratc.brokers.kiwoom.KiwoomConfig;
import dev.stratc.brokers.kiwoom.KiwoomConfigLoader;
import dev.stratc.brokers.kiwoom.KiwoomException;
import dev.stratc.brokers.kiwoom.KiwoomHistory;
import dev.stratc.brokers.kiwoom.KiwoomSession;
import dev.stratc.brokers.kiwoom.KiwoomSettings;
import dev.stratc.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stratc data fetch kiwoom}: KRX daily or one-minute bars from Kiwoom (ka10081 / ka10080) into the store. */
@Command(name = "kiwoom", mixinStandardHelpOptions = true,
        description = {"Downloads KRX bars from Kiwoom Securities (키움증권) into the store.",
            "Adjusted prices; only bars that are over. Secrets come from the environment variables named",
            "in the configuration."})
public final class DataFetchKiwoomCommand extends KrxDataFetchCommand<KiwoomConfig> {

    @Option(names = "--config", defaultValue = "config/brokers/kiwoom.yaml", paramLabel = "FILE",
            description = "Kiwoom accounts (default config/brokers/kiwoom.yaml).")
    Path config;

    @Override
    protected Path config() {
        return config;
    }

    @Override
    protected String brokerName() {
        return "Kiwoom";
    }

    @Override
    protected String key() {
        return "kiwoom";
    }

    @Override
    protected String servedTimeframes() {
        return "1d and 1m bars here";
    }

    @Override
    protected Set<String> settingKeys() {
        return KiwoomSettings.KEYS;
    }

    @Override
    protected List<KiwoomConfig> loadAccounts(Path file) {
        try {
            return KiwoomConfigLoader.load(file);
        } catch (KiwoomException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        }
    }

    @Override
    protected String id(KiwoomConfig account) {
        return account.id();
    }

    @Override
    protected LocalTime dailyBarFinal() {
        return KiwoomHistory.DAILY_BAR_FINAL;
    }

    @Override
    protected Source open(KiwoomConfig account) {
        try {
            KiwoomHistory history = new KiwoomHistory(KiwoomSession.open(account).rest(), BrokerClock.SYSTEM);
            return (symbol, timeframe, first, last) -> {
                KiwoomHistory.Timeframe size = timeframe == Timeframe.DAY
                        ? KiwoomHistory.Timeframe.DAY : KiwoomHistory.Timeframe.MINUTE;
                try {
                    KiwoomHistory.Fetched fetched = history.closedBars(symbol, size, first, last);
                    return new Fetched(KiwoomHistory.toBars(symbol, size, fetched.bars()), fetched.unfinished());
                } catch (KiwoomException e) {
                    throw CliException.failure(e.getMessage(), e);
                }
            };
        } catch (KiwoomException e) {
            throw CliException.failure(e.getMessage(), e);
        }
    }
}
