package com.gridpivot.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Test files of src/test/resources/marketdata, with their keys renamed so that each test run writes its own series. */
final class ImportTestSupport {
    private ImportTestSupport() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = ImportTestSupport.class.getResourceAsStream("/marketdata/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource marketdata/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** A key no other test (or earlier run on PostgreSQL) has used. */
    static String uniqueKey(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Rows of a table, counted in a transaction of its own. */
    static long count(EntityManager em, String table) {
        return QuarkusTransaction.requiringNew().call(
                () -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue());
    }
}
