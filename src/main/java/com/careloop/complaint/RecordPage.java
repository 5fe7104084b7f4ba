package com.careloop.complaint;

import java.util.List;

/** One page of a list, newest first; {@code nextCursor} (null on the last page) asks for the next one. */
public record RecordPage<T>(List<T> items, String nextCursor) {
}
