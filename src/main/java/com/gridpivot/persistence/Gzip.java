package com.gridpivot.persistence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Stored JSON texts, gzip-compressed (RFC 1952) as UTF-8. A what-if's hourly dispatch arrays are long runs of similar
 * numbers: they shrink several times (measured in BENCHMARKS.md).
 */
public final class Gzip {
    private Gzip() {
    }

    /** The text as gzip bytes; null for null. */
    public static byte[] compress(String text) {
        if (text == null) {
            return null;
        }
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The text the gzip bytes hold; null for null. */
    public static String decompress(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes), 8192)) {
            return new String(gz.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored text is not valid gzip", e);
        }
    }
}
