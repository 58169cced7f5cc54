package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ./stratc} command of the README, exactly as written, run as a user runs it: a real process started
 * in a fresh directory that holds the checkout's {@code examples/} and {@code config/} (so relative paths and
 * outputs such as {@code report/} mean what they mean in the checkout), with its own home and no broker keys in
 * its environment. The README stays true: a command that fails, or a new command nobody looked at, fails here
 * with the command and its output.
 *
 * <p>Commands that need a broker's keys are run too, without the keys, and must be refused as a configuration
 * error naming the variable (exit 65), never an internal error. Only the few commands listed in {@link #SKIPPED}
 * are not run, each with its reason, and those in {@link #SCALED_DOWN} run at a smaller size; a listed command
 * that the README no longer has fails.
 */
class ReadmeCommandsTest {
    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

    /** Commands not run, by their start as the README writes them, with the reason. */
    private static final Map<String, String> SKIPPED = Map.of(
            "./stratc data fetch binance", "network: Binance's public market-data API (DataFetchCommandTest runs it"
                    + " against a mock server)",
            "./stratc kafka-local", "a broker that serves until Ctrl-C (bus-kafka's tests start it in process)",
            "./stratc run examples/momentum.strat --mode paper --bus kafka://", "needs the kafka-local broker of the"
                    + " line before and waits for data until Ctrl-C (KafkaBusEquivalenceTest)",
            "./stratc collect --bus kafka://", "needs the kafka-local broker (bus-kafka's collector tests)");

    /**
     * Commands run smaller than written, with the reason: the options and the output are the README's, only the
     * size is cut to what a shared two-core CI machine does in seconds.
     */
    private static final Map<String, String> SCALED_DOWN = Map.of(
            "./stratc data synth --symbols 2700 --days 20 --out krx.duckdb",
            "./stratc data synth --symbols 27 --days 2 --out krx.duckdb");

    /** Commands that need credentials: run without them, refused as a configuration error naming the variable. */
    private record Refusal(int exitCode, List<String> says) {
    }

    private static final Map<String, Refusal> REFUSED_WITHOUT_KEYS = Map.of(
            "./stratc run examples/momentum.strat --mode paper --accounts config/accounts.yaml",
            new Refusal(ExitCode.INVALID_INPUT, List.of("KIS_APP_KEY_1", "config/accounts.yaml")),
            "./stratc data fetch kis", new Refusal(ExitCode.INVALID_INPUT, List.of("KIS_PAPER_APP_KEY")),
            "./stratc data fetch kiwoom", new Refusal(ExitCode.INVALID_INPUT,
                    List.of("KIWOOM_MOCK_APP_KEY", "config/brokers/kiwoom.yaml")));

    /** What the README says a command exits with, where that is not 0. */
    private static final Map<String, Integer> EXPECTED_EXIT = Map.of();

    @TempDir
    static Path home;

    @TestFactory
    Stream<DynamicTest> everyReadmeCommandWorksAsWritten() throws IOException {
        Path work = Files.createDirectories(home.resolve("checkout"));
        Files.createSymbolicLink(work.resolve("examples"), CHECKOUT.resolve("examples"));
        Files.createSymbolicLink(work.resolve("config"), CHECKOUT.resolve("config"));
        return readmeCommands().stream().filter(c -> skipReason(c) == null)
                .map(command -> DynamicTest.dynamicTest(command, () -> runAsWritten(work, command)));
    }

    @Test
    void everySkipIsAReadmeCommandAndTheReadmeHasCommandsToRun() throws IOException {
        List<String> commands = readmeCommands();
        assertThat(commands).as("the README's stratc commands").hasSizeGreaterThan(10);
        for (String prefix : SKIPPED.keySet()) {
            assertThat(commands).as("a skipped command the README no longer has: " + prefix)
                    .anyMatch(c -> c.startsWith(prefix));
        }
        assertThat(commands).containsAll(SCALED_DOWN.keySet());
        for (String prefix : REFUSED_WITHOUT_KEYS.keySet()) {
            assertThat(commands).as("a command the README no longer has: " + prefix).anyMatch(c -> c.startsWith(prefix));
        }
    }

    @Test
    void theQuickStartIsExactlyTwoCommands() throws IOException {
        String readme = Files.readString(CHECKOUT.resolve("README.md"));
        String quickStart = readme.substring(readme.indexOf("## Quick start"), readme.indexOf("## A tour"));
        List<String> lines = fencedLines(quickStart);
        assertThat(lines).containsExactly("./stratc backtest examples/momentum.strat", "./mvnw -B verify");
    }

    private static void runAsWritten(Path work, String command) throws Exception {
        List<String> args = expandGlobs(work, words(SCALED_DOWN.getOrDefault(command, command)));
        args.removeFirst(); // ./stratc
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> process = new ArrayList<>(List.of(javaBinary, "--enable-native-access=ALL-UNNAMED",
                "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        process.addAll(args);
        Path output = Files.createTempFile(home, "out", ".txt");
        ProcessBuilder builder = new ProcessBuilder(process).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.startsWith("KIS_") || name.startsWith("BINANCE_")
                || name.startsWith("KIWOOM_") || name.startsWith("STRATC_"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        Process started = builder.start();
        boolean ended = started.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            started.destroyForcibly().waitFor();
        }
        String said = Files.readString(output, StandardCharsets.UTF_8);
        String shown = "\n$ " + command + "\n" + tail(said);
        assertThat(ended).as("still running after 5 minutes:" + shown).isTrue();
        Refusal refusal = REFUSED_WITHOUT_KEYS.entrySet().stream().filter(e -> command.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (refusal != null) {
            assertThat(started.exitValue()).as("without the broker's keys:" + shown).isEqualTo(refusal.exitCode());
            assertThat(said).as(shown).contains(refusal.says()).doesNotContain("internal error")
                    .doesNotContain("\tat ");
            return;
        }
        int expected = EXPECTED_EXIT.entrySet().stream().filter(e -> command.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(ExitCode.OK);
        assertThat(started.exitValue()).as("exit code of" + shown).isEqualTo(expected);
        assertThat(said).as(shown).doesNotContain("[picocli WARN]").doesNotContain("internal error");
    }

    private static String skipReason(String command) {
        return SKIPPED.entrySet().stream().filter(e -> command.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }

    /**
     * The {@code ./stratc} commands of the README: each line of a fenced shell block (continuations joined, the
     * trailing comment dropped), and each inline code span that is a whole command without a placeholder (…).
     */
    static List<String> readmeCommands() throws IOException {
        String readme = Files.readString(CHECKOUT.resolve("README.md"));
        Map<String, Boolean> commands = new LinkedHashMap<>();
        for (String line : fencedLines(readme)) {
            if (line.startsWith("./stratc ")) {
                commands.put(line, true);
            }
        }
        Matcher inline = Pattern.compile("(?<!`)`(\\./stratc [^`]+)`(?!`)").matcher(withoutFences(readme));
        while (inline.find()) {
            if (!inline.group(1).contains("…")) {
                commands.put(inline.group(1).trim(), true);
            }
        }
        return List.copyOf(commands.keySet());
    }

    private static List<String> fencedLines(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean inShell = false;
        StringBuilder pending = new StringBuilder();
        for (String raw : markdown.split("\n")) {
            if (raw.startsWith("```")) {
                inShell = !inShell && (raw.equals("```sh") || raw.equals("```bash") || raw.equals("```shell"));
                continue;
            }
            if (!inShell) {
                continue;
            }
            String line = withoutComment(raw).strip();
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String whole = pending.toString().strip().replaceAll(" {2,}", " ");
            pending.setLength(0);
            if (!whole.isEmpty()) {
                lines.add(whole);
            }
        }
        return lines;
    }

    private static String withoutFences(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", "");
    }

    /** A line without its shell comment: a {@code #} at the start of a word, outside quotes. */
    private static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Unquoted words with a {@code *} become the sorted files they match, as the shell expands them. */
    private static List<String> expandGlobs(Path work, List<String> words) throws IOException {
        List<String> expanded = new ArrayList<>();
        for (String word : words) {
            if (!word.startsWith("\0") || !word.contains("*")) {
                expanded.add(word.startsWith("\0") ? word.substring(1) : word);
                continue;
            }
            String glob = word.substring(1);
            Path parent = work.resolve(glob).getParent();
            var matcher = parent.getFileSystem().getPathMatcher("glob:" + work.resolve(glob));
            try (Stream<Path> files = Files.list(parent)) {
                files.filter(matcher::matches).map(f -> work.relativize(f).toString()).sorted().forEach(expanded::add);
            }
        }
        return expanded;
    }

    /**
     * The words of a command as a POSIX shell splits them (single and double quotes); a word with no quote in it
     * is marked with a leading NUL so that only those are expanded as globs.
     */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
                quoted = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add((quoted ? "" : "\0") + word);
                    word.setLength(0);
                    inWord = false;
                    quoted = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add((quoted ? "" : "\0") + word);
        }
        return words;
    }
}
