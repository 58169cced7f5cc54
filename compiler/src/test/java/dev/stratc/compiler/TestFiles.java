package dev.stratc.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the test inputs are: the repository's examples and the golden corpus. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isDirectory(directory.resolve("examples"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }

    public static List<Path> examples() {
        return stratFiles(repositoryRoot().resolve("examples"));
    }

    public static List<Path> corpus() {
        return stratFiles(repositoryRoot().resolve("compiler/src/test/resources/corpus"));
    }

    public static List<Path> stratFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".strat")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
