package com.gridpivot.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The hardware catalog of {@code models/catalog}: ASIC models and AI offerings, read once from the classpath.
 * Names are looked up case-insensitively.
 */
public final class Catalog {
    private static final String ASIC_RESOURCE = "models/catalog/asic-models.json";
    private static final String AI_RESOURCE = "models/catalog/ai-offerings.json";

    private final Map<String, AsicModel> asicModels;
    private final Map<String, AiOffering> aiOfferings;

    private Catalog(Map<String, AsicModel> asicModels, Map<String, AiOffering> aiOfferings) {
        this.asicModels = Collections.unmodifiableMap(asicModels);
        this.aiOfferings = Collections.unmodifiableMap(aiOfferings);
    }

    /** Reads the catalog shipped in the application. */
    public static Catalog load() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        Map<String, AsicModel> asics = new LinkedHashMap<>();
        for (AsicModel m : read(json, ASIC_RESOURCE, "models", AsicModel.class)) {
            asics.put(key(m.name()), m);
        }
        Map<String, AiOffering> offerings = new LinkedHashMap<>();
        for (AiOffering o : read(json, AI_RESOURCE, "offerings", AiOffering.class)) {
            offerings.put(key(o.name()), o);
        }
        return new Catalog(asics, offerings);
    }

    private static <T> List<T> read(ObjectMapper json, String resource, String field, Class<T> type) {
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource " + resource + " is missing from the application");
            }
            JsonNode root = json.readTree(in);
            List<T> out = new ArrayList<>();
            for (JsonNode n : root.get(field)) {
                out.add(json.treeToValue(n, type));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog " + resource, e);
        }
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    public List<AsicModel> asicModels() {
        return List.copyOf(asicModels.values());
    }

    public List<AiOffering> aiOfferings() {
        return List.copyOf(aiOfferings.values());
    }

    public Optional<AsicModel> asicModel(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(asicModels.get(key(name)));
    }

    public Optional<AiOffering> aiOffering(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(aiOfferings.get(key(name)));
    }
}
