package dev.stratc.compiler.codegen;

/**
 * The one way text from a {@code .strat} file (a name, a message, a file path) enters generated Java: as a string
 * literal that Java and Janino can only read back as that same text.
 *
 * <p>Java translates {@code \}{@code uXXXX} escapes before it lexes, inside literals and comments alike, so
 * {@code \}{@code u0022} would end a literal and {@code \}{@code u000a} a line. The literal is therefore plain
 * printable ASCII: a backslash is always doubled (and a doubled backslash never starts a unicode escape), control
 * characters are written as three-digit octal escapes (a line break never appears, not even translated), and only
 * characters from U+007F up use {@code \}{@code uXXXX}, which translates to a character that means nothing to the
 * lexer inside a literal.
 */
public final class JavaLiterals {
    private JavaLiterals() {
    }

    /** {@code text} as a Java string literal, quotes included. */
    public static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        // Always three digits, so a digit that follows is never read as part of the escape.
                        out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                                .append((char) ('0' + (c & 7)));
                    } else if (c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append("\\u").append(Character.forDigit(c >> 12, 16))
                                .append(Character.forDigit((c >> 8) & 0xf, 16))
                                .append(Character.forDigit((c >> 4) & 0xf, 16))
                                .append(Character.forDigit(c & 0xf, 16));
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
