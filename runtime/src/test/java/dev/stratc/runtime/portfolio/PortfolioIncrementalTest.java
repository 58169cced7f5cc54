package dev.stratc.runtime.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The book's running figures (equity, exposure, today's P&L, open positions, whether every position has a market
 * price) against the same figures recomputed from scratch from the positions and holdings, after seeded random
 * sequences of fills (opening, adding, reducing, reversing), marks, closes, adjustments, dust and new days over
 * several accounts: a property check of the incremental book, over 200 sequences.
 */
class PortfolioIncrementalTest {
    private static final List<String> ACCOUNTS = List.of("A", "B", "C");
    private static final int SYMBOLS = 12;

    @Test
    void runningFiguresEqualARecomputationAfterRandomFillsMarksAndCloses() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            Portfolio books = new Portfolio();
            Set<String> marked = new HashSet<>();
            for (String account : ACCOUNTS) {
                books.setCurrency(account, "KRW");
                books.setCash(account, 1_000_000 + random.nextInt(9_000_000));
            }
            for (int step = 0; step < 400; step++) {
                String account = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
                String symbol = "S" + random.nextInt(SYMBOLS);
                double price = 1_000 + random.nextInt(100_000) + random.nextInt(100) / 100.0;
                int op = random.nextInt(100);
                if (op < 35) {
                    double quantity = (random.nextInt(200) - 80) / (random.nextBoolean() ? 1.0 : 7.0);
                    books.fill(account, symbol, quantity, price, random.nextDouble() * 50, step, step);
                } else if (op < 70) {
                    books.mark(symbol, random.nextInt(20) == 0 ? Double.NaN : price);
                    marked.add(symbol);
                } else if (op < 82) {
                    double held = books.position(account, symbol).quantity();
                    if (held != 0) {
                        books.fill(account, symbol, -held, price, 10, step, step);   // closes
                    }
                } else if (op < 87) {
                    books.adjust(account, symbol, random.nextInt(50) - 10,
                            random.nextBoolean() ? Double.NaN : price, step, step);
                } else if (op < 91) {
                    books.moveToDust(account, symbol, random.nextBoolean() ? Double.NaN : price);
                } else if (op < 95) {
                    books.setOutside(account, symbol, random.nextInt(3) == 0 ? 0 : random.nextInt(30));
                } else if (op < 97) {
                    books.setDust(account, symbol, random.nextInt(3) == 0 ? 0 : random.nextDouble());
                } else {
                    books.newDay();
                }
                String where = "seed " + seed + ", step " + step;
                for (String a : ACCOUNTS) {
                    assertMatchesRecomputation(books, a, where);
                }
                assertThat(books.openPositionCount()).as(where).isEqualTo(books.openPositions().size());
                assertThat(books.marketPriced()).as(where).isEqualTo(recomputedMarketPriced(books, marked));
            }
        }
    }

    @Test
    void theRunningSumsAreRecomputedExactlyAfterManyUpdates() {
        Portfolio books = new Portfolio();
        books.setCash("A", 10_000_000);
        books.fill("A", "X", 3, 0.1, 0, 0, 0);
        books.fill("A", "Y", 7, 0.3, 0, 0, 0);
        Random random = new Random(7);
        for (int i = 0; i < Portfolio.RESUM_EVERY + 10; i++) {
            books.mark(random.nextBoolean() ? "X" : "Y", random.nextDouble() * 1e6);
        }
        double exact = books.cash("A") + books.position("A", "X").value() + books.position("A", "Y").value();
        assertThat(books.tradingEquity("A")).isCloseTo(exact, within(1e-6));
    }

    private static void assertMatchesRecomputation(Portfolio books, String account, String where) {
        double positions = 0;
        double gross = 0;
        for (Position position : books.openPositions(account)) {
            positions += position.value();
            gross += Math.abs(position.value());
        }
        double dust = 0;
        double outside = 0;
        for (Holding holding : books.holdings(account)) {
            gross += Math.abs(holding.value());
            if (holding.kind() == Holding.Kind.DUST) {
                dust += holding.value();
            } else {
                outside += holding.value();
            }
        }
        double trading = books.cash(account) + positions + dust;
        double tolerance = 1e-9 * (Math.abs(books.cash(account)) + gross) + 1e-6;
        assertThat(books.tradingEquity(account)).as(where + ": trading equity of " + account)
                .isCloseTo(trading, within(tolerance));
        assertThat(books.equity(account)).as(where + ": equity of " + account)
                .isCloseTo(trading + outside, within(tolerance));
        assertThat(books.exposure(account)).as(where + ": exposure of " + account).isCloseTo(gross, within(tolerance));
        assertThat(books.dailyPnl(account)).as(where + ": today's P&L of " + account)
                .isCloseTo(trading - books.dayStartEquity(account), within(tolerance));
        assertThat(books.openPositionCount(account)).as(where + ": open positions of " + account)
                .isEqualTo(books.openPositions(account).size());
    }

    private static boolean recomputedMarketPriced(Portfolio books, Set<String> marked) {
        for (Position position : books.openPositions()) {
            if (!marked.contains(position.symbol())) {
                return false;
            }
        }
        for (Holding holding : books.holdings()) {
            if (holding.kind() == Holding.Kind.DUST && !marked.contains(holding.symbol())) {
                return false;
            }
        }
        return true;
    }
}
