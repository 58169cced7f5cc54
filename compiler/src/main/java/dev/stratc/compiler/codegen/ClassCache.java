package dev.stratc.compiler.codegen;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Compiled strategy classes on disk, so that running the same file again in a new process skips Janino (its
 * first compilation in a process is the slowest step of starting a backtest). Keyed by the generated source and
 * by the jars it links against, so a rebuilt stratc never loads a class compiled against older code. Best
 * effort: a cache that cannot be read or written is simply not used. Not trusted: what it returns is defined by
 * the same {@link StrategyClassLoader}, with the same bytecode check, as a class fresh from Janino, and an entry
 * that fails them is compiled again and replaced.
 *
 * <p>The directory is {@code -Dstratc.cache.dir}, else {@code $XDG_CACHE_HOME/stratc/classes}, else
 * {@code ~/.cache/stratc/classes}; {@code -Dstratc.cache.dir=off} turns the cache off.
 */
final class ClassCache {
    /** {@code null} when the cache is off. */
    private final Path directory;

    private ClassCache(Path directory) {
        this.directory = directory;
    }

    static ClassCache standard() {
        String configured = System.getProperty("stratc.cache.dir");
        if (configured != null) {
            return new ClassCache(configured.equals("off") ? null : Path.of(configured));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new ClassCache(base.resolve("stratc").resolve("classes"));
    }

    Optional<byte[]> read(String javaSource) {
        if (directory == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file(javaSource)));
        } catch (IOException | RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    void write(String javaSource, byte[] bytecode) {
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path target = file(javaSource);
            Path temporary = Files.createTempFile(directory, "class", ".tmp");
            Files.write(temporary, bytecode);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException unavailable) {
            // A read-only home or a full disk costs a Janino compilation next time, nothing more.
        }
    }

    private Path file(String javaSource) {
        return directory.resolve(sha256(javaSource + "\u0000" + LinkedCode.FINGERPRINT) + ".class");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Where and when the code generated classes link against (the compiler and the catalogue) was built. */
    private static final class LinkedCode {
        static final String FINGERPRINT = location(ClassCache.class) + "|" + location(dev.stratc.indicators.catalog.FunctionSpec.class);

        private static String location(Class<?> type) {
            try {
                Path path = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path newest = Files.isDirectory(path) ? path.resolve(type.getName().replace('.', '/') + ".class") : path;
                return path + "@" + Files.getLastModifiedTime(newest).toMillis();
            } catch (IOException | URISyntaxException | RuntimeException unknown) {
                return "unknown@" + System.nanoTime();
            }
        }
    }
}
