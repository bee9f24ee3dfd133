package com.gridpivot.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list.
 *
 * @param page       0-based page number
 * @param size       page size asked for
 * @param totalItems items in the whole list
 * @param totalPages pages in the whole list
 * @param items      this page's items
 */
@Schema(name = "Page")
public record PageResponse<T>(int page, int size, long totalItems, int totalPages, List<T> items) {
    public static <T> PageResponse<T> of(int page, int size, long totalItems, List<T> items) {
        return new PageResponse<>(page, size, totalItems, (int) ((totalItems + size - 1) / size), items);
    }
}
