package com.gridpivot.persistence;

import com.gridpivot.jobs.JobStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Retention: finished runs older than {@code gridpivot.retention.runs-days} and recorded what-ifs older than
 * {@code what-ifs-days} are deleted, and so are a key's finished runs beyond its newest {@code runs-per-key} and its
 * what-ifs beyond its newest {@code what-ifs-per-key}, in the background every {@code interval-minutes} on each replica and at once by an
 * admin ({@code POST /api/v1/admin/retention/purge}). Deletes go in batches of {@link #BATCH} rows, one short
 * transaction each, so a purge never holds a long lock; replicas purging at the same time only find less to delete.
 */
@ApplicationScoped
public class RetentionService {
    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    static final int BATCH = 500;
    private static final List<String> OPEN = List.of(JobStatus.QUEUED.name(), JobStatus.RUNNING.name());

    @Inject
    RetentionConfig config;

    @Inject
    EntityManager em;

    private ScheduledExecutorService timer;

    /**
     * What a purge deleted.
     *
     * @param runsDeleted     finished runs deleted (by age and by count)
     * @param whatIfsDeleted  recorded what-ifs deleted (by age and by count)
     * @param runsBefore      runs that finished before this instant were deleted; null when runs are kept for ever
     * @param whatIfsBefore   what-ifs solved before this instant were deleted; null when kept for ever
     * @param runsPerKey      finished runs kept per key (the newest); null when any number is kept
     * @param whatIfsPerKey   what-ifs kept per key (the newest); null when any number is kept
     */
    public record Purge(long runsDeleted, long whatIfsDeleted, Instant runsBefore, Instant whatIfsBefore, Integer runsPerKey,
                        Integer whatIfsPerKey) {
    }

    void onStart(@Observes StartupEvent ev) {
        if (config.intervalMinutes() > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gridpivot-retention");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(() -> {
                try {
                    Purge p = purge(Instant.now());
                    if (p.runsDeleted() + p.whatIfsDeleted() > 0) {
                        LOG.infof("retention: deleted %d run(s) and %d what-if(s)", p.runsDeleted(), p.whatIfsDeleted());
                    }
                } catch (RuntimeException e) {
                    LOG.errorf(e, "retention: the purge failed; trying again in %d min", config.intervalMinutes());
                }
            }, 1, config.intervalMinutes(), TimeUnit.MINUTES);
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (timer != null) {
            timer.shutdown(); // not interrupted: a purge in progress ends its batch (an interrupt inside H2's file I/O closes the database)
        }
    }

    /** Deletes what is older than the retention, counted back from {@code now}. */
    public Purge purge(Instant now) {
        Instant runsBefore = config.runsDays() > 0 ? now.minus(Duration.ofDays(config.runsDays())) : null;
        Instant whatIfsBefore = config.whatIfsDays() > 0 ? now.minus(Duration.ofDays(config.whatIfsDays())) : null;
        long runs = 0;
        long whatIfs = 0;
        if (runsBefore != null) {
            // A finished run's age counts from when it finished (a run without that time, from when it was queued).
            String which = "FROM JobRunEntity j WHERE j.status NOT IN :open AND COALESCE(j.finishedAt, j.createdAt) < :before";
            for (int n = -1; n != 0; runs += n) {
                n = QuarkusTransaction.requiringNew().call(() -> {
                    List<Long> ids = em.createQuery("SELECT j.id " + which + " ORDER BY j.id", Long.class).setParameter("open", OPEN)
                            .setParameter("before", runsBefore).setMaxResults(BATCH).getResultList();
                    return ids.isEmpty() ? 0 : em.createQuery("DELETE FROM JobRunEntity j WHERE j.id IN :ids").setParameter("ids", ids).executeUpdate();
                });
            }
        }
        if (whatIfsBefore != null) {
            for (int n = -1; n != 0; whatIfs += n) {
                n = QuarkusTransaction.requiringNew().call(() -> {
                    List<Long> ids = em.createQuery("SELECT a.id FROM AllocationRunEntity a WHERE a.createdAt < :before ORDER BY a.id", Long.class)
                            .setParameter("before", whatIfsBefore).setMaxResults(BATCH).getResultList();
                    return ids.isEmpty() ? 0
                            : em.createQuery("DELETE FROM AllocationRunEntity a WHERE a.id IN :ids").setParameter("ids", ids).executeUpdate();
                });
            }
        }
        if (config.runsPerKey() > 0) {
            runs += overCount("JobRunEntity", "x.status NOT IN :open", config.runsPerKey());
        }
        if (config.whatIfsPerKey() > 0) {
            whatIfs += overCount("AllocationRunEntity", null, config.whatIfsPerKey());
        }
        return new Purge(runs, whatIfs, runsBefore, whatIfsBefore, config.runsPerKey() > 0 ? config.runsPerKey() : null,
                config.whatIfsPerKey() > 0 ? config.whatIfsPerKey() : null);
    }

    /**
     * Deletes each caller's rows of {@code entity} (those matching {@code filter}, or all) beyond its newest {@code keep}
     * (by id: ids grow with time), in batches; rows without a caller count as one caller.
     */
    private long overCount(String entity, String filter, int keep) {
        String where = filter == null ? "" : " AND " + filter;
        List<String> callers = QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createQuery("SELECT x.caller FROM " + entity + " x WHERE 1 = 1" + where + " GROUP BY x.caller HAVING COUNT(x) > :keep",
                    String.class).setParameter("keep", (long) keep);
            if (filter != null) {
                q.setParameter("open", OPEN);
            }
            return q.getResultList();
        });
        long deleted = 0;
        for (String caller : callers) {
            String who = caller == null ? "x.caller IS NULL" : "x.caller = :caller";
            for (int n = -1; n != 0; deleted += n) {
                n = QuarkusTransaction.requiringNew().call(() -> {
                    var q = em.createQuery("SELECT x.id FROM " + entity + " x WHERE " + who + where + " ORDER BY x.id DESC", Long.class)
                            .setFirstResult(keep).setMaxResults(BATCH);
                    if (caller != null) {
                        q.setParameter("caller", caller);
                    }
                    if (filter != null) {
                        q.setParameter("open", OPEN);
                    }
                    List<Long> ids = q.getResultList();
                    return ids.isEmpty() ? 0 : em.createQuery("DELETE FROM " + entity + " x WHERE x.id IN :ids").setParameter("ids", ids).executeUpdate();
                });
            }
        }
        return deleted;
    }
}
