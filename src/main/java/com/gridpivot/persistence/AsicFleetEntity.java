package com.gridpivot.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A fleet of identical ASIC miners at a site. Table {@code asic_fleet}; null figures come from the catalog model or engine defaults. */
@Entity
@Table(name = "asic_fleet")
public class AsicFleetEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id", nullable = false)
    public SiteEntity site;

    /** Order within the site, as sent. */
    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 200)
    public String name;

    /** Catalog model name, e.g. {@code Antminer S21}. */
    @Column(length = 200)
    public String model;

    @Column(nullable = false)
    public int units;

    @Column(name = "hashrate_th_per_unit")
    public Double hashrateThPerUnit;

    @Column(name = "power_w_per_unit")
    public Double powerWPerUnit;

    public Double pue;

    @Column(name = "pool_fee_fraction")
    public Double poolFeeFraction;

    @Column(name = "variable_opex_usd_per_mwh")
    public Double variableOpexUsdPerMwh;

    @Column(name = "fixed_opex_usd_per_mw_year")
    public Double fixedOpexUsdPerMwYear;
}
