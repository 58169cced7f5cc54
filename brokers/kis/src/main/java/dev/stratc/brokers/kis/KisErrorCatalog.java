package dev.stratc.brokers.kis;

import java.util.Map;

/** KIS message codes this adapter acts on, and what a user should do about the others it knows. */
public final class KisErrorCatalog {

    public static final String RATE_LIMITED = "EGW00201";
    public static final String INVALID_TOKEN = "EGW00121";
    public static final String EXPIRED_TOKEN = "EGW00123";
    public static final String TOKEN_ONCE_A_MINUTE = "EGW00133";

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry(RATE_LIMITED, "more requests per second than KIS allows this app key (20 real, 2 paper);"
                    + " lower requests_per_second for this account or stop other programs using the same key"),
            Map.entry(INVALID_TOKEN, "the access token is not valid; delete the token cache file and retry"),
            Map.entry(EXPIRED_TOKEN, "the access token expired"),
            Map.entry(TOKEN_ONCE_A_MINUTE, "KIS issues one access token per app key per minute; wait a minute"),
            Map.entry("EGW00103", "the app key is not valid: check the KIS_*_APP_KEY variable and that real and"
                    + " paper keys are not swapped"),
            Map.entry("EGW00105", "the app secret is not valid: check the KIS_*_APP_SECRET variable"),
            Map.entry("EGW00002", "KIS server error; retry later"),
            Map.entry("EGW00202", "KIS gateway routing error; retry later"),
            Map.entry("EGW00300", "KIS gateway error; retry later"),
            Map.entry("EGW00205", "credentials_type is not valid"),
            Map.entry("EGW00206", "this app key has no permission for the API; apply for it on KIS Developers"),
            Map.entry("EGW00207", "the calling IP address is not registered for this app key"),
            Map.entry("EGW00208", "custtype does not match the account (P individual, B corporate)"),
            Map.entry("OPSQ2000", "the account number is not valid for this app key (check account and mode)"),
            Map.entry("OPSQ2001", "the market code is not valid"),
            Map.entry("OPSQ9999", "the request has no tr_id"));

    private KisErrorCatalog() {
    }

    /** What to do about {@code msgCd}, or an empty string when the code means nothing to the adapter. */
    public static String hint(String msgCd) {
        return HINTS.getOrDefault(msgCd, "");
    }
}
