package dev.stratc.strategy;

/** The current bar of one symbol, as an evaluation sees it. Implementations are reused; do not keep them. */
public interface BarView {
    String symbol();

    /** 0 for the symbol's first bar, increasing by one per bar. */
    int index();

    /** The bar's end time, epoch milliseconds. */
    long time();

    double open();

    double high();

    double low();

    double close();

    double volume();

    /** Best bid at the bar close where quotes are known, otherwise the close. */
    double bid();

    /** Best ask at the bar close where quotes are known, otherwise the close. */
    double ask();

    /** Volume bought at the ask within the bar, where tick data tells it; {@code NaN} otherwise. */
    double buyVolume();

    /** Volume sold at the bid within the bar, where tick data tells it; {@code NaN} otherwise. */
    double sellVolume();
}
