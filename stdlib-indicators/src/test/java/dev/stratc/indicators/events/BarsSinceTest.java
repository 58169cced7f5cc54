package dev.stratc.indicators.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BarsSinceTest {

    @Test
    void countsBarsSinceTheConditionWasLastTrue() {
        BarsSince since = new BarsSince();
        boolean[] conditions = {false, true, false, false, true, true, false};
        double[] expected = {Double.NaN, 0, 1, 2, 0, 0, 1};
        for (int bar = 0; bar < conditions.length; bar++) {
            double actual = since.update(bar, conditions[bar]);
            assertThat(Double.compare(actual, expected[bar])).as("bar " + bar + ": " + actual).isZero();
        }
    }

    @Test
    void aRevisedBarThatIsNoLongerTrueCountsFromTheEarlierTrueBar() {
        BarsSince since = new BarsSince();
        since.update(0, true);
        since.update(1, false);
        assertThat(since.update(2, true)).isEqualTo(0);
        assertThat(since.update(2, false)).as("the tick that made it true was revised").isEqualTo(2);
        assertThat(since.update(3, false)).isEqualTo(3);
    }
}
