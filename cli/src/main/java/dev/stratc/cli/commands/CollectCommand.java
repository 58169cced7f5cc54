package dev.stratc.cli.commands;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.stratc.cli.CliException;
import dev.stratc.cli.ExitCode;
import dev.stratc.runtime.bus.BusProvider;
import dev.stratc.runtime.bus.MarketDataBus;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.run.ConfigFiles;
import dev.stratc.runtime.run.MarketDataCollector;
import dev.stratc.runtime.run.RunState;
import dev.stratc.runtime.sim.ReplayDataSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collects market data and publishes it on a bus, for engines on other machines ('stratc run",
            "FILE --bus ...'). With --accounts: the pool's market-data side only (streams, quote polling, per-key",
            "limits, failover), until Ctrl-C. Without: replays --data onto the bus (each event's position in the data",
            "set is its sequence, so a second replay is recognised as duplicates) and exits.",
            "Example: stratc collect --bus kafka://localhost:9092 --data 'synth:krx?symbols=50&days=5&seed=1'"})
public final class CollectCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bus", required = true, paramLabel = "ADDRESS",
            description = "Where to publish: kafka://HOST:9092[,HOST:PORT...][?market=NAME&partitions=N&retention=7d].")
    String bus;

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "The account pool (config/accounts.yaml) whose accounts collect; needs --symbols.")
    java.nio.file.Path accounts;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--source", paramLabel = "NAME",
            description = "This collector's name in every record (duplicates are recognised per symbol and source). Default: the host name, or 'replay' for a replay.")
    String source;

    @Option(names = "--speed", paramLabel = "N|max", defaultValue = "max",
            description = "Replay speed against real time, or max (default ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the accounts' adapters keep token caches (default ~/.stratc/runs/collector).")
    Path stateDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BusProvider provider;
        try {
            provider = BusProvider.forAddress(bus);
        } catch (BusProvider.BusAddressException e) {
            throw CliException.usage(e.getMessage());
        }
        double pace = parseSpeed();
        String name = source != null ? source : accounts == null ? "replay" : hostName();
        if (accounts != null && data.symbols.isEmpty()) {
            throw CliException.usage("collecting from accounts needs the symbols to watch: --symbols 005930,000660");
        }
        AtomicBoolean stop = new AtomicBoolean();
        CtrlC ctrlC = CtrlC.install(stop, spec.commandLine().getErr());
        try (ctrlC; MarketDataBus publisher = open(provider, name)) {
            if (accounts == null) {
                replay(publisher, pace, stop, out);
            } else {
                collect(publisher, stop, out);
            }
        } catch (ConfigFiles.ConfigException e) {
            throw CliException.invalidInput(accounts + ": " + e.getMessage(), e);
        }
        return ctrlC.requested() ? CtrlC.EXIT_STATUS : ExitCode.OK;
    }

    private MarketDataBus open(BusProvider provider, String name) {
        try {
            return provider.publisher(URI.create(bus), name);
        } catch (BusProvider.BusAddressException e) {
            throw CliException.usage(e.getMessage());
        } catch (IllegalStateException e) {
            throw CliException.failure(e.getMessage(), e);
        }
    }

    private void replay(MarketDataBus publisher, double pace, AtomicBoolean stop, PrintWriter out)
            throws Exception {
        var universe = data.load(spec.commandLine().getErr());
        ReplayDataSet set = ReplayDataSet.fromBars(universe.description(), universe.bars());
        List<MarketEvent> events = set.events();
        out.printf("publishing %s (%,d events) to %s%n", universe.description(), events.size(), bus);
        out.flush();
        long previous = Long.MIN_VALUE;
        long started = System.nanoTime();
        int i = 0;
        for (; i < events.size() && !stop.get(); i++) {
            MarketEvent event = events.get(i);
            if (pace > 0 && previous != Long.MIN_VALUE && event.time() > previous) {
                Thread.sleep(Math.min(5_000, (long) ((event.time() - previous) / pace)));
            }
            previous = event.time();
            publisher.publish(event, i);
        }
        publisher.flush();
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("published %,d events in %.1f s (%,.0f/s)%n", i, seconds, i / Math.max(seconds, 1e-9));
    }

    private void collect(MarketDataBus publisher, AtomicBoolean stop, PrintWriter out) throws InterruptedException {
        ConfigFiles.Accounts pool;
        try {
            pool = ConfigFiles.accounts(accounts);
            pool.requireEnvironment();
        } catch (ConfigFiles.ConfigException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        }
        Path state = stateDir != null ? stateDir : RunState.defaultDirectory().resolveSibling("collector");
        PrintWriter err = spec.commandLine().getErr();
        try (MarketDataCollector collector = new MarketDataCollector(pool, data.symbols, publisher, state,
                warning -> {
                    err.println("warning: " + warning);
                    err.flush();
                })) {
            out.printf("collecting %d symbol(s) on %d account(s) into %s; Ctrl-C stops%n", data.symbols.size(),
                    pool.accounts().size(), bus);
            out.flush();
            while (!stop.get()) {
                Thread.sleep(200);
            }
            out.printf("stopped: %d symbol(s) were streamed or polled%n", data.symbols.size());
        }
    }

    private double parseSpeed() {
        if (speed.equalsIgnoreCase("max")) {
            return 0;
        }
        try {
            double value = Double.parseDouble(speed);
            if (value > 0 && value <= 1_000_000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw CliException.usage("--speed '" + speed + "': more than 0 and at most 1000000, or max");
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "collector";
        }
    }
}
