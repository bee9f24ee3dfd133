package com.gridpivot.security;

import com.gridpivot.errors.ConflictException;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.errors.NotFoundException;
import com.gridpivot.persistence.ImportBatchInfo;
import com.gridpivot.persistence.Persistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

/**
 * API keys: created (the secret is returned once), listed, revoked, and looked up by hash. Keys are 32 random
 * base-62 characters after {@code gp_} (~190 bits), so an unsalted SHA-256 is a safe digest: there is nothing to
 * guess. Lookups, known and unknown keys alike, are cached per hash for {@code gridpivot.auth.key-cache-millis} (1 s)
 * in a bounded LRU ({@code key-cache-size} entries), so random keys cannot grow the memory and a revocation on any
 * replica of the cluster holds on every replica within the second (on this one at once).
 */
@ApplicationScoped
public class ApiKeyService {
    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final SecureRandom random = new SecureRandom();

    @Inject
    AuthConfig config;

    /** The clock of the cache (milliseconds); tests move it. */
    volatile LongSupplier clockMs = System::currentTimeMillis;
    private Map<String, Cached> cache;

    /** Who a key is. */
    public record Principal(long id, String name, Role role) {
    }

    /** A key as listed (never the secret). */
    public record KeyInfo(long id, String name, String role, String keyPrefix, Instant createdAt, String createdBy, Instant revokedAt) {
    }

    /** A new key: the secret appears here and nowhere else. */
    public record NewKey(long id, String name, String role, String key, String keyPrefix, Instant createdAt) {
    }

    private record Cached(Optional<Principal> principal, long until) {
    }

