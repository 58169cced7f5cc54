package dev.stratc.runtime.run;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import dev.stratc.bus.kafka.KafkaBusConfig;
import dev.stratc.bus.kafka.KafkaSource;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;

/**
 * The process {@code BusCrashTest} kills: {@link CrashChild}'s one-account paper run, fed from the Kafka bus
 * instead of the data set, as the same static member of its consumer group every time. Prints {@code reached N}
 * once the engine has processed data position {@code N} (the third argument), and at the end of the stream
 * {@code finished} and the account's final equity.
 */
public final class BusCrashChild {
    static final String GROUP = "crash-engine";

    private BusCrashChild() {
    }

    static SimulatedRun.Setup setup(Path stateDir, ReplayDataSet data, Recorder recorder) {
        CrashChild.Scenario scenario = CrashChild.Scenario.ONE_ACCOUNT;
        return Runs.setup(stateDir, scenario.program, data, RunMode.PAPER, RiskLimits.none("CRYPTO"),
                scenario.accounts, recorder);
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        KafkaBusConfig config = KafkaBusConfig.parse(URI.create(args[1]));
        long announceAt = Long.parseLong(args[2]);
        boolean[] announced = {announceAt < 0};
        try (SimulatedRun run = SimulatedRun.open(setup(state, new ReplayDataSet("kafka", List.of()), new Recorder()));
             KafkaSource source = new KafkaSource(config, GROUP, GROUP + "-1")) {
            System.err.println("opened, warm-up to " + run.engine().resumeAfter());
            run.run(() -> {
                if (!announced[0] && run.engine().sequence() >= announceAt) {
                    announced[0] = true;
                    System.out.println("reached " + announceAt);
                    System.out.flush();
                }
                return source.endOfStream();
            }, source);
            System.out.println("finished");
            for (String account : CrashChild.Scenario.ONE_ACCOUNT.accounts) {
                System.out.println("equity " + account + " " + run.engine().portfolio().equity(account));
            }
        }
    }
}
