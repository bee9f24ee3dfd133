package com.gridpivot.catalog;

/**
 * An ASIC miner of the catalog.
 *
 * @param name              e.g. {@code Antminer S21}
 * @param manufacturer      e.g. {@code Bitmain}
 * @param hashrateThPerUnit hashrate of one unit, TH/s
 * @param powerWPerUnit     power draw of one unit at the wall of the machine (IT load), W
 * @param jPerTh            efficiency, J/TH
 * @param cooling           air, hydro or immersion
 * @param source            where the figures come from
 */
public record AsicModel(String name, String manufacturer, double hashrateThPerUnit, double powerWPerUnit, double jPerTh,
                        String cooling, String source) {

    /** Efficiency of one unit from its power and hashrate, J/TH (= W per TH/s): powerWPerUnit / hashrateThPerUnit. */
    public double jPerThOfUnit() {
        return powerWPerUnit / hashrateThPerUnit;
    }
}
