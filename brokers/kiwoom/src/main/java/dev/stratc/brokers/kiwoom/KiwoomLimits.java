package dev.stratc.brokers.kiwoom;

/**
 * How many requests an app key sends, per rolling second. Kiwoom's terms (이용약관 제11조, as quoted by two
 * clients) allow 5 queries and 5 orders a second; field reports see about one request a second <em>per api-id</em>
 * refused beyond that, and 모의투자 queries at 1/s. The defaults take the strictest of these; each is configurable.
 *
 * @param perApiId         requests a second of any one api-id (ka10081, kt10000, ...)
 * @param queriesPerSecond all query TRs of the key together
 * @param ordersPerSecond  all order TRs (kt10000–kt10003) of the key together
 */
public record KiwoomLimits(double perApiId, double queriesPerSecond, double ordersPerSecond) {

    public static final KiwoomLimits REAL = new KiwoomLimits(1, 5, 5);
    public static final KiwoomLimits MOCK = new KiwoomLimits(1, 1, 5);

    public KiwoomLimits {
        for (double v : new double[] {perApiId, queriesPerSecond, ordersPerSecond}) {
            if (!(v > 0) || v > 1000) {
                throw new KiwoomException("a Kiwoom rate limit must be above 0 and at most 1000 a second, was " + v);
            }
        }
    }

    public static KiwoomLimits defaults(KiwoomEnvironment environment) {
        return environment == KiwoomEnvironment.REAL ? REAL : MOCK;
    }

    /** Whether an api-id is an order (kt10000–kt10003, and the credit orders kt10006–kt10009). */
    public static boolean isOrder(String apiId) {
        return apiId.matches("kt100\\d\\d");
    }
}
