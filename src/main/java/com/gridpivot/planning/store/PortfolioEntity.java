package com.gridpivot.planning.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A stored portfolio (V19). Table {@code portfolio}; owned by the API key that stored it. */
@Entity
@Table(name = "portfolio")
public class PortfolioEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The storing API key's name ("anonymous" without keys). */
    @Column(nullable = false, length = 100)
    public String owner;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "content_json", nullable = false, columnDefinition = "text")
    public String contentJson;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
