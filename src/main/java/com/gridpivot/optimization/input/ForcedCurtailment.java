package com.gridpivot.optimization.input;

import java.util.Arrays;

/**
 * A large-load curtailment order as forced curtailment hours (Texas SB 6, 2025; issue 16 item 5; models/README.md,
 * "Forced curtailment"). Large loads (site interconnect ≥ {@code largeLoadThresholdMw}, 75 MW in SB 6) must be curtailable
 * in firm-load-shed emergencies: in every forced hour t ∈ C the site power drawn from the grid is at most {@code limitMw}.
 * Mining simply stops (it loses the margin of the hours). The AI load is firm and cannot stop:
 * <ul>
 *   <li>{@code BACKUP_POWER}: in a forced hour the AI load runs on site backup power at {@code backupPowerCostUsdPerMwh}
 *       per MWh of site power instead of the grid (no node price, no 4CP charge in those hours; who pays the AI's power pays
 *       the backup: a tenant that pays its power also pays its backup), and it does not count against the limit;</li>
 *   <li>{@code COUNTED}: the AI load stays on the grid and its site power counts against the limit
 *       (Σⱼ pueⱼ yⱼ + mining ≤ limitMw), so at most limitMw of AI site power can be built.</li>
 * </ul>
 * The hours are listed ({@code LISTED}) or placed at the {@code hourCount} highest node-price hours of the horizon
 * ({@code HIGHEST_PRICE}: firm-load-shed emergencies are scarcity hours; ties go to the earlier hour).
 *
 * @param placement                how the hours were chosen
 * @param hourCount                HIGHEST_PRICE: the number of forced hours (a sweep varies it)
 * @param forced                   forced[t] for every hour of the horizon (empty: no order)
 * @param limitMw                  grid site power allowed in a forced hour, MW
 * @param aiLoad                   how the firm AI load meets the order
 * @param backupPowerCostUsdPerMwh BACKUP_POWER: cost of a MWh of site power from backup, USD/MWh
 */
public record ForcedCurtailment(Placement placement, int hourCount, boolean[] forced, double limitMw, AiLoad aiLoad,
                                double backupPowerCostUsdPerMwh) {

    /** SB 6's threshold: loads of 75 MW or more. */
    public static final double SB6_THRESHOLD_MW = 75.0;

    /** No curtailment order (the model before issue 16 item 5). */
    public static final ForcedCurtailment NONE = new ForcedCurtailment(Placement.LISTED, 0, new boolean[0], 0.0, AiLoad.BACKUP_POWER, 0.0);

    public enum Placement { LISTED, HIGHEST_PRICE }

    public enum AiLoad { BACKUP_POWER, COUNTED }

    public boolean active() {
        for (boolean f : forced) {
            if (f) {
                return true;
            }
        }
        return false;
    }

    public boolean isForced(int t) {
        return t < forced.length && forced[t];
    }

    /** |C|: the number of forced hours. */
    public int forcedHours() {
        int n = 0;
        for (boolean f : forced) {
            n += f ? 1 : 0;
        }
        return n;
    }

    /** The AI load is on backup power in hour t (a forced hour under BACKUP_POWER). */
    public boolean aiOnBackup(int t) {
        return aiLoad == AiLoad.BACKUP_POWER && isForced(t);
    }

    /**
     * The {@code count} hours of the highest price, ties to the earlier hour (HIGHEST_PRICE): a stable sort of the hours by
     * price, descending, and the first {@code count} marked.
     */
    public static boolean[] highestPriceHours(double[] priceUsdPerMwh, int count) {
        int hours = priceUsdPerMwh.length;
        Integer[] order = new Integer[hours];
        for (int t = 0; t < hours; t++) {
            order[t] = t;
        }
        Arrays.sort(order, (a, b) -> Double.compare(priceUsdPerMwh[b], priceUsdPerMwh[a]));
        boolean[] forced = new boolean[hours];
        for (int k = 0; k < Math.min(count, hours); k++) {
            forced[order[k]] = true;
        }
        return forced;
    }

    /** The same order with {@code count} hours placed at the highest prices of {@code priceUsdPerMwh} (a sweep point). */
    public ForcedCurtailment withHourCount(int count, double[] priceUsdPerMwh) {
        return new ForcedCurtailment(Placement.HIGHEST_PRICE, count, highestPriceHours(priceUsdPerMwh, count), limitMw, aiLoad,
                backupPowerCostUsdPerMwh);
    }
}
