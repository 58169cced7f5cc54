package dev.stratc.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.stratc.cli.CliException;
import dev.stratc.runtime.bus.BusProvider;
import dev.stratc.runtime.run.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "kafka-local", mixinStandardHelpOptions = true,
        description = {"Starts a single-node Apache Kafka broker (KRaft) on this machine for trying the bus: the",
            "collector ('stratc collect --bus kafka://localhost:9092') and the engines ('stratc run FILE --bus ...')",
            "meet there. Data under --state-dir/kafka (kept between starts); Ctrl-C stops it.",
            "Example: stratc kafka-local"})
public final class KafkaLocalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
            description = "Client port, 1024 to 65534 (the controller takes the next one); default ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "The broker keeps its data in DIR/kafka (default ~/.stratc/runs/kafka-local).")
    Path stateDir;

    @Override
    public Integer call() throws Exception {
        if (port < 1024 || port > 65534) {
            throw CliException.usage("--port " + port + ": use 1024 to 65534 (the controller takes PORT+1)");
        }
        BusProvider kafka;
        try {
            kafka = BusProvider.forScheme("kafka");
        } catch (BusProvider.BusAddressException e) {
            throw CliException.failure("this stratc has no Kafka bus (the bus-kafka module is not on its class path)", e);
        }
        Path dir = (stateDir != null ? stateDir : RunState.defaultDirectory().resolveSibling("kafka-local"))
                .resolve("kafka");
        PrintWriter out = spec.commandLine().getOut();
        AtomicBoolean stop = new AtomicBoolean();
        CtrlC ctrlC = CtrlC.install(stop, spec.commandLine().getErr());
        AutoCloseable broker;
        try {
            broker = kafka.startLocal(dir, port);
        } catch (RuntimeException e) {
            ctrlC.close();
            throw CliException.failure("the local Kafka broker did not start on port " + port + " (" + e.getMessage()
                    + "); is the port taken? try --port 19092", e);
        }
        try (ctrlC; broker) {
            out.printf("Kafka (KRaft, 1 node) on 127.0.0.1:%d, data in %s%nuse --bus %s; Ctrl-C stops it%n", port, dir,
                    kafka.localAddress(port));
            out.flush();
            while (!stop.get()) {
                Thread.sleep(200);
            }
            out.println("stopping the broker");
            out.flush();
        }
        return CtrlC.EXIT_STATUS;
    }
}
