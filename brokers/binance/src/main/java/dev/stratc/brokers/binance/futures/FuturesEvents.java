package dev.stratc.brokers.binance.futures;

import java.math.BigDecimal;
import java.util.List;

/** The USDⓈ-M user data stream's events, as {@link FuturesUserStream} reads them. */
public final class FuturesEvents {
    private FuturesEvents() {
    }

    /**
     * {@code ORDER_TRADE_UPDATE}: an order's change. {@code executionType} is NEW, TRADE, CANCELED, EXPIRED,
     * CALCULATED (a liquidation's fill) or AMENDMENT.
     *
     * @param realizedProfit the trade's realised profit ({@code rp}), commissions not included
     */
    public record OrderUpdate(String symbol, String clientOrderId, String side, String type, BigDecimal quantity,
            BigDecimal price, String executionType, String status, long orderId, BigDecimal lastQuantity,
            BigDecimal cumulativeQuantity, BigDecimal lastPrice, String commissionAsset, BigDecimal commission,
            long tradeId, boolean maker, boolean reduceOnly, String positionSide, BigDecimal realizedProfit,
            long time) {
    }

    /** One balance of an {@code ACCOUNT_UPDATE}: {@code change} is the balance change other than P&L and commission. */
    public record BalanceChange(String asset, BigDecimal walletBalance, BigDecimal change) {
    }

    /** One position of an {@code ACCOUNT_UPDATE} or {@code MARGIN_CALL}. */
    public record PositionChange(String symbol, String positionSide, BigDecimal amount, BigDecimal entryPrice,
            BigDecimal unrealizedProfit, String marginType, BigDecimal isolatedWallet, BigDecimal markPrice,
            BigDecimal maintenanceMargin) {
    }

    /**
     * {@code ACCOUNT_UPDATE}; {@code reason} ({@code m}) is ORDER, FUNDING_FEE, DEPOSIT, WITHDRAW, ADJUSTMENT,
     * MARGIN_TRANSFER, INSURANCE_CLEAR, ...
     */
    public record AccountUpdate(String reason, List<BalanceChange> balances, List<PositionChange> positions,
            long time) {
    }

    /** {@code MARGIN_CALL}: positions whose margin ratio is high; {@code crossWallet} is the cross wallet balance. */
    public record MarginCall(BigDecimal crossWallet, List<PositionChange> positions, long time) {
    }

    /** Receives the stream's events, from one thread, in the order they arrive. */
    public interface Listener {
        void onOrderUpdate(OrderUpdate update);

        void onAccountUpdate(AccountUpdate update);

        void onMarginCall(MarginCall call);

        /** The stream was down between these instants: what happened meanwhile must be read from REST. */
        void onGap(long lostAtMillis, long resumedAtMillis);
    }
}