    public Optional<Principal> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        String hash = ImportBatchInfo.sha256(key.trim().getBytes(StandardCharsets.UTF_8));
        long now = clockMs.getAsLong();
        Map<String, Cached> cache = cache();
        Cached c = cache.get(hash);
        if (c != null && c.until() > now) {
            return c.principal();
        }
        Optional<Principal> p = lookup(hash);
        cache.put(hash, new Cached(p, now + config.keyCacheMillis()));
        return p;
    }

    private synchronized Map<String, Cached> cache() {
        if (cache == null) {
            int most = Math.max(1, config.keyCacheSize());
            cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                    return size() > most;
                }
            });
        }
        return cache;
    }

    /** Keys (known or not) in the cache now; at most {@code gridpivot.auth.key-cache-size}. */
    int cachedKeys() {
        return cache().size();
    }

    @Transactional
    Optional<Principal> lookup(String hash) {
        return ApiKeyEntity.<ApiKeyEntity>find("keyHash = ?1 and revokedAt is null", hash).firstResultOptional()
                .map(e -> new Principal(e.id, e.name, e.role));
    }

    @Transactional
    public NewKey create(String name, String role, String createdBy) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(FieldError.of("name", "is required, 1 to 100 characters"));
        }
        Role r = null;
        try {
            r = role == null ? null : Role.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (r == null) {
            errors.add(FieldError.of("role", "must be viewer, planner or admin"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (ApiKeyEntity.count("name", name.trim()) > 0) {
            throw new ConflictException("name", "a key named '" + name.trim() + "' exists");
        }
        String secret = newSecret();
        ApiKeyEntity e = store(name.trim(), r, secret, createdBy);
        return new NewKey(e.id, e.name, e.role.name().toLowerCase(Locale.ROOT), secret, e.keyPrefix, e.createdAt);
    }

    @Transactional
    public List<KeyInfo> list() {
        return ApiKeyEntity.<ApiKeyEntity>listAll().stream()
                .map(e -> new KeyInfo(e.id, e.name, e.role.name().toLowerCase(Locale.ROOT), e.keyPrefix, e.createdAt, e.createdBy, e.revokedAt))
                .toList();
    }

    /**
     * Revokes a key. The last active admin key is kept (409): without it nobody could manage keys. The active admin keys
     * are locked while counted, so two revocations at once on two replicas cannot both remove "the other" admin.
     */
    @Transactional
    public void revoke(long id) {
        ApiKeyEntity e = ApiKeyEntity.findById(id);
        if (e == null) {
            throw new NotFoundException("no API key " + id);
        }
        if (e.revokedAt == null && e.role == Role.ADMIN) {
            long admins = ApiKeyEntity.<ApiKeyEntity>find("role = ?1 and revokedAt is null", Role.ADMIN)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list().size();
            if (admins <= 1) {
                throw new ConflictException("id", "key " + id + " ('" + e.name + "') is the last active admin key; create another admin key "
                        + "(POST /api/v1/keys) before revoking it, so that someone can still manage keys");
            }
        }
        if (e.revokedAt == null) {
            e.revokedAt = Persistence.now();
        }
        cache().clear();
    }

    /**
     * At start: make sure an admin can get in, also when several replicas start together on an empty database. The
     * configured key is registered if new, and restored (active, admin) if it was revoked, so restarting with the same
     * GRIDPIVOT_ADMIN_KEY gives access back; with none configured and no active admin, a key is generated and printed
     * once. Each try is one transaction; one that loses a race to another replica (a unique key violation) looks again.
     */
    public void bootstrap(Optional<String> configuredKey) {
        bootstrap(configuredKey, () -> {
        });
    }

    /** {@link #bootstrap(Optional)} with {@code beforeInsert} run between the look-up and the insert (where a race is lost). */
    void bootstrap(Optional<String> configuredKey, Runnable beforeInsert) {
        for (int attempt = 1; ; attempt++) {
            try {
                String printed = QuarkusTransaction.requiringNew().call(() -> bootstrapOnce(configuredKey, beforeInsert));
                if (printed != null) {
                    System.out.println(banner(printed));
                }
                cache().clear();
                return;
            } catch (RuntimeException e) {
                if (!Persistence.isConstraintViolation(e) || attempt >= 3) {
                    throw e;
                }
                LOG.infof("another replica registered an admin key at the same time; looking again");
            }
        }
    }

    /** One try in one transaction; returns a generated key to print, or null. */
    private String bootstrapOnce(Optional<String> configuredKey, Runnable beforeInsert) {
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            String key = configuredKey.get().trim();
            String hash = ImportBatchInfo.sha256(key.getBytes(StandardCharsets.UTF_8));
            Optional<ApiKeyEntity> known = ApiKeyEntity.<ApiKeyEntity>find("keyHash", hash).firstResultOptional();
            if (known.isPresent()) {
                ApiKeyEntity e = known.get();
                if (e.revokedAt != null || e.role != Role.ADMIN) {
                    e.revokedAt = null;
                    e.role = Role.ADMIN;
                    LOG.warnf("the admin key from GRIDPIVOT_ADMIN_KEY ('%s') was revoked or not an admin's; it is an active admin key again", e.name);
                }
                return null;
            }
            beforeInsert.run();
            String name = ApiKeyEntity.count("name", "bootstrap admin") == 0 ? "bootstrap admin" : "bootstrap admin " + hash.substring(0, 8);
            store(name, Role.ADMIN, key, "GRIDPIVOT_ADMIN_KEY");
            ApiKeyEntity.flush();
            LOG.info("registered the admin key from GRIDPIVOT_ADMIN_KEY");
            return null;
        }
        if (ApiKeyEntity.count("role = ?1 and revokedAt is null", Role.ADMIN) > 0) {
            return null;
        }
        beforeInsert.run();
        String secret = newSecret();
        String name = ApiKeyEntity.count("name", "first admin") == 0 ? "first admin" : "first admin " + secret.substring(3, 11);
        store(name, Role.ADMIN, secret, "first start");
        ApiKeyEntity.flush();
        return secret;
    }

    private static String banner(String secret) {
        return "\n==========================================================================\n"
                + " GridPivot first start: an admin API key was generated. It is shown once.\n"
                + "   X-API-Key: " + secret + "\n"
                + " Use it in the X-API-Key header (the dashboard asks for it), and create\n"
                + " viewer and planner keys with POST /api/v1/keys. Set GRIDPIVOT_ADMIN_KEY\n"
                + " to choose the admin key yourself.\n"
                + "==========================================================================";
    }

    private ApiKeyEntity store(String name, Role role, String secret, String createdBy) {
        ApiKeyEntity e = new ApiKeyEntity();
        e.name = name;
        e.role = role;
        e.keyHash = ImportBatchInfo.sha256(secret.getBytes(StandardCharsets.UTF_8));
        e.keyPrefix = secret.substring(0, Math.min(8, secret.length()));
        e.createdAt = Persistence.now();
        e.createdBy = createdBy;
        e.persist();
        return e;
    }

    private String newSecret() {
        StringBuilder s = new StringBuilder("gp_");
        for (int i = 0; i < 32; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
