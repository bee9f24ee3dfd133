package com.gridpivot.persistence;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a stored list.
 *
 * @param page       0-based page number
 * @param size       page size asked for
 * @param totalItems items in the whole list
 * @param items      this page's items
 */
public record Page<T>(int page, int size, long totalItems, List<T> items) {
    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(page, size, totalItems, items.stream().map(f).toList());
    }
}
