package com.careloop.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiFunction;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many records of a subject (complaints received, requests of a type registered, active customers by the day
 * they were created) fall on each UTC day, kept on PostgreSQL by the owning module's triggers in the table
 * {@code day_tally} (V197, ADR 0040): +1/-1 deltas appended as records are inserted, moved to another day or deleted,
 * folded now and then into one row per (subject, day). A count over a period is then the day rows of the whole UTC
 * days in it plus the records of the two partial days at its ends, counted by the owner: a company-day period costs a
 * few hundred index entries instead of every record in it. Elsewhere (H2: small sites) the owner counts directly.
 */
@Component
public class DayTally {

    static final String TABLE = "day_tally";
    /** The advisory lock key of the folds and rebuilds ('daytly' in ASCII). */
    private static final long LOCK = 0x646179746c79L;

    /** The whole UTC days [{@code firstDay}, {@code endDay}) of a period and its partial ends, counted directly. */
    record Split(LocalDate firstDay, LocalDate endDay, Instant headTo, Instant tailFrom) {
    }

    private final JdbcClient jdbc;
    private final TallyLock lock;

    DayTally(JdbcClient jdbc, TransactionTemplate transactions, DataSource dataSource) {
        this.jdbc = jdbc;
        this.lock = new TallyLock(jdbc, transactions, dataSource, LOCK);
    }

    /** Whether the tally is kept (PostgreSQL). */
    public boolean kept() {
        return lock.kept();
    }

    /**
     * The records of {@code subject} in [from, to): the tally's whole days plus {@code counted} over the partial days
     * at the ends (or over the whole period where the tally is not kept). {@code counted} counts the subject's
     * records in an instant range [a, b) — the same records the owner's trigger tallies.
     */
    public long count(String subject, Instant from, Instant to, BiFunction<Instant, Instant, Long> counted) {
        if (!from.isBefore(to)) {
            return 0;
        }
        Split split = split(from, to);
        if (!lock.kept() || split == null) {
            return counted.apply(from, to);
        }
        long days = jdbc.sql("select coalesce(sum(delta), 0) from " + TABLE
                        + " where subject = :subject and day >= :first and day < :end")
                .param("subject", subject).param("first", java.sql.Date.valueOf(split.firstDay()))
                .param("end", java.sql.Date.valueOf(split.endDay())).query(Long.class).single();
        long head = from.isBefore(split.headTo()) ? counted.apply(from, split.headTo()) : 0;
        long tail = split.tailFrom().isBefore(to) ? counted.apply(split.tailFrom(), to) : 0;
        return days + head + tail;
    }

    /** All records of {@code subject}: the sum of its days, or {@code counted} where the tally is not kept. */
    public long total(String subject, java.util.function.LongSupplier counted) {
        if (!lock.kept()) {
            return counted.getAsLong();
        }
        return jdbc.sql("select coalesce(sum(delta), 0) from " + TABLE + " where subject = :subject")
                .param("subject", subject).query(Long.class).single();
    }

    /**
     * The whole UTC days of [from, to) and the instants that bound its partial ends ([from, headTo) and
     * [tailFrom, to), either empty when the period starts or ends at a UTC midnight); null when no whole day lies in
     * it.
     */
    static Split split(Instant from, Instant to) {
        Instant fromMidnight = from.truncatedTo(ChronoUnit.DAYS);
        Instant headTo = fromMidnight.equals(from) ? from : fromMidnight.plus(1, ChronoUnit.DAYS);
        Instant tailFrom = to.truncatedTo(ChronoUnit.DAYS);
        if (!headTo.isBefore(tailFrom)) {
            return null;
        }
        return new Split(headTo.atOffset(ZoneOffset.UTC).toLocalDate(), tailFrom.atOffset(ZoneOffset.UTC).toLocalDate(),
                headTo, tailFrom);
    }

    /** The periodic fold, on one node at a time. */
    @Scheduled(fixedDelayString = "${careloop.tally-fold-interval:PT5M}", initialDelayString = "PT3M")
    @SchedulerLock(name = "day-tally-fold", lockAtMostFor = "PT10M")
    void scheduledFold() {
        fold();
    }

    /** Folds the new deltas into one row per (subject, day); the rows written (0 when the tally is not kept). */
    public int fold() {
        return lock.run(TallyLock.fold(TABLE, List.of("subject", "day"), List.of("subject", "day")));
    }

    /**
     * Replaces the rows of the subjects {@code subjectLike} (a LIKE pattern) by {@code counts}, a select of
     * (subject, UTC day, count) of the owner's records (after a bulk load with its triggers off).
     */
    public int rebuild(String subjectLike, String counts) {
        return lock.run("with gone as (delete from " + TABLE + " where subject like '" + subjectLike.replace("'", "''")
                + "' returning id) insert into " + TABLE + " (subject, day, delta, folded) select *, true from ("
                + counts + ") c");
    }

}
