package com.gridpivot.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.OptimisticLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A mining site: its grid interconnect, the bounds on AI load, and what it can run. Table {@code site}. */
@Entity
@Table(name = "site")
public class SiteEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "interconnect_mw", nullable = false)
    public double interconnectMw;

    /** Null: AI load may use up to the interconnect. */
    @Column(name = "max_ai_it_mw")
    public Double maxAiItMw;

    @Column(name = "min_ai_it_mw", nullable = false)
    public double minAiItMw;

    /** Null: capital is not constrained. */
    @Column(name = "capex_budget_usd")
    public Double capexBudgetUsd;

    /** Settlement point whose prices apply, e.g. {@code HB_WEST}. */
    @Column(name = "market_node", length = 64)
    public String marketNode;

    @Column(length = 4000)
    public String notes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    @OneToMany(mappedBy = "site", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @OptimisticLock(excluded = true) // a PUT bumps the version once, through updated_at
    public List<AsicFleetEntity> asicFleets = new ArrayList<>();

    @OneToMany(mappedBy = "site", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @OptimisticLock(excluded = true) // a PUT bumps the version once, through updated_at
    public List<AiOptionEntity> aiOptions = new ArrayList<>();

    public static Optional<SiteEntity> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
