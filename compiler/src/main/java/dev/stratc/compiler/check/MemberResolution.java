package dev.stratc.compiler.check;

import dev.stratc.compiler.ast.Expression;
import dev.stratc.indicators.catalog.Member;

/** What {@code x.name} reads. */
public sealed interface MemberResolution {

    /** {@code macd(12, 26, 9).signal}. */
    record IndicatorMember(Expression.Call call, Member member) implements MemberResolution {
    }

    /** {@code signal.surge_percent} inside {@code on signal("SURGE")}. */
    record SignalField(String signal, String key, Kind kind) implements MemberResolution {
    }

    /** {@code strategy.win_rate}: the strategy's own record. */
    record RecordRead(RecordField field) implements MemberResolution {
    }
}
