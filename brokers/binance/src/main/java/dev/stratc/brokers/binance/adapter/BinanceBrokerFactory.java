package dev.stratc.brokers.binance.adapter;

import dev.stratc.brokers.binance.config.BinanceAccountSettings;
import dev.stratc.brokers.binance.config.BinanceConfig;
import dev.stratc.brokers.binance.config.FuturesSettings;
import dev.stratc.brokers.binance.futures.FuturesHost;
import dev.stratc.brokers.binance.rest.Sleeper;
import dev.stratc.runtime.broker.BrokerAccount;
import dev.stratc.runtime.broker.BrokerFactory;
import dev.stratc.runtime.broker.BrokerPort;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * {@code broker: binance} in {@code config/accounts.yaml}. Accounts on the same REST host share one
 * {@link BinanceHost} (this process's IP budget, clock offset and exchange rules); each gets its own key and
 * order limits. Endpoints and timings come from {@code config/brokers/binance.yaml} (or the account's
 * {@code broker_config} setting), overridden per account by {@code rest_url}, {@code ws_api_url}, {@code stream_url}.
 */
public final class BinanceBrokerFactory implements BrokerFactory {
    private static final Map<String, BinanceHost> HOSTS = new ConcurrentHashMap<>();
    private static final Map<String, FuturesHost> FUTURES_HOSTS = new ConcurrentHashMap<>();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(15))
            .callTimeout(Duration.ofSeconds(30))
            // a dead connection is noticed within a minute even when the market is quiet
            .pingInterval(Duration.ofSeconds(30))
            .build();

    @Override
    public String name() {
        return "binance";
    }

    /** The keys {@link BinanceAccountSettings} and {@link #create} read. */
    @Override
    public Set<String> settingKeys() {
        return Set.of("api_key", "api_secret", "private_key_file", "sub_account_of", "quote_asset", "rest_url",
                "ws_api_url", "stream_url", "recv_window_ms", "broker_config", "markets", "futures_enabled", "spot_enabled", "leverage",
                "margin", "position_mode", "max_leverage", "futures_rest_url", "futures_stream_url");
    }

    @Override
    public BrokerPort create(BrokerAccount account, Path stateDir) {
        Path configFile = account.setting("broker_config").map(Path::of).orElse(Path.of("config", "brokers", "binance.yaml"));
        BinanceConfig config = BinanceConfig.load(configFile);
        Optional<FuturesSettings> futures = FuturesSettings.from(account);
        if (futures.isPresent()) {
            BinanceAccountSettings settings = BinanceAccountSettings.futures(account, config);
            FuturesHost host = FUTURES_HOSTS.computeIfAbsent(settings.endpoints().rest(), url -> new FuturesHost(HTTP,
                    settings.endpoints().restUrl(), settings.recvWindow(), config.streams(), Clock.systemUTC(),
                    Sleeper.system()));
            return new BinanceFuturesBroker(settings, futures.get(), host);
        }
        BinanceAccountSettings settings = BinanceAccountSettings.from(account, config);
        BinanceHost host = HOSTS.computeIfAbsent(settings.endpoints().rest(), url -> new BinanceHost(HTTP,
                settings.endpoints().restUrl(), settings.recvWindow(), config.streams(), Clock.systemUTC(),
                Sleeper.system()));
        return new BinanceBroker(settings, host);
    }
}
