package dev.stratc.bus.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * Apache Kafka in KRaft mode inside this JVM: one node or a few, each broker and controller at once, on loopback,
 * storage under a data directory (formatted on first start, reused after). What {@code stratc kafka-local} runs
 * for a user trying the bus on one machine, and what the tests run against: the real broker, not a mock.
 */
public final class LocalKafka implements AutoCloseable {
    private final Path dataDir;
    private final List<Node> nodes = new ArrayList<>();

    private record Node(int id, int port, int controllerPort, Path dir, Properties settings, KafkaRaftServer[] server) {
    }

    private LocalKafka(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** A single node on {@code port} (its controller on {@code port + 1}); {@code 0} picks free ports. */
    public static LocalKafka start(Path dataDir, int port) {
        return start(dataDir, 1, port);
    }

    /** {@code count} nodes forming one cluster; with {@code port} 0 every port is picked free. */
    public static LocalKafka start(Path dataDir, int count, int port) {
        LocalKafka kafka = new LocalKafka(dataDir);
        try {
            kafka.configure(count, port);
            String clusterId = kafka.clusterId();
            for (Node node : kafka.nodes) {
                format(node, clusterId);
            }
            // controllers of a quorum wait for each other: start them all before any waits for a leader
            List<Thread> starting = new ArrayList<>();
            List<RuntimeException> failures = new ArrayList<>();
            for (Node node : kafka.nodes) {
                Thread t = Thread.ofPlatform().name("kafka-start-" + node.id()).start(() -> {
                    try {
                        kafka.startNode(node);
                    } catch (RuntimeException e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                });
                starting.add(t);
            }
            for (Thread t : starting) {
                t.join();
            }
            if (!failures.isEmpty()) {
                throw failures.getFirst();
            }
            return kafka;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kafka.close();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    private void configure(int count, int port) {
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(port == 0 ? new int[]{freePort(), freePort()} : new int[]{port + 2 * i, port + 2 * i + 1});
        }
        StringJoiner voters = new StringJoiner(",");
        for (int i = 0; i < count; i++) {
            voters.add((i + 1) + "@127.0.0.1:" + ports.get(i)[1]);
        }
        short replication = (short) Math.min(3, count);
        for (int i = 0; i < count; i++) {
            int id = i + 1;
            Path dir = dataDir.resolve("node-" + id);
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", String.valueOf(id));
            p.put("controller.quorum.voters", voters.toString());
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + ports.get(i)[0] + ",CONTROLLER://127.0.0.1:" + ports.get(i)[1]);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports.get(i)[0]);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("log.dirs", dir.toAbsolutePath().toString());
            p.put("num.partitions", "12");
            p.put("default.replication.factor", String.valueOf(replication));
            p.put("min.insync.replicas", "1");
            p.put("offsets.topic.replication.factor", String.valueOf(replication));
            p.put("offsets.topic.num.partitions", "6");
            p.put("transaction.state.log.replication.factor", String.valueOf(replication));
            p.put("transaction.state.log.min.isr", "1");
            p.put("share.coordinator.state.topic.replication.factor", String.valueOf(replication));
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("auto.create.topics.enable", "false");
            p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
            nodes.add(new Node(id, ports.get(i)[0], ports.get(i)[1], dir, p, new KafkaRaftServer[1]));
        }
    }

    /** The cluster's id, kept under the data directory so a restarted broker finds its storage. */
    private String clusterId() {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("cluster.id");
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka data directory " + dataDir, e);
        }
    }

    private static void format(Node node, String clusterId) {
        try {
            Files.createDirectories(node.dir());
            Path config = node.dir().resolveSibling("node-" + node.id() + ".properties");
            try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                node.settings().store(out, "written by stratc: the settings node " + node.id() + " runs with");
            }
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            int status = StorageTool.execute(new String[]{"format", "-t", clusterId, "-c", config.toString(),
                    "--ignore-formatted"}, new PrintStream(log, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException("formatting Kafka storage in " + node.dir() + " failed: "
                        + log.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka data directory " + node.dir(), e);
        } catch (Exception e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("formatting Kafka storage in " + node.dir() + " failed: " + e.getMessage(), e);
        }
    }

    private void startNode(Node node) {
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(node.settings(), false), Time.SYSTEM);
        server.startup();
        synchronized (node.server()) {
            node.server()[0] = server;
        }
    }

    /** The bootstrap servers of every node: {@code 127.0.0.1:port,…}. */
    public String bootstrapServers() {
        StringJoiner all = new StringJoiner(",");
        nodes.forEach(n -> all.add("127.0.0.1:" + n.port()));
        return all.toString();
    }

    /** A {@code kafka://} address of this cluster for {@code --bus}. */
    public String address() {
        return "kafka://" + bootstrapServers();
    }

    public int size() {
        return nodes.size();
    }

    /** Stops node {@code id} (1-based) as a crash would end it, leaving the others running. */
    public void stopNode(int id) {
        Node node = nodes.get(id - 1);
        KafkaRaftServer server;
        synchronized (node.server()) {
            server = node.server()[0];
            node.server()[0] = null;
        }
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    /** Starts node {@code id} again on its storage. */
    public void restartNode(int id) {
        startNode(nodes.get(id - 1));
    }

    /** Blocks until the nodes stop (Ctrl-C in {@code stratc kafka-local}). */
    public void awaitShutdown() {
        for (Node node : nodes) {
            KafkaRaftServer server;
            synchronized (node.server()) {
                server = node.server()[0];
            }
            if (server != null) {
                server.awaitShutdown();
            }
        }
    }

    @Override
    public void close() {
        for (int i = nodes.size(); i >= 1; i--) {
            try {
                stopNode(i);
            } catch (RuntimeException e) {
                // stopping the rest matters more
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /** {@code java … dev.stratc.bus.kafka.LocalKafka DATA_DIR [PORT]}: a single node until Ctrl-C. */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("user.home") + "/.stratc/kafka");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
        LocalKafka kafka = start(dir, port);
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-local-stop"));
        System.out.println("Kafka (KRaft, 1 node) on " + kafka.bootstrapServers() + ", data in " + dir
                + "; use --bus " + kafka.address() + "; Ctrl-C stops it");
        kafka.awaitShutdown();
    }
}
