package org.sanad.server.common;

import java.util.List;
import org.springframework.data.domain.Page;

/**
 * One page of a listing.
 *
 * @param items the page's items
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total the number of items on all pages
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    /** The largest page a client may ask for. */
    public static final int MAX_SIZE = 100;

    public static <T> PageOf<T> of(Page<T> page) {
        return new PageOf<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }

    public static <T> PageOf<T> empty(int page, int size) {
        return new PageOf<>(List.of(), page, size, 0);
    }
}
