package com.gridpivot.lp;

import com.gridpivot.errors.InvalidRequestException;
import java.util.Locale;

/**
 * A model's size counted BEFORE it is built (each builder's {@code estimate}), and the memory it will take: the memory guard
 * ({@code gridpivot.solver.max-model-bytes}) refuses a request whose model would exceed the budget with a 400 naming the size
 * and what to change, so no gigabytes are allocated for an answer that would not come.
 *
 * <p>Bytes per element (row, column or non-zero), {@link #BYTES_PER_ELEMENT} = 600: calibrated by
 * {@code bench.ModelMemoryCalibration}, the naive (hourAggregation NONE) one-year what-if built and solved by GLOP in a fresh
 * JVM, growth of the process's peak RSS: 5 fleets (52,705 rows, 43,926 columns, 140,545 non-zeros) 196 MB = 827 B/element;
 * 20 fleets (184,465 × 175,701, 535,825) 508 MB = 567 B/element; the margin between them 473 B/element. The MPSolver's own
 * model (named variables, a hash map of coefficients per row) and GLOP's copy, scaled matrix and factorization are native,
 * outside the Java heap.
 *
 * @param rows      constraints
 * @param columns   variables
 * @param nonZeros  coefficients in the rows
 */
public record ModelSize(long rows, long columns, long nonZeros) {
    public static final long BYTES_PER_ELEMENT = 600;

    public long elements() {
        return rows + columns + nonZeros;
    }

    public long bytes() {
        return elements() * BYTES_PER_ELEMENT;
    }

    public ModelSize plus(ModelSize o) {
        return new ModelSize(rows + o.rows, columns + o.columns, nonZeros + o.nonZeros);
    }

    public ModelSize times(long k) {
        return new ModelSize(rows * k, columns * k, nonZeros * k);
    }

    /** "184,465 rows × 175,701 columns, 535,825 non-zeros ≈ 538 MB". */
    public String describe() {
        return String.format(Locale.ROOT, "%,d rows × %,d columns, %,d non-zeros ≈ %s", rows, columns, nonZeros, mb(bytes()));
    }

    static String mb(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%,d MB", Math.round(bytes / (double) (1L << 20)));
    }

    /**
     * Refuses a model over the budget: a 400 on {@code field} naming the size, the budget and {@code advice} (what to change).
     *
     * @param what     the model, e.g. "the plan's LP"
     * @param maxBytes the budget ({@code gridpivot.solver.max-model-bytes}); ≤ 0 turns the guard off
     */
    public void refuseOver(long maxBytes, String field, String what, String advice) {
        if (maxBytes > 0 && bytes() > maxBytes) {
            throw new InvalidRequestException(field, what + " would be " + describe() + " of memory, over this server's budget of "
                    + mb(maxBytes) + " (gridpivot.solver.max-model-bytes): " + advice);
        }
    }
}
