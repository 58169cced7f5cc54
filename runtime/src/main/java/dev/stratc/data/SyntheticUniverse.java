package dev.stratc.data;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A seeded generator of a KRX-like universe of 1-minute bars — <b>synthetic data</b>, for scanner demos, tests
 * and benchmarks, never for judging a strategy. It imitates what a KRX scanner meets: prices on the KRX tick
 * grid, a ±30 % daily price limit around the previous close, a 09:00–15:30 KST session (390 bars a day, Monday
 * to Friday), a U-shaped intraday volume profile, overnight gaps, and injected surges (a few percent up over
 * several minutes on several times the volume). The same spec always gives the same bars.
 *
 * <p>Symbols are named {@code SYN0001…} so synthetic data cannot be mistaken for real listings.
 *
 * @param symbols  how many symbols
 * @param days     trading days
 * @param seed     random seed
 * @param firstDay the first trading day (a weekend date moves to the next Monday)
 */
public record SyntheticUniverse(int symbols, int days, long seed, LocalDate firstDay) {
    public static final int BARS_PER_DAY = 390;
    /** The most symbols and trading days a synthetic universe has (days × 390 bars must fit one array). */
    public static final int MAX_SYMBOLS = 10_000;
    public static final int MAX_DAYS = 10_000;
    /** What one generated bar takes in memory: its time and five prices. */
    public static final long BYTES_PER_BAR = 6 * Double.BYTES;
    private static final LocalTime OPEN = LocalTime.of(9, 0);

    public SyntheticUniverse {
        if (symbols < 1 || symbols > MAX_SYMBOLS) {
            throw new IllegalArgumentException("symbols=" + symbols + " is out of range; write 1 to " + MAX_SYMBOLS);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days=" + days + " is out of range; write 1 to " + MAX_DAYS);
        }
    }

    public static SyntheticUniverse of(int symbols, int days, long seed) {
        return new SyntheticUniverse(symbols, days, seed, LocalDate.of(2026, 1, 5));
    }

    /** Parses {@code synth:krx}, {@code synth:krx?symbols=100&days=5&seed=7}. */
    public static SyntheticUniverse parse(String spec) {
        String rest = spec.substring(spec.indexOf(':') + 1);
        int q = rest.indexOf('?');
        String market = q < 0 ? rest : rest.substring(0, q);
        if (!market.isEmpty() && !market.equals("krx")) {
            throw new IllegalArgumentException("synthetic data exists for krx only: " + spec);
        }
        int symbols = 100;
        int days = 5;
        long seed = 1;
        if (q >= 0) {
            for (String kv : rest.substring(q + 1).split("[&,]")) {
                String[] p = kv.split("=", 2);
                if (p.length != 2) {
                    throw new IllegalArgumentException("expected name=value in '" + spec + "'");
                }
                switch (p[0]) {
                    case "symbols" -> symbols = count(p[0], p[1], MAX_SYMBOLS);
                    case "days" -> days = count(p[0], p[1], MAX_DAYS);
                    case "seed" -> seed = whole(p[0], p[1]);
                    default -> throw new IllegalArgumentException("unknown synthetic option '" + p[0]
                            + "' (symbols, days, seed)");
                }
            }
        }
        return of(symbols, days, seed);
    }

