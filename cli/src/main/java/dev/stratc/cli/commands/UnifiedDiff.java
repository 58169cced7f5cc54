package dev.stratc.cli.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff (the {@code diff -u} layout, three lines of context) between a file and its formatted text, so
 * {@code fmt --check} shows how a file differs, not only that it does. Strategy files are small: a plain
 * longest-common-subsequence table is fast enough and keeps the output identical to what {@code diff -u} shows.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff from {@code before} to {@code after}, named {@code NAME} and {@code NAME (formatted)}; empty if equal. */
    static String of(String name, String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        List<char[]> ops = edits(a, b);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0] == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < ops.size() && (ops.get(end)[0] != ' ' || end - lastChange <= 2 * CONTEXT)) {
                if (ops.get(end)[0] != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            if (out.isEmpty()) {
                out.append("--- ").append(name).append('\n').append("+++ ").append(name).append(" (formatted)\n");
            }
            appendHunk(out, ops, start, end, a, b);
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<char[]> ops, int start, int end, List<String> a,
            List<String> b) {
        int aLine = 0;
        int bLine = 0;
        for (int k = 0; k < start; k++) {
            aLine += ops.get(k)[0] != '+' ? 1 : 0;
            bLine += ops.get(k)[0] != '-' ? 1 : 0;
        }
        int aCount = 0;
        int bCount = 0;
        StringBuilder body = new StringBuilder();
        for (int k = start; k < end; k++) {
            char op = ops.get(k)[0];
            String text = op == '+' ? b.get(bLine + bCount) : a.get(aLine + aCount);
            body.append(op).append(text).append('\n');
            aCount += op != '+' ? 1 : 0;
            bCount += op != '-' ? 1 : 0;
        }
        out.append("@@ -").append(range(aLine, aCount)).append(" +").append(range(bLine, bCount)).append(" @@\n")
                .append(body);
    }

    private static String range(int start, int count) {
        return (count == 0 ? start : start + 1) + "," + count;
    }

    /** The edit script: ' ' keeps a line, '-' removes one of {@code a}, '+' adds one of {@code b}. */
    private static List<char[]> edits(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<char[]> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add(new char[] {' '});
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new char[] {'-'}); // removals before additions, as diff -u shows them
                i++;
            } else {
                ops.add(new char[] {'+'});
                j++;
            }
        }
        return ops;
    }
}
