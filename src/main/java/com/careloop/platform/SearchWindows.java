package com.careloop.platform;

/**
 * The windows of a newest-first keyword search: look at the ids in [top - window, top) first; a window holding a full
 * page gives exactly the page of the whole register (its ids are newer than any below it). What the last window found
 * decides the next step: wider, by the density of its matches, or the index for all matches of the register at once.
 */
public final class SearchWindows {

    /**
     * What one match of the keyword costs on the index path, in rows walked. The service desk's index path first reads
     * the matches within the id range the density says holds a page, intersecting the keyword's index with the ids'
     * block ranges: every candidate of the index costs a posting-list entry, only the range's heap pages are read.
     * At ten million requests on PostgreSQL 15 the 8,627 candidates of '1900' took 4.7 ms and the 36,319 of '客户150'
     * 40 ms, against ~1.7 µs per row walked and tested (docs/BENCHMARKS.md, "sparse keywords"). Reading all matches'
     * heap rows cost four times a walked row (509 matches of '1732' in 2.8 ms against 128,218 rows walked in 191 ms at
     * one million); that path now follows only when the range does not hold a page.
     */
    static final int INDEX_ROW_COST = 1;

    private SearchWindows() {
    }

    /**
     * The next window after one that held {@code found} matches, fewer than a page of {@code limit}: twice the size
     * their density needs for a full page. None at all: the keyword is rare, and the unbounded look-up reads just its
     * few matches (Long.MAX_VALUE ends the windows).
     */
    public static long wider(long window, int found, int limit) {
        if (found == 0) {
            return Long.MAX_VALUE;
        }
        return Math.max(window * 2, window * 2 * (limit + 1) / found);
    }

    /**
     * Whether reading every match of the register through the index is cheaper than walking the newest rows for a
     * page, judged by the density of the window just read ({@code found} of {@code window} ids, below {@code top}):
     * the matches expected in the whole register, each at {@link #INDEX_ROW_COST}, against the rows a walk would test
     * to find {@code limit} + 1 of them. A keyword of a few hundred matches in a million rows (a phone's last four
     * digits) reads them in a few milliseconds, where the walk for a page tests a hundred thousand rows.
     */
    public static boolean indexCheaper(long window, int found, int limit, long top) {
        if (found == 0) {
            return true;
        }
        double expectedMatches = (double) found * top / window;
        double rowsToWalk = (double) (limit + 1) * window / found;
        return expectedMatches * INDEX_ROW_COST < rowsToWalk;
    }
}
