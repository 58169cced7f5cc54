package dev.stratc.brokers.kis;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything needed to trade one KIS account.
 *
 * @param id                the account's name in stratc ({@code accounts.yaml}, journals, messages)
 * @param htsId             the HTS user ID, which is the {@code tr_key} of execution notices; blank disables them
 * @param custType          {@code P} individual, {@code B} corporate
 * @param requestsPerSecond the most requests a second KIS accepts from this app key; defaults to KIS's documented
 *                          limit (20 real, 2 paper), which the key's {@code KisRateLimiter} keeps with a margin
 * @param tokenCacheDir     where access tokens are kept between runs
 * @param useHashkey        sign order bodies with {@code /uapi/hashkey} (optional at KIS)
 * @param fees              commission and sell tax the adapter charges to each fill
 */
public record KisAccountConfig(String id, KisMode mode, KisCredentials credentials, KisAccountNumber account,
        String htsId, String custType, KisEndpoints endpoints, double requestsPerSecond, Path tokenCacheDir,
        boolean useHashkey, KisFees fees) {

    /** An account paying the {@link KisFees#DEFAULTS default} fees. */
    public KisAccountConfig(String id, KisMode mode, KisCredentials credentials, KisAccountNumber account,
            String htsId, String custType, KisEndpoints endpoints, double requestsPerSecond, Path tokenCacheDir,
            boolean useHashkey) {
        this(id, mode, credentials, account, htsId, custType, endpoints, requestsPerSecond, tokenCacheDir,
                useHashkey, KisFees.DEFAULTS);
    }

    public KisAccountConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(tokenCacheDir, "tokenCacheDir");
        Objects.requireNonNull(fees, "fees");
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
        return mode.documentedRequestsPerSecond();
    }

    public KisAccountConfig withTokenCacheDir(Path directory) {
        return new KisAccountConfig(id, mode, credentials, account, htsId, custType, endpoints, requestsPerSecond,
                directory, useHashkey, fees);
    }

    public KisAccountConfig withRequestsPerSecond(double rate) {
        return new KisAccountConfig(id, mode, credentials, account, htsId, custType, endpoints, rate, tokenCacheDir,
                useHashkey, fees);
    }

    /** Credentials and numbers masked. */
    @Override
    public String toString() {
        return "KisAccountConfig[id=" + id + ", mode=" + mode + ", " + credentials + ", account=" + account
                + ", htsId=" + KisMask.tail(htsId) + ", endpoints=" + endpoints + "]";
    }

    /** The notice tr_id of this mode: {@code H0STCNI0} real, {@code H0STCNI9} paper. */
    public String noticeTrId() {
        return mode == KisMode.REAL ? "H0STCNI0" : "H0STCNI9";
    }
}