    /** A count of the spec, 1 to {@code max}: a huge one is out of range, not "For input string". */
    private static int count(String name, String text, int max) {
        long value = whole(name, text);
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + "=" + text.strip() + " is out of range; write 1 to " + max);
        }
        return (int) value;
    }

    private static long whole(String name, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + text + " " + (text.strip().matches("-?\\d+")
                    ? "is out of range" : "is not a whole number"));
        }
    }

    /** How many bars the universe has, and so roughly what it takes in memory ({@link #BYTES_PER_BAR} each). */
    public long bars() {
        return (long) symbols * days * BARS_PER_DAY;
    }

    @Override
    public String toString() {
        return "synth:krx?symbols=" + symbols + "&days=" + days + "&seed=" + seed;
    }

    /** The bar end times, shared by every symbol. */
    long[] times() {
        long[] t = new long[days * BARS_PER_DAY];
        LocalDate d = firstDay;
        int k = 0;
        for (int day = 0; day < days; day++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            long open = d.atTime(OPEN).atZone(Market.KRX.zone()).toInstant().toEpochMilli();
            for (int m = 1; m <= BARS_PER_DAY; m++) {
                t[k++] = open + m * 60_000L;
            }
            d = d.plusDays(1);
        }
        return t;
    }

    /** Symbols are generated in parallel; each has its own seed, so the result does not depend on threads. */
    public List<Bars> generate() {
        return generate(done -> { });
    }

    /** {@link #generate()}, telling {@code symbolsDone} how many symbols are ready (for a progress bar). */
    public List<Bars> generate(java.util.function.LongConsumer symbolsDone) {
        long[] times = times();
        Bars[] out = new Bars[symbols];
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        IntStream.range(0, symbols).parallel().forEach(s -> {
            out[s] = symbol(s, times);
            symbolsDone.accept(done.incrementAndGet());
        });
        return List.of(out);
    }

    private Bars symbol(int index, long[] times) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + index);
        int n = times.length;
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double price = Math.exp(Math.log(1_000) + rnd.nextDouble() * (Math.log(300_000) - Math.log(1_000)));
        price = round(price);
        double baseVolume = 20_000_000 / price * (0.2 + rnd.nextDouble());   // about 20M KRW a minute
        double vol = 0.0008 + rnd.nextDouble() * 0.0022;                      // per-minute volatility
        int k = 0;
        for (int day = 0; day < days; day++) {
            double previousClose = price;
            double upper = Market.krxTick(previousClose * 1.3) * Math.floor(previousClose * 1.3
                    / Market.krxTick(previousClose * 1.3));
            double lower = Math.max(1, Market.krxTick(previousClose * 0.7) * Math.ceil(previousClose * 0.7
                    / Market.krxTick(previousClose * 0.7)));
            price = clamp(round(price * Math.exp(rnd.nextGaussian() * vol * 6)), lower, upper);
            // A surge: often after a sell-off (so momentum is not yet overbought), one to four sharp bars up on
            // several times the usual volume; then, as often as not, a pullback that gives back much of it.
            int surgeAt = rnd.nextDouble() < 0.3 ? 40 + rnd.nextInt(BARS_PER_DAY - 80) : -1;
            int surgeLength = 1 + rnd.nextInt(4);
            double surgeGain = 0.03 + rnd.nextDouble() * 0.05;
            double surgeStep = surgeGain / surgeLength;
            int dipLength = rnd.nextDouble() < 0.7 ? 15 + rnd.nextInt(20) : 0;
            double dipStep = -(0.02 + rnd.nextDouble() * 0.04) / Math.max(1, dipLength);
            int pullbackLength = rnd.nextDouble() < 0.55 ? 5 + rnd.nextInt(25) : 0;
            double pullbackStep = -surgeGain * (0.4 + rnd.nextDouble() * 0.8) / Math.max(1, pullbackLength);
            for (int m = 0; m < BARS_PER_DAY; m++, k++) {
                boolean surging = surgeAt >= 0 && m >= surgeAt && m < surgeAt + surgeLength;
                double open = price;
                boolean dipping = surgeAt >= 0 && m >= surgeAt - dipLength && m < surgeAt;
                int afterSurge = surgeAt < 0 ? -1 : m - surgeAt - surgeLength;
                boolean pullingBack = afterSurge >= 0 && afterSurge < pullbackLength;
                double drift = surging ? surgeStep : dipping ? dipStep : pullingBack ? pullbackStep : 0;
                double close = clamp(round(open * Math.exp(drift + rnd.nextGaussian() * vol)), lower, upper);
                double wick = Math.abs(rnd.nextGaussian()) * vol * 0.6;
                double high = clamp(roundUp(Math.max(open, close) * (1 + wick)), lower, upper);
                double low = clamp(roundDown(Math.min(open, close) * (1 - Math.abs(rnd.nextGaussian()) * vol
                        * 0.6)), lower, upper);
                double x = (m - (BARS_PER_DAY - 1) / 2.0) / ((BARS_PER_DAY - 1) / 2.0);
                double profile = 0.4 + 1.6 * x * x;                        // U-shaped: busy open and close
                double volume = Math.floor(baseVolume * profile * (0.5 + rnd.nextDouble())
                        * (surging ? 3 + rnd.nextDouble() * 4 : 1));
                o[k] = open;
                h[k] = Math.max(high, Math.max(open, close));
                l[k] = Math.min(low, Math.min(open, close));
                c[k] = close;
                v[k] = volume;
                price = close;
            }
        }
        return new Bars(String.format("SYN%04d", index + 1), Market.KRX, Duration.ofMinutes(1), times, o, h, l,
                c, v, n);
    }

    private static double clamp(double p, double lo, double hi) {
        return Math.max(lo, Math.min(hi, p));
    }

    private static double round(double p) {
        double t = Market.krxTick(p);
        return Math.max(1, Math.round(p / t) * t);
    }

    private static double roundUp(double p) {
        double t = Market.krxTick(p);
        return Math.ceil(p / t) * t;
    }

    private static double roundDown(double p) {
        double t = Market.krxTick(p);
        return Math.max(1, Math.floor(p / t) * t);
    }
}
