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

/** An AI/HPC option a site could convert MW to (GPU cloud or colocation). Table {@code ai_option}. */
@Entity
@Table(name = "ai_option")
public class AiOptionEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id", nullable = false)
    public SiteEntity site;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 200)
    public String name;

    /** Catalog offering name, e.g. {@code H100 cloud}. */
    @Column(length = 200)
    public String offering;

    /** GPU_CLOUD or COLOCATION; null: from the offering. */
    @Column(length = 32)
    public String kind;

    @Column(name = "kw_per_gpu")
    public Double kwPerGpu;

    @Column(name = "lease_usd_per_gpu_hour")
    public Double leaseUsdPerGpuHour;

    public Double utilization;

    @Column(name = "colocation_usd_per_kw_month")
    public Double colocationUsdPerKwMonth;

    @Column(name = "revenue_usd_per_mwh")
    public Double revenueUsdPerMwh;

    @Column(name = "tenant_pays_power")
    public Boolean tenantPaysPower;

    public Double pue;

    @Column(name = "max_it_mw")
    public Double maxItMw;

    @Column(name = "capex_usd_per_mw")
    public Double capexUsdPerMw;

    @Column(name = "variable_opex_usd_per_mwh")
    public Double variableOpexUsdPerMwh;

    @Column(name = "fixed_opex_usd_per_mw_year")
    public Double fixedOpexUsdPerMwYear;

    @Column(name = "lead_time_months")
    public Integer leadTimeMonths;
}
