package com.gridpivot.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Bodies over quarkus.http.limits.max-body-size (16 MiB) get a 413 problem+json naming the limit, also when they come
 * chunked (Transfer-Encoding: chunked, no Content-Length), where the size is only known while reading.
 */
@QuarkusTest
class BodyLimitTest {
    private static final long LIMIT = 16L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    @Test
    void aChunkedJsonBodyOverTheLimitIsA413Problem() throws Exception {
        // A JSON array of numbers, 17 MiB long: well-formed up to the limit, so only its size can be refused.
        HttpResponse<String> r = chunked("/api/v1/allocations", "application/json", new Filler("[", "1,", 17 * 1024 * 1024));
        assertTooLarge(r, "/api/v1/allocations");
    }

    @Test
    void aChunkedImportUploadOverTheLimitIsA413Problem() throws Exception {
        HttpResponse<String> r = chunked("/api/v1/imports?format=ERCOT_CSV&fileName=big.csv", "text/csv",
                new Filler("Delivery Date,Hour Ending,Settlement Point,Settlement Point Price\n", "01/02/2031,01:00,BIG,21.5\n", 17 * 1024 * 1024));
        assertTooLarge(r, "/api/v1/imports");
    }

    @Test
    void aChunkedMultipartUploadOverTheLimitIsA413Problem() throws Exception {
        String boundary = "gridpivotboundary";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "Delivery Date,Hour Ending,Settlement Point,Settlement Point Price\n";
        HttpResponse<String> r = chunked("/api/v1/imports?format=ERCOT_CSV", "multipart/form-data; boundary=" + boundary,
                new Filler(head, "01/02/2031,01:00,BIG,21.5\n", 17 * 1024 * 1024));
        assertTooLarge(r, "/api/v1/imports");
    }

    @Test
    void chunkedBodiesUnderTheLimitReachTheResources() throws Exception {
        // The body handler that counts chunked bodies hands them on whole: a solve and an import work as with a Content-Length.
        byte[] request = ApiExamples.ALLOCATION_REQUEST.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> solved = chunked("/api/v1/allocations", "application/json", new java.io.ByteArrayInputStream(request));
        assertThat(solved.statusCode()).as(solved.body()).isEqualTo(200);
        assertThat(JSON.readTree(solved.body()).path("status").asText()).isEqualTo("OPTIMAL");

        String csv = "Delivery Date,Hour Ending,Settlement Point,Settlement Point Price\n01/05/2031,01:00,CHUNKED,21.5\n01/05/2031,02:00,CHUNKED,19.25\n";
        HttpResponse<String> imported = chunked("/api/v1/imports?format=ERCOT_CSV&fileName=chunked.csv", "text/csv",
                new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(JSON.readTree(imported.body()).path("rowsRead").asInt()).isEqualTo(2);

        String boundary = "gridpivotboundary";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"chunked-form.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv.replace("CHUNKED", "CHUNKEDFORM") + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> uploaded = chunked("/api/v1/imports?format=ERCOT_CSV", "multipart/form-data; boundary=" + boundary,
                new java.io.ByteArrayInputStream(form.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(JSON.readTree(uploaded.body()).path("rowsRead").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(uploaded.body()).path("sourceName").asText()).isEqualTo("chunked-form.csv");
    }

    private HttpResponse<String> chunked(String path, String type, InputStream body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(root.toString().replaceFirst("/$", "") + path))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))   // unknown length: sent chunked
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertTooLarge(HttpResponse<String> r, String path) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Problem.MEDIA_TYPE));
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.path("status").asInt()).isEqualTo(413);
        assertThat(p.path("title").asText()).isEqualTo("Payload too large");
        assertThat(p.path("detail").asText()).contains(String.valueOf(LIMIT));
        assertThat(p.path("instance").asText()).isEqualTo(path);
    }

    /** A head, then one line repeated up to a total length: never held in memory whole. */
    private static final class Filler extends InputStream {
        private final byte[] head;
        private final byte[] line;
        private final long total;
        private long sent;

        Filler(String head, String line, long total) {
            this.head = head.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            this.line = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            this.total = total;
        }

        @Override
        public int read() {
            if (sent >= total) {
                return -1;
            }
            long i = sent++;
            return i < head.length ? head[(int) i] : line[(int) ((i - head.length) % line.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (sent >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - sent);
            for (int k = 0; k < n; k++) {
                b[off + k] = (byte) read();
            }
            return n;
        }
    }
}
