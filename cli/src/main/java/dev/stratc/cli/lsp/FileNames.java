package dev.stratc.cli.lsp;

import java.net.URI;
import java.nio.file.Path;

/** The file name the compiler puts in its messages, from the document URI the editor sends. */
final class FileNames {
    private FileNames() {
    }

    static String of(String uri) {
        try {
            URI parsed = URI.create(uri);
            if ("file".equals(parsed.getScheme())) {
                Path path = Path.of(parsed);
                Path workingDirectory = Path.of("").toAbsolutePath();
                return (path.startsWith(workingDirectory) ? workingDirectory.relativize(path) : path).toString();
            }
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException notAPath) {
            // untitled:, vscode-notebook-cell: and other schemes: the URI itself names the document.
        }
        return uri;
    }
}
