package dev.stratc.indicators.korea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TradeStrengthTest {

    @Test
    void buyOverSellVolumeOfTheWindowInPercent() {
        TradeStrength strength = new TradeStrength(2);
        assertThat(strength.update(0, 10, 5)).isEqualTo(200.0);
        assertThat(strength.update(1, 5, 5)).isEqualTo(150.0);
        assertThat(strength.update(2, Double.NaN, Double.NaN)).as("no trade sides in this bar").isNaN();
        assertThat(strength.update(3, 0, 10)).as("the bar without sides is left out")
                .isCloseTo(100.0 * 5 / 15, within(1e-12));
        assertThat(strength.update(4, 10, 0)).isEqualTo(100.0);
    }

    @Test
    void naWhileNothingWasSold() {
        TradeStrength strength = new TradeStrength(3);
        assertThat(strength.update(0, 7, 0)).isNaN();
        assertThat(strength.update(1, 3, 0)).isNaN();
        assertThat(strength.update(2, 1, 4)).isEqualTo(275.0);
    }
}
