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
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * API keys: created (the secret is returned once), listed, revoked, and looked up by hash. Keys are 32 random
 * base-62 characters after {@code gp_} (~190 bits), so an unsalted SHA-256 is a safe digest: there is nothing to
 * guess. Lookups are cached per hash for a few seconds; a revocation clears the cache at once.
 */
@ApplicationScoped
public class ApiKeyService {
    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final long CACHE_MS = 5_000;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

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
        long now = System.currentTimeMillis();
        Cached c = cache.get(hash);
        if (c != null && c.until() > now) {
            return c.principal();
        }
        Optional<Principal> p = lookup(hash);
        cache.put(hash, new Cached(p, now + CACHE_MS));
        return p;
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

    @Transactional
    public void revoke(long id) {
        ApiKeyEntity e = ApiKeyEntity.findById(id);
        if (e == null) {
            throw new NotFoundException("no API key " + id);
        }
        if (e.revokedAt == null) {
            e.revokedAt = Persistence.now();
        }
        cache.clear();
    }

    /**
     * At start: make sure an admin can get in. The configured key is registered if new; with none configured and no
     * active admin, a key is generated and printed once.
     */
    @Transactional
    public void bootstrap(Optional<String> configuredKey) {
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            String key = configuredKey.get().trim();
            String hash = ImportBatchInfo.sha256(key.getBytes(StandardCharsets.UTF_8));
            if (ApiKeyEntity.count("keyHash", hash) == 0) {
                String name = ApiKeyEntity.count("name", "bootstrap admin") == 0 ? "bootstrap admin" : "bootstrap admin " + hash.substring(0, 8);
                store(name, Role.ADMIN, key, "GRIDPIVOT_ADMIN_KEY");
                LOG.info("registered the admin key from GRIDPIVOT_ADMIN_KEY");
            }
            return;
        }
        if (ApiKeyEntity.count("role = ?1 and revokedAt is null", Role.ADMIN) > 0) {
            return;
        }
        String secret = newSecret();
        store("first admin", Role.ADMIN, secret, "first start");
        String banner = "\n==========================================================================\n"
                + " GridPivot first start: an admin API key was generated. It is shown once.\n"
                + "   X-API-Key: " + secret + "\n"
                + " Use it in the X-API-Key header (the dashboard asks for it), and create\n"
                + " viewer and planner keys with POST /api/v1/keys. Set GRIDPIVOT_ADMIN_KEY\n"
                + " to choose the admin key yourself.\n"
                + "==========================================================================";
        System.out.println(banner);
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
