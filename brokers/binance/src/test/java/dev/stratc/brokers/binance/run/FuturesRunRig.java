package dev.stratc.brokers.binance.run;

import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.run.BrokerRun;
import dev.stratc.runtime.run.ConfigFiles;
import dev.stratc.runtime.run.RunState;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a paper run of {@code examples/futures-trend.strat} on a futures sub-account against the mock needs: the
 * accounts file (as a user writes it, addresses pointing at the mock), the compiled strategy, the run's setup.
 * Shared by the run in this JVM and the child process a test kills.
 */
final class FuturesRunRig {
    static final String ACCOUNT = "bn-sub-futures";
    static final String SYMBOL = "BTCUSDT";
    /** Bars of half a second: the strategy decides within seconds of wall-clock time. */
    static final Duration BAR = Duration.ofMillis(500);
    static final Map<String, String> ENVIRONMENT = Map.of("BN_FUTURES_KEY", MockBinance.DOC_API_KEY,
            "BN_FUTURES_SECRET", MockBinance.DOC_SECRET);

    private FuturesRunRig() {
    }

    /**
     * A futures sub-account at 3x isolated with {@code futuresSettings} added (indented lines), then
     * {@code otherAccounts} (entries) and the routing; {@code restUrl} is the mock's.
     */
    static Path accountsFile(Path dir, String restUrl, String futuresSettings, String otherAccounts, String routing) {
        String ws = restUrl.replaceFirst("^http", "ws");
        try {
            return Files.writeString(dir.resolve("accounts.yaml"), """
                    accounts:
                      - id: %1$s
                        broker: binance
                        environment: paper
                        api_key: ${BN_FUTURES_KEY}
                        api_secret: ${BN_FUTURES_SECRET}
                        markets: usdm
                        leverage: 3
                        margin: isolated
                        futures_rest_url: %2$s
                        futures_stream_url: %3$s
                    %4$s
                    %5$s
                    routing:
                    %6$s
                    """.formatted(ACCOUNT, restUrl, ws, futuresSettings, otherAccounts, routing));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StrategyProgram program(String file) {
        try {
            Path source = Path.of("../../examples").resolve(file);
            var result = StratCompiler.standard().compile(Files.readString(source), source.toString());
            if (result.hasErrors()) {
                throw new AssertionError(source + " does not compile: " + result.diagnostics());
            }
            return result.program();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BrokerRun.Setup setup(Path stateDir, Path accounts, StrategyProgram program, RunEvents events) {
        ZoneId utc = ZoneId.of("UTC");
        String name = program.info().name();
        return new BrokerRun.Setup(stateDir, program, StrategySettings.defaults(BAR, utc),
                EngineConfig.of(name, RunMode.PAPER, BAR, utc, RunState.tag(stateDir), 0.001),
                ConfigFiles.accounts(accounts), RiskLimits.none("CRYPTO"), Set.of(), events, List.of(SYMBOL));
    }
}
