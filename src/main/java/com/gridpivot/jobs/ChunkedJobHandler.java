package com.gridpivot.jobs;

import java.util.List;

/**
 * A kind of run that the cluster (GRIDPIVOT_QUEUE=rabbitmq) cuts into chunks that any replica computes: the points of a
 * sweep, batches of Monte Carlo paths. In-process (the default) the runner calls {@link #run} as before; in cluster mode
 * the replica that holds the run calls {@link #split}, stores the chunks, queues them, and once the last one has
 * landed calls {@link #assemble} with the chunks' results in chunk order. Chunked and unchunked answers are equal.
 *
 * <p>A split must be deterministic: when the holder dies, the replica that takes the run over splits it again and
 * keeps the chunks already done.
 */
public interface ChunkedJobHandler extends JobHandler {
    /**
     * A run cut into chunks.
     *
     * @param chunkInputs each chunk's input (JSON), in order
     * @param shared      what {@link #assemble} needs besides the chunks' results (held in memory by the run's holder)
     */
    record Split(List<String> chunkInputs, Object shared) {
    }

    /** Cuts the run (its stored input) into chunks; may solve what every chunk needs first (e.g. the plans' base LPs). */
    Split split(String inputJson, JobContext ctx) throws Exception;

    /**
     * What every chunk of one run needs, built from the run's input once per replica (e.g. the plan problem) and kept
     * while the replica computes that run's chunks.
     */
    Object prepare(String inputJson) throws Exception;

    /** Computes one chunk; its result as JSON. Runs on any replica. */
    String runChunk(Object prepared, String chunkInputJson) throws Exception;

    /** The run's outcome from its chunks' results (in chunk order). */
    JobOutcome assemble(String inputJson, Split split, List<String> chunkResults, JobContext ctx) throws Exception;
}
