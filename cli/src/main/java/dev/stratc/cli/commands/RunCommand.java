package dev.stratc.cli.commands;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import dev.stratc.cli.CliException;
import dev.stratc.backtest.CostModel;
import dev.stratc.cli.ExitCode;
import dev.stratc.cli.Failures;
import dev.stratc.data.Bars;
import dev.stratc.runtime.broker.Placeholders;
import dev.stratc.runtime.engine.Engine;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.journal.JournalCorruptException;
import dev.stratc.runtime.ops.ConsoleReport;
import dev.stratc.runtime.ops.DashboardFeed;
import dev.stratc.runtime.risk.KillSwitch;
import dev.stratc.runtime.ops.DashboardView;
import dev.stratc.runtime.ops.HealthServer;
import dev.stratc.runtime.ops.Notifier;
import dev.stratc.runtime.ops.NotifyingEvents;
import dev.stratc.runtime.ops.TelegramNotifier;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.run.BrokerRun;
import dev.stratc.runtime.run.ConfigFiles;
import dev.stratc.runtime.run.MarketRules;
import dev.stratc.runtime.run.RunState;
import dev.stratc.runtime.run.SimulatedRun;
import dev.stratc.runtime.run.StateDirectory;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.sim.SimConfig;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a strategy in dry-run, paper or live mode.",
            "dry-run: decisions printed as an execution plan, nothing sent; paper: a broker's paper environment, or",
            "with no --accounts the built-in simulated exchange replaying --data; live: real orders (needs --risk",
            "limits and a confirmation).",
            "",
            "Everything the run keeps (journal, kill switch, simulated exchange) is under --state-dir; run the same",
            "command again after a crash and it continues where it stopped.",
            "Ctrl-C stops cleanly within 5 s: working orders are cancelled (see --on-stop), the session summary is",
            "printed and the exit status is 130; a second Ctrl-C stops at once (also 130).",
            "Example: stratc run examples/momentum.strat --mode paper --speed max"})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .strat file.")
    Path file;

    @Option(names = "--mode", paramLabel = "dry-run|paper|live", defaultValue = "dry-run",
            description = "Default: ${DEFAULT-VALUE}.")
    String mode;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--speed", paramLabel = "N|max",
            description = "Replay speed against real time for the simulated exchange, more than 0 and at most 1000000, or max (default: max in dry-run, which only prints the plan; 60 in paper, a minute a second).")
    String speed;

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "The account pool (config/accounts.yaml). Without it, paper and dry-run use simulated accounts.")
    Path accounts;

    @Option(names = "--risk", paramLabel = "FILE", description = "Risk limits (config/risk.yaml); required for live.")
    Path risk;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the run keeps its journal and state (default ~/.stratc/runs/<strategy file name>).")
    Path stateDir;

    @Option(names = "--capital", paramLabel = "AMOUNT", defaultValue = "10000000",
            description = "Cash of each simulated account, more than 0 and at most 1e15 (default ${DEFAULT-VALUE}).")
    double capital;

    @Option(names = "--yes", description = "Start a live run without asking (the plan is still printed).")
    boolean yes;

    @Option(names = "--http", paramLabel = "PORT",
            description = "Serve /health, /metrics (Prometheus) and /metrics.json on 127.0.0.1:PORT, 0 to 65535 (0: any free port).")
    Integer httpPort;

    @Option(names = "--status-every", paramLabel = "DURATION", defaultValue = "30s",
            description = "Print positions, P&L, orders and account load this often, 1s to 1d (default ${DEFAULT-VALUE}; 0 = never).")
    String statusEvery;

    @Option(names = "--on-stop", paramLabel = "cancel|keep", defaultValue = "cancel",
            description = "What Ctrl-C does with working orders (default ${DEFAULT-VALUE}); positions are kept.")
    String onStop;

    @Option(names = "--bus", paramLabel = "ADDRESS",
            description = {"Read market data from a bus that collectors publish to ('stratc collect'), e.g.",
                "kafka://HOST:9092; without --accounts the simulated exchange fills on it, and --data only says the",
                "market (zone, ticks, costs) and timeframe. Engines of one --group split the symbols."})
    String bus;

    @Option(names = "--bus-max-lag", paramLabel = "RECORDS", defaultValue = "100000",
            description = {"With --bus: while a partition is further behind than this, new entries of its symbols are",
                "paused (exits continue) and a warning says so; they resume when it has caught up (default ${DEFAULT-VALUE})."})
    long busMaxLag;

    @Option(names = "--lease-wait", paramLabel = "DURATION", defaultValue = "30s",
            description = {"With --bus and --accounts: how long to wait for an account another engine holds before",
                "refusing to start, 1s to 1h (default ${DEFAULT-VALUE})."})
    String leaseWait;

    @Option(names = "--group", paramLabel = "NAME",
            description = "The engines' consumer group on the bus (default: the strategy's name).")
    String group;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE", description = "Override a parameter: -P min_price=5000.")
    Map<String, String> params = new LinkedHashMap<>();

    /** Where a confirmation is read from; tests replace it. */
    BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    /** Ends a run on broker accounts as Ctrl-C does; tests replace it, users have only Ctrl-C. */
    BooleanSupplier stopRequested = () -> false;

    @Override
    public Integer call() throws Exception {
        RunMode runMode = switch (mode.toLowerCase(Locale.ROOT)) {
            case "dry-run", "dryrun", "dry_run" -> RunMode.DRY_RUN;
            case "paper" -> RunMode.PAPER;
            case "live" -> RunMode.LIVE;
            default -> throw CliException.usage("--mode '" + mode + "': use dry-run, paper or live");
        };
        double replaySpeed = parseSpeed(runMode);
        Bounds.CAPITAL.check(capital);
        if (httpPort != null) {
            Bounds.HTTP_PORT.check(httpPort);
        }
        if (bus != null) {
            if (busMaxLag < 1) {
                throw CliException.usage("--bus-max-lag " + busMaxLag + ": a number of records, at least 1");
            }
            try {
                dev.stratc.runtime.bus.BusProvider.forAddress(bus);
            } catch (dev.stratc.runtime.bus.BusProvider.BusAddressException e) {
                throw CliException.usage(e.getMessage());
            }
        }
        statusMillis();   // a bad --status-every is refused before the run starts, not after its first bar
        PrintWriter out = spec.commandLine().getOut();
        StrategyProgram program = StrategyFiles.compile(file);
        ConfigFiles.Risk riskConfig = loadRisk(runMode);
        if (runMode == RunMode.LIVE && accounts == null) {
            // refused here, before the live banner: real orders need real accounts, and the simulated exchange
            // that paper and dry-run fall back on is never "live"
            throw CliException.usage("--mode live needs --accounts FILE naming the live accounts to trade on "
                    + "(config/accounts.yaml); without accounts, use --mode paper or --mode dry-run");
        }
        ConfigFiles.Accounts pool = accounts == null ? null : loadAccounts(runMode);
        if (bus != null && pool != null) {
            throw CliException.usage("--bus with broker accounts is not supported yet: a run on broker accounts "
                    + "collects its own market data; use --bus with simulated accounts (broker: sim) or none");
        }
        Duration leaseWaiting = Durations.parse("--lease-wait", leaseWait, Duration.ofSeconds(1), Duration.ofHours(1));
        if (pool != null) {
            requireBrokerRunInputs(program, pool);
        }
        Path state = stateDir != null ? stateDir
                : RunState.defaultDirectory().resolveSibling(file.getFileName().toString().replaceFirst("\\.strat$", ""));
        requireFree(state);

        if (runMode == RunMode.LIVE) {
            requireHttpPortFree();
            confirmLive(out, program, riskConfig, pool, state);
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stratc-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Notifier notifier = TelegramNotifier.fromEnvironment(System::getenv).orElse(null);
        CtrlC ctrlC = CtrlC.install(stop, spec.commandLine().getErr());
        try (ctrlC) {
            if (pool == null) {
                runSimulated(runMode, program, riskConfig, state, replaySpeed, stop, notifier, out, leaseWaiting);
            } else {
                runOnBrokers(runMode, program, riskConfig, pool, state, stop, ctrlC, notifier, out);
            }
        } catch (BrokerRun.ShortSellingRefused e) {
            throw CliException.invalidInput(file + ":" + StrategyFiles.headerPosition(file, "allow_short") + ": "
                    + e.getMessage() + " (" + accounts + ")", e);
        } catch (StateDirectory.InUseException e) {
            throw CliException.failure(e.getMessage(), e);
        } catch (ConfigFiles.ConfigException e) {
            // the pool's adapters name the account, and this says in which file it is
            String message = e.getMessage();
            throw CliException.invalidInput(accounts == null || message.startsWith(accounts.toString()) ? message
                    : accounts + ": " + message, e);
        } catch (JournalCorruptException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        } catch (Placeholders.UnsetVariableException e) {
            throw CliException.invalidInput((accounts == null ? "" : accounts + ": ") + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw CliException.failure(Failures.describe(e), e);
        } finally {
            if (notifier != null) {
                notifier.close();
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for finished, which is counted down
            }
        }
        return ctrlC.requested() ? CtrlC.EXIT_STATUS : ExitCode.OK;
    }

    /**
     * What a run on broker accounts needs besides the accounts, checked before anything is printed or asked: a
     * live run's confirmation comes only after every check that can fail has passed.
     */
    private void requireBrokerRunInputs(StrategyProgram program, ConfigFiles.Accounts pool) {
        if (data.symbols.isEmpty() && pool.universe() == null) {
            throw CliException.usage("a run on broker accounts needs the symbols to watch: --symbols 005930,000660,"
                    + " or a universe: kiwoom_condition(\"name\") in " + accounts);
        }
        if (data.timeframe != null) {
            Durations.timeframe(data.timeframe);
        }
    }

    /** A live run's --http port is tried before the confirmation: a port in use must not fail a confirmed run. */
    private void requireHttpPortFree() {
        if (httpPort == null || httpPort == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), httpPort));
        } catch (IOException e) {
            throw CliException.failure("--http " + httpPort + ": the port is in use on 127.0.0.1 (" + e.getMessage()
                    + "); choose another, or 0 for any free port", e);
        }
    }

    /** A second run on a held state directory is refused before it loads anything (exit 1). */
    private static void requireFree(Path state) {
        try {
            StateDirectory.requireFree(state);
        } catch (StateDirectory.InUseException e) {
            throw CliException.failure(e.getMessage(), e);
        }
    }

    /**
     * A dry-run only prints the plan, so making a user wait 30 minutes of replay for five synthetic days would be
     * a surprise: it replays as fast as it goes unless --speed says otherwise. Paper keeps a minute a second, so
     * fills and P&L can be watched as they happen.
     */
    private double parseSpeed(RunMode runMode) {
        if (speed == null) {
            speed = runMode == RunMode.DRY_RUN ? "max" : "60";
        }
        if (speed.equalsIgnoreCase("max")) {
            return 0;
        }
        double value;
        try {
            value = Double.parseDouble(speed);
        } catch (NumberFormatException e) {
            throw CliException.usage("--speed '" + speed + "': a positive number (60 = a minute a second) or max");
        }
        return Bounds.SPEED.check(value, speed);
    }

    private long statusMillis() {
        return statusEvery.strip().equals("0") ? 0
                : Durations.parse("--status-every", statusEvery, Duration.ofSeconds(1), Duration.ofDays(1)).toMillis();
    }

    private ConfigFiles.Risk loadRisk(RunMode runMode) {
        if (risk == null) {
            if (runMode == RunMode.LIVE) {
                throw CliException.invalidInput("live trading needs risk limits: pass --risk config/risk.yaml with at "
                        + "least one max_* limit set");
            }
            return null;
        }
        try {
            ConfigFiles.Risk loaded = ConfigFiles.risk(risk);
            if (runMode == RunMode.LIVE && loaded.limits().isEmpty()) {
                throw CliException.invalidInput(risk + ": live trading needs risk limits, and every max_* limit here "
                        + "is 0 (none); set at least max_daily_loss and max_position_value");
            }
            return loaded;
        } catch (ConfigFiles.ConfigException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        }
    }

    private ConfigFiles.Accounts loadAccounts(RunMode runMode) {
        try {
            ConfigFiles.Accounts loaded = ConfigFiles.accounts(accounts);
            List<String> wrong = new ArrayList<>();
            boolean simulated = loaded.accounts().stream().allMatch(a -> a.broker().broker().equals("sim"));
            for (ConfigFiles.Accounts.Entry entry : loaded.accounts()) {
                boolean live = "live".equals(entry.broker().environment()) && !entry.broker().broker().equals("sim");
                if (runMode == RunMode.LIVE ? !live : live && runMode == RunMode.PAPER) {
                    wrong.add(entry.broker().id() + " (" + entry.broker().environment() + ")");
                }
            }
            if (runMode == RunMode.LIVE && simulated) {
                throw CliException.invalidInput(accounts + ": live trading needs accounts at a broker; these are "
                        + "all simulated");
            }
            if (!wrong.isEmpty()) {
                throw CliException.invalidInput(accounts + ": --mode " + runMode.label() + " cannot use "
                        + String.join(", ", wrong) + "; " + (runMode == RunMode.LIVE
                        ? "every account of a live run must say environment: live"
                        : "a paper run uses paper accounts only"));
            }
            if (!simulated) {
                loaded.requireEnvironment();
            }
            return simulated ? null : loaded;
        } catch (ConfigFiles.ConfigException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        }
    }

    private void confirmLive(PrintWriter out, StrategyProgram program, ConfigFiles.Risk riskConfig,
                             ConfigFiles.Accounts pool, Path state) throws IOException {
        RiskLimits limits = riskConfig.limits();
        out.println("################################################################");
        out.println("#  LIVE TRADING — REAL ORDERS, REAL MONEY                       #");
        out.println("################################################################");
        out.println("strategy      " + program.info().name() + "  (" + file + ")");
        out.println("accounts      " + pool.accounts().stream().map(a -> a.broker().id() + " [" + a.broker().broker()
                + "]").toList());
        out.println("symbols       " + (data.symbols.isEmpty() ? "(none given: --symbols)" : data.symbols));
        out.printf(Locale.ROOT, "limits        position value %s, positions %d/account %d total, exposure %s/account %s total,%n"
                        + "              trades/day %d, daily loss %s (kill switch%s), calendar %s%n",
                fmt(limits.maxPositionValue()), limits.maxPositionsPerAccount(), limits.maxPositionsTotal(),
                fmt(limits.maxExposurePerAccount()), fmt(limits.maxExposureTotal()), limits.maxTradesPerDay(),
                fmt(limits.maxDailyLoss()), limits.flattenOnKill() ? ", then flatten" : "",
                riskConfig.calendarGiven() ? limits.calendar() : MarketRules.of(pool).calendar());
        out.println("state         " + state + "   (stop new entries any time: stratc kill --state-dir " + state + ")");
        out.flush();
        if (yes) {
            out.println("--yes given: starting.");
            return;
        }
        out.print("Type 'live' to start trading with real money: ");
        out.flush();
        String answer = input.readLine();
        if (answer == null || !answer.strip().equals("live")) {
            throw CliException.failure("not confirmed; nothing was sent", null);
        }
    }

    private static String fmt(double value) {
        return value == 0 ? "none" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private StrategySettings settings(StrategyProgram program, Duration timeframe, ZoneId zone) {
        return new StrategySettings(RunOptions.overrides(program.info(), params), timeframe, zone);
    }

    /** The market's funding (none unless a perpetual), at the rates a store recorded where it has them. */
    private static dev.stratc.backtest.FundingRule fundingRule(dev.stratc.data.Market market,
                                                               java.util.Map<String, java.util.Map<Long, Double>> rates) {
        dev.stratc.backtest.FundingRule rule = dev.stratc.backtest.FundingRule.of(market);
        for (var series : rates.entrySet()) {
            rule = rule.withRecorded(series.getKey(), series.getValue());
        }
        return rule;
    }

    private void runSimulated(RunMode runMode, StrategyProgram program, ConfigFiles.Risk riskConfig, Path state,
                              double replaySpeed, AtomicBoolean stop, Notifier notifier, PrintWriter out,
                              Duration leaseWaiting) throws InterruptedException {
        var universe = data.load(spec.commandLine().getErr());
        List<Bars> bars = universe.bars();
        Duration timeframe = bars.getFirst().timeframe();
        ZoneId zone = bars.getFirst().market().zone();
        double lot = bars.getFirst().market().lotStep();
        RiskLimits limits = riskConfig != null ? riskConfig.limits() : RiskLimits.none("CRYPTO");
        List<String> accountIds = accounts == null ? List.of("SIM")
                : ConfigFiles.accounts(accounts).accounts().stream().map(a -> a.broker().id()).toList();
        ConsoleReport console = new ConsoleReport(out, zone);
        RunEvents events = notifier == null ? console
                : RunEvents.all(console, new NotifyingEvents(notifier, program.info().name()));
        DashboardFeed feed = httpPort == null ? null : new DashboardFeed();
        if (feed != null) {
            events = RunEvents.all(events, feed);
        }
        SimulatedRun.Setup setup = new SimulatedRun.Setup(state, program, settings(program, timeframe, zone),
                EngineConfig.of(program.info().name(), runMode, timeframe, zone, RunState.tag(state), lot > 0 ? lot : 1e-8),
                bus == null ? ReplayDataSet.fromBars(universe.description(), bars)
                        : new ReplayDataSet(bus, List.of()),
                new SimConfig(bars.getFirst().market().id().equals("krx") ? "KRW" : "USD", capital,
                        // a perpetual (binance-usdm) sells short as the futures account does; its funding is
                        // charged at each settlement by the rule the backtest uses, at a store's recorded rates
                        CostModel.defaults(bars.getFirst().market()), bars.getFirst().market().hasFunding(),
                        fundingRule(bars.getFirst().market(), universe.fundingRates())),
                accountIds, limits, riskConfig != null ? riskConfig.holidays() : Set.of(), events, replaySpeed, true);
        if (bus != null) {
            out.printf("%s %s on the simulated exchange: market data from %s (group %s), %s bars; state in %s; "
                    + "times in %s%n", program.info().name(), runMode.label(), bus, busGroup(program), timeframe, state,
                    zone.getId());
        } else {
            out.printf("%s %s on the simulated exchange: %s, %d symbols, %s bars, speed %s; state in %s; times in %s%n",
                    program.info().name(), runMode.label(), universe.description(), bars.size(), timeframe,
                    replaySpeed == 0 ? "max" : replaySpeed + "x", state, zone.getId());
        }
        out.flush();
        if (notifier != null) {
            notifier.send("[" + program.info().name() + "] started (" + runMode.label() + ", simulated exchange)");
        }
        RunEvents leaseEvents = events;
        // on a bus, the accounts of --accounts are this engine's alone while it runs (a lease each)
        try (AccountLeases leases = bus == null || accounts == null ? null
                : AccountLeases.acquire(bus, accountIds, holder(state), leaseWaiting);
             SimulatedRun run = SimulatedRun.open(setup);
             var source = bus == null ? null : openBus(program, state);
             Monitor monitor = new Monitor(run.engine(), console, program.info().name(), runMode, source, events,
                     feed, state)) {
            BooleanSupplier stopping = () -> {
                monitor.tick();
                return stop.get() || leases != null && leases.lost(leaseEvents);
            };
            boolean done;
            if (source == null) {
                done = run.run(stopping);
            } else {
                run.run(stopping, source);
                done = false;
            }
            finish(run.engine(), console, run.startingCash(), done, out);
        }
        if (notifier != null) {
            notifier.send("[" + program.info().name() + "] stopped");
        }
    }

    /** The engine's stable name in its consumer group: this machine and this state directory. */
    private static String instance(Path state) {
        return hostName() + "-" + Integer.toHexString(state.toAbsolutePath().normalize().toString().hashCode());
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** Who holds an account's lease, as the other engines' operators would want to read it. */
    private static String holder(Path state) {
        return hostName() + "-" + ProcessHandle.current().pid() + "-" + state.getFileName();
    }

    private String busGroup(StrategyProgram program) {
        return group != null ? group : program.info().name();
    }

    /** The engine's side of {@code --bus}: a member of the group, found by the address's scheme. */
    private dev.stratc.runtime.bus.SequencedSource openBus(StrategyProgram program, Path state) {
        try {
            // a static member named after the machine and the state directory: restarted after a crash on the same
            // state, the engine takes its partitions back at once instead of after the old membership's session
            return dev.stratc.runtime.bus.BusProvider.forAddress(bus).consumer(java.net.URI.create(bus),
                    busGroup(program), instance(state));
        } catch (dev.stratc.runtime.bus.BusProvider.BusAddressException e) {
            throw CliException.usage(e.getMessage());
        } catch (IllegalStateException e) {
            throw CliException.failure(e.getMessage(), e);
        }
    }

    private void runOnBrokers(RunMode runMode, StrategyProgram program, ConfigFiles.Risk riskConfig,
                              ConfigFiles.Accounts pool, Path state, AtomicBoolean stop, CtrlC ctrlC,
                              Notifier notifier, PrintWriter out) throws InterruptedException {
        // a strategy without a timeframe (the canonical scanner) runs on the 1-minute bars its backtest uses
        Duration timeframe = data.timeframe != null ? Durations.timeframe(data.timeframe)
                : program.info().timeframe() != null ? program.info().timeframe() : Duration.ofMinutes(1);
        if (data.timeframe == null && program.info().timeframe() == null) {
            out.println(file + " sets no timeframe: trading on 1-minute bars (--timeframe to choose)");
        }
        // the accounts' market decides the calendar, zone and lot rule; a risk file may name another calendar
        MarketRules market = MarketRules.of(pool);
        if (riskConfig != null && riskConfig.calendarGiven()) {
            market = market.withCalendar(riskConfig.limits().calendar());
        }
        RiskLimits limits = riskConfig != null ? riskConfig.limits().withCalendar(market.calendar())
                : RiskLimits.none(market.calendar());
        ZoneId zone = market.zone();
        ConsoleReport console = new ConsoleReport(out, zone);
        RunEvents events = notifier == null ? console
                : RunEvents.all(console, new NotifyingEvents(notifier, program.info().name()));
        DashboardFeed feed = httpPort == null ? null : new DashboardFeed();
        if (feed != null) {
            events = RunEvents.all(events, feed);
        }
        BrokerRun.Setup setup = new BrokerRun.Setup(state, program, settings(program, timeframe, zone),
                EngineConfig.of(program.info().name(), runMode, timeframe, zone, RunState.tag(state),
                        market.quantityStep()),
                pool, limits, riskConfig != null ? riskConfig.holidays() : Set.of(), events, data.symbols);
        out.printf("%s %s on %d account(s); state in %s; times in %s%n", program.info().name(), runMode.label(),
                pool.accounts().size(), state, zone.getId());
        if (notifier != null) {
            notifier.send("[" + program.info().name() + "] started (" + runMode.label() + ")");
        }
        BrokerRun opened;
        ctrlC.interruptible(true);
        try {
            opened = BrokerRun.open(setup);
        } catch (RuntimeException e) {
            if (!ctrlC.requested()) {
                throw e;
            }
            out.println("stopped while connecting to the accounts (" + e.getMessage() + "); nothing was sent");
            return;
        } finally {
            ctrlC.interruptible(false);
            Thread.interrupted();   // an interrupt meant for a wait while connecting must not cut off what follows
        }
        try (BrokerRun run = opened;
             Monitor monitor = new Monitor(run.engine(), console, program.info().name(), runMode, null, events,
                     feed, state)) {
            run.run(() -> {
                monitor.tick();
                return stop.get() || stopRequested.getAsBoolean();
            });
            finish(run.engine(), console, run.startingCash(), false, out);
        }
        if (notifier != null) {
            notifier.send("[" + program.info().name() + "] stopped");
        }
    }

    private void finish(Engine engine, ConsoleReport console, Map<String, Double> startingCash, boolean dataEnded,
                        PrintWriter out) {
        if (!dataEnded && onStop.equalsIgnoreCase("cancel") && !engine.orders().working().isEmpty()) {
            out.println("stopping: cancelling " + engine.orders().working().size() + " working order(s)");
            engine.cancelAll();
        }
        engine.checkpoint();
        console.status(engine);
        console.summary(engine, startingCash);
    }

    /** The periodic status view and the health endpoint's snapshot, refreshed from the engine thread. */
    private final class Monitor implements AutoCloseable {
        private final Engine engine;
        private final ConsoleReport console;
        private final String name;
        private final RunMode runMode;
        private final long statusMillis;
        private final AtomicReference<HealthServer.Snapshot> snapshot = new AtomicReference<>();
        private final HealthServer server;
        private long lastStatus = System.currentTimeMillis();
        private long lastSnapshot;
        /** The bus the run reads, or null. */
        private final dev.stratc.runtime.bus.SequencedSource source;
        /** Pauses new entries while the bus lags; null without a bus. */
        private final dev.stratc.runtime.bus.LagGuard lagGuard;
        private long lastLagCheck;

        /** What the dashboard shows, replaced whole from the engine thread like the snapshot; null without --http. */
        private final AtomicReference<DashboardView> view = new AtomicReference<>();
        private final DashboardFeed feed;

        Monitor(Engine engine, ConsoleReport console, String name, RunMode runMode,
                dev.stratc.runtime.bus.SequencedSource source, RunEvents events, DashboardFeed feed, Path state) {
            this.feed = feed;
            this.source = source;
            this.lagGuard = source == null ? null
                    : new dev.stratc.runtime.bus.LagGuard(source, engine.risk(), events, busMaxLag);
            this.engine = engine;
            this.console = console;
            this.name = name;
            this.runMode = runMode;
            this.statusMillis = statusMillis();
            refresh();
            this.server = httpPort == null ? null : source == null ? HealthServer.start(httpPort, snapshot::get)
                    : HealthServer.start(httpPort, snapshot::get, () -> source.prometheus() + lagGuard.prometheus());
            if (server != null) {
                // the token is a secret of this run: printed once here for the person at the console, kept nowhere
                String token = HealthServer.newToken();
                server.withDashboard(view::get, token, reason -> new KillSwitch(state, 0).engage(reason));
                spec.commandLine().getOut().println("health and metrics on http://127.0.0.1:" + server.port()
                        + "/health and /metrics");
                spec.commandLine().getOut().println("dashboard on http://127.0.0.1:" + server.port()
                        + "/dashboard (kill-switch token: " + token + ")");
                spec.commandLine().getOut().flush();
            }
        }

        /** A new snapshot and dashboard view; on the engine thread. */
        private void refresh() {
            snapshot.set(HealthServer.snapshot(engine, name, runMode.label()));
            if (feed != null) {
                view.set(feed.view(engine, snapshot.get()));
            }
        }

        void tick() {
            long now = System.currentTimeMillis();
            if (server != null && now - lastSnapshot >= 500) {
                lastSnapshot = now;
                refresh();
            }
            if (statusMillis > 0 && now - lastStatus >= statusMillis) {
                lastStatus = now;
                console.status(engine);
                if (source != null && !source.status().isEmpty()) {
                    spec.commandLine().getOut().println(source.status());
                    spec.commandLine().getOut().flush();
                }
            }
            if (lagGuard != null && now - lastLagCheck >= 1_000) {
                lastLagCheck = now;
                lagGuard.check();
            }
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
