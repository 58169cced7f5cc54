package dev.stratc.cli.commands;

import java.util.function.LongConsumer;

import dev.stratc.cli.Terminal;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr, with rate and ETA, for work that turns out to take more than a second, and only on a
 * terminal without {@code --quiet}: quick runs and redirected output stay clean (each command prints its one-line
 * summary when done).
 */
final class Progress implements LongConsumer, AutoCloseable {
    /** A second; {@code -Dstratc.progress.showAfterMillis=0} shows every bar (the tests draw them at once). */
    private static final long SHOW_AFTER_NANOS = Long.getLong("stratc.progress.showAfterMillis", 1_000) * 1_000_000L;
    private final String task;
    private long total;
    private final String unit;
    private final long started = System.nanoTime();
    private ProgressBar bar;

    Progress(String task, long total, String unit) {
        this.task = task;
        this.total = total;
        this.unit = unit;
    }

    @Override
    public synchronized void accept(long done) {
        if (bar == null) {
            if (!Terminal.showsProgress() || System.nanoTime() - started < SHOW_AFTER_NANOS) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .showSpeed().build();
        }
        bar.stepTo(done);
    }

    /** A step of work whose size is known only once it starts (files found, symbols asked for). */
    synchronized void step(long done, long newTotal) {
        if (newTotal != total) {
            total = newTotal;
            if (bar != null) {
                bar.maxHint(newTotal);
            }
        }
        accept(done);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.stepTo(total);
            bar.close();
        }
    }
}
