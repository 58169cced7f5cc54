package dev.stratc.runtime.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;

import dev.stratc.runtime.broker.BrokerFactory;
import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.bus.MarketDataBus;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.pool.Account;
import dev.stratc.runtime.pool.AccountPool;
import dev.stratc.runtime.pool.RateLimitProfiles;

/**
 * Only the market-data side of the account pool ({@code stratc collect}): the accounts' streams and quote polling,
 * with the pool's per-key limits, reconnects and failover between accounts ({@link MarketDataFeed}), everything
 * published on a bus. No engine, no orders: the engines that trade read the bus on other machines.
 */
public final class MarketDataCollector implements AutoCloseable {
    private final List<Account> accounts = new ArrayList<>();
    private final MarketDataFeed feed;

    /**
     * Connects every account of {@code config} and watches {@code symbols} (hottest first).
     *
     * @param stateDir where the adapters keep their token caches (under {@code brokers/ACCOUNT})
     */
    public MarketDataCollector(ConfigFiles.Accounts config, List<String> symbols, MarketDataBus bus, Path stateDir,
                               Consumer<String> warn) {
        Map<String, BrokerFactory> factories = new HashMap<>();
        ServiceLoader.load(BrokerFactory.class).forEach(f -> factories.put(f.name(), f));
        RateLimitProfiles profiles = new RateLimitProfiles();
        for (ConfigFiles.Accounts.Entry entry : config.accounts()) {
            BrokerFactory factory = factories.get(entry.broker().broker());
            if (factory == null) {
                throw new ConfigFiles.ConfigException("account " + entry.broker().id() + ": no broker adapter '"
                        + entry.broker().broker() + "' is installed (available: " + factories.keySet().stream().sorted()
                        .toList() + ")");
            }
            accounts.add(new Account(entry.broker().id(),
                    factory.create(entry.broker(), stateDir.resolve("brokers").resolve(entry.broker().id())),
                    profiles.forAccount(entry.broker()), entry.strategies(), entry.limits()));
        }
        AccountPool pool = new AccountPool(accounts, config.defaultAccount(), config.strategyAccounts());
        for (Account account : accounts) {
            account.broker().start(new BrokerListener() {
                @Override
                public void onOrderEvent(OrderEvent event) {
                    // a collector sends no orders
                }

                @Override
                public void onMarketEvent(MarketEvent event) {
                    bus.publish(event);
                }

                @Override
                public void onConnection(boolean up, String detail) {
                    if (!up) {
                        warn.accept("account " + account.id() + ": market data connection down (" + detail + ")");
                    }
                }
            });
        }
        feed = new MarketDataFeed(pool, bus::publish, warn, AccountPool.DEFAULT_REFRESH);
        feed.watch(symbols);
    }

    public MarketDataFeed feed() {
        return feed;
    }

    @Override
    public void close() {
        feed.close();
        for (Account account : accounts) {
            account.broker().stop();
        }
    }
}
