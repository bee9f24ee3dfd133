package com.gridpivot.catalog;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Reads the catalog once at start-up, so a broken catalog stops the service instead of a request. */
@ApplicationScoped
public class CatalogProducer {
    @Produces
    @Singleton
    @Startup
    Catalog catalog() {
        return Catalog.load();
    }
}
