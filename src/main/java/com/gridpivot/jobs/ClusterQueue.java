package com.gridpivot.jobs;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Cluster mode's queue (GRIDPIVOT_QUEUE=rabbitmq) on RabbitMQ: two durable queues of persistent messages, published with
 * confirms and consumed with manual acknowledgement.
 * <ul>
 * <li>{@value #RUNS}: one message per run that waits ("a run is QUEUED"). A replica that gets one claims the next QUEUED
 * run in the database (fair between keys) and acknowledges the message when that run ends; a message that finds nothing
 * to claim is dropped. Prefetch = the replica's job workers.</li>
 * <li>{@value #CHUNKS}: one message per chunk ("runId:index"). Prefetch = the replica's chunk slots.</li>
 * </ul>
 * The database stays the record: a message only says where to look, so one delivered twice or lost costs nothing but a
 * look (the runs' holders re-queue what is missing). Off (every method a no-op) unless enabled.
 */
@ApplicationScoped
public class ClusterQueue {
    private static final Logger LOG = Logger.getLogger(ClusterQueue.class);
    public static final String RUNS = "gridpivot.runs";
    public static final String CHUNKS = "gridpivot.chunks";

    @Inject
    QueueConfig config;

    @ConfigProperty(name = "quarkus.datasource.db-kind", defaultValue = "h2")
    String dbKind;

    @ConfigProperty(name = "rabbitmq-host", defaultValue = "localhost")
    String host;

    @ConfigProperty(name = "rabbitmq-port", defaultValue = "5672")
    int port;

    @ConfigProperty(name = "rabbitmq-username", defaultValue = "guest")
    String username;

    @ConfigProperty(name = "rabbitmq-password", defaultValue = "guest")
    String password;

    private volatile Boolean enabled;
    private Connection connection;
    private Channel publisher;
    private Channel runChannel;
    private Channel chunkChannel;
    private String runTag;
    private String chunkTag;

    /** A message handed to this replica, acknowledged (or given back) once. */
    public interface Delivery {
        void ack();

        /** Gives the message back to the broker for another consumer. */
        void requeue();
    }

    public interface RunListener {
        void runWaiting(Delivery d);
    }

    public interface ChunkListener {
        void chunk(long runId, int index, Delivery d);
    }

    /** True in cluster mode: gridpivot.queue.kind=rabbitmq on a shared database. */
    public boolean enabled() {
        if (enabled == null) {
            boolean rabbit = "rabbitmq".equals(config.kind().trim().toLowerCase(Locale.ROOT));
            if (!rabbit && !"database".equals(config.kind().trim().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("gridpivot.queue.kind (GRIDPIVOT_QUEUE) is '" + config.kind() + "'; it must be database or rabbitmq");
            }
            if (rabbit && "h2".equalsIgnoreCase(dbKind) && !config.h2Allowed()) {
                LOG.warn("GRIDPIVOT_QUEUE=rabbitmq is ignored on the embedded H2 database (one process's): runs stay in-process. "
                        + "Cluster mode needs the PostgreSQL build (-Dquarkus.profile=pg).");
                rabbit = false;
            }
            enabled = rabbit;
        }
        return enabled;
    }

    private synchronized Channel publisher() throws IOException, TimeoutException {
        if (publisher == null || !publisher.isOpen()) {
            publisher = connection().createChannel();
            publisher.confirmSelect();
        }
        return publisher;
    }

    private synchronized Connection connection() throws IOException, TimeoutException {
        if (connection == null || !connection.isOpen()) {
            ConnectionFactory f = new ConnectionFactory();
            f.setHost(host);
            f.setPort(port);
            f.setUsername(username);
            f.setPassword(password);
            f.setAutomaticRecoveryEnabled(true);
            f.setConnectionTimeout(5000);
            connection = f.newConnection("gridpivot");
            try (Channel c = connection.createChannel()) {
                c.queueDeclare(RUNS, true, false, false, null);
                c.queueDeclare(CHUNKS, true, false, false, null);
            }
            LOG.infof("cluster queue: RabbitMQ at %s:%d (queues %s, %s)", host, port, RUNS, CHUNKS);
        }
        return connection;
    }

    /** Connects now (the start-up fails when the broker cannot be reached in cluster mode). */
    public void connect() {
        if (!enabled()) {
            return;
        }
        try {
            connection();
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cluster mode: cannot reach RabbitMQ at " + host + ":" + port + " (" + e + ")", e);
        }
    }

    /** Says that a run waits: one message on {@value #RUNS}. */
    public void runWaiting() {
        publish(RUNS, "run");
    }

    /** Queues one chunk of a run. */
    public void chunk(long runId, int index) {
        publish(CHUNKS, runId + ":" + index);
    }

    private synchronized void publish(String queue, String body) {
        if (!enabled()) {
            return;
        }
        try {
            Channel ch = publisher();
            ch.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, body.getBytes(StandardCharsets.UTF_8));
            ch.waitForConfirmsOrDie(10_000);
        } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // The database holds the work: a lost message only delays it until a holder or a replica's check queues it again.
            LOG.warnf("cluster queue: could not publish to %s (%s); the database's checks will queue it again", queue, e.toString());
        }
    }

    /** Starts consuming: runs with prefetch {@code runSlots} (0: none, an api replica), chunks with prefetch {@code chunkSlots}. */
    public synchronized void consume(int runSlots, RunListener runs, int chunkSlots, ChunkListener chunks) {
        if (!enabled()) {
            return;
        }
        try {
            if (runSlots > 0) {
                runChannel = connection().createChannel();
                runChannel.basicQos(runSlots);
                Channel rc = runChannel;
                runTag = rc.basicConsume(RUNS, false, new DefaultConsumer(rc) {
                    @Override
                    public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
                        runs.runWaiting(delivery(rc, env.getDeliveryTag()));
                    }
                });
            }
            if (chunkSlots > 0) {
                chunkChannel = connection().createChannel();
                chunkChannel.basicQos(chunkSlots);
                Channel cc = chunkChannel;
                chunkTag = cc.basicConsume(CHUNKS, false, new DefaultConsumer(cc) {
                    @Override
                    public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
                        String s = new String(body, StandardCharsets.UTF_8);
                        int colon = s.indexOf(':');
                        Delivery d = delivery(cc, env.getDeliveryTag());
                        try {
                            chunks.chunk(Long.parseLong(s.substring(0, colon)), Integer.parseInt(s.substring(colon + 1)), d);
                        } catch (RuntimeException e) {
                            LOG.warnf("cluster queue: dropped a chunk message '%s' (%s)", s, e.toString());
                            d.ack();
                        }
                    }
                });
            }
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cluster mode: cannot consume from RabbitMQ at " + host + ":" + port + " (" + e + ")", e);
        }
    }

    private static Delivery delivery(Channel ch, long tag) {
        return new Delivery() {
            private boolean settled;

            @Override
            public void ack() {
                settle(true);
            }

            @Override
            public void requeue() {
                settle(false);
            }

            private void settle(boolean ack) {
                synchronized (ch) {
                    if (settled) {
                        return;
                    }
                    settled = true;
                    try {
                        if (ack) {
                            ch.basicAck(tag, false);
                        } else {
                            ch.basicNack(tag, false, true);
                        }
                    } catch (IOException | RuntimeException e) {
                        // The channel closed: the broker gives the message to another consumer anyway.
                        LOG.debugf("cluster queue: could not settle delivery %d (%s)", tag, e);
                    }
                }
            }
        };
    }

    /** Stops taking deliveries (a shutdown begins); what was delivered and not acknowledged stays this replica's until settled or closed. */
    public synchronized void stopConsuming() {
        cancel(runChannel, runTag);
        cancel(chunkChannel, chunkTag);
        runTag = null;
        chunkTag = null;
    }

    private static void cancel(Channel ch, String tag) {
        if (ch != null && tag != null && ch.isOpen()) {
            try {
                ch.basicCancel(tag);
            } catch (IOException | RuntimeException e) {
                LOG.debugf("cluster queue: cancel of consumer %s: %s", tag, e);
            }
        }
    }

    /** Messages waiting in a queue (0 when off). */
    public long depth(String queue) {
        if (!enabled()) {
            return 0;
        }
        try {
            return publisher().messageCount(queue);
        } catch (IOException | TimeoutException e) {
            return -1;
        }
    }

    /** Closes the connection: every message delivered here and not acknowledged goes back to the queue. */
    @PreDestroy
    public synchronized void close() {
        if (connection != null && connection.isOpen()) {
            try {
                connection.close(5000);
            } catch (IOException | RuntimeException e) {
                LOG.debugf("cluster queue: close: %s", e);
            }
        }
        connection = null;
        publisher = null;
    }
}
