package com.gridpivot.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of the allocation runs, newest first: by page number ({@code page}) or after a cursor ({@code cursor}).
 *
 * @param page       0-based page number; null for a page asked for by cursor
 * @param size       page size asked for
 * @param totalItems runs in the whole list
 * @param totalPages pages of this size in the whole list
 * @param items      this page's runs
 * @param nextCursor where the next page starts: pass it as {@code cursor}; null on the last page
 */
@Schema(name = "AllocationRunPage", description = "One page of allocation runs, newest first")
public record AllocationRunPage(
        @Schema(description = "0-based page number; null for a page asked for by cursor", nullable = true) Integer page,
        @Schema(description = "Page size asked for (items); default 50") int size,
        @Schema(description = "Runs in the whole list") long totalItems,
        @Schema(description = "Pages of this size in the whole list") int totalPages,
        @Schema(description = "This page's runs, newest first, without request and result") List<AllocationRunResponse> items,
        @Schema(description = "Opaque cursor of the next page (pass it as the cursor query parameter); null on the last page",
                nullable = true, example = "cjF8MjAyNi0xMi0wNFQxNTowMDowMFp8NDI") String nextCursor) {

    static int pages(long totalItems, int size) {
        return (int) ((totalItems + size - 1) / size);
    }
}
