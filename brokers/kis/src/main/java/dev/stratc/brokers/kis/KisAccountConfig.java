package dev.stratc.brokers.kis;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything needed to trade one KIS account.
 *
 * @param id                the account's name in stratc ({@code accounts.yaml}, journals, messages)
 * @param htsId             the HTS user ID, which is the {@code tr_key} of execution notices; blank disables them
 * @param custType          {@code P} individual, {@code B} corporate
 * @param requestsPerSecond REST pace for this app key; defaults to 95 % of KIS's documented limit
 * @param tokenCacheDir     where access tokens are kept between runs
 * @param useHashkey        sign order bodies with {@code /uapi/hashkey} (optional at KIS)
 */
public record KisAccountConfig(String id, KisMode mode, KisCredentials credentials, KisAccountNumber account,
        String htsId, String custType, KisEndpoints endpoints, double requestsPerSecond, Path tokenCacheDir,
        boolean useHashkey) {

    public KisAccountConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(tokenCacheDir, "tokenCacheDir");
        htsId = htsId == null ? "" : htsId.strip();
        custType = custType == null || custType.isBlank() ? "P" : custType.strip();
        if (!custType.equals("P") && !custType.equals("B")) {
            throw new IllegalArgumentException("KIS account " + id + ": custtype must be P (individual) or B"
                    + " (corporate), was " + custType);
        }
        if (!(requestsPerSecond > 0)) {
            requestsPerSecond = defaultRequestsPerSecond(mode);
        }
    }

    public static double defaultRequestsPerSecond(KisMode mode) {
        return mode.documentedRequestsPerSecond() * 0.95;
    }

    public KisAccountConfig withTokenCacheDir(Path directory) {
        return new KisAccountConfig(id, mode, credentials, account, htsId, custType, endpoints, requestsPerSecond,
                directory, useHashkey);
    }

    public KisAccountConfig withRequestsPerSecond(double rate) {
        return new KisAccountConfig(id, mode, credentials, account, htsId, custType, endpoints, rate, tokenCacheDir,
                useHashkey);
    }

    /** The notice tr_id of this mode: {@code H0STCNI0} real, {@code H0STCNI9} paper. */
    public String noticeTrId() {
        return mode == KisMode.REAL ? "H0STCNI0" : "H0STCNI9";
    }
}
