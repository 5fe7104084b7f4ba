package com.careloop.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import com.careloop.platform.Figure;
import com.careloop.platform.Figure.Better;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureQuery.Purpose;
import com.careloop.platform.FigureSource;
import com.careloop.platform.FigureTable;
import com.careloop.platform.ReportPeriod;

import org.junit.jupiter.api.Test;

/** Stale-while-revalidate and the order of the sources' answers, on a manual clock and a manual executor. */
class FigureSourcesTest {

    private final AtomicLong nanos = new AtomicLong(1);
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Executor manual = background::add;
    private final FigureQuery query = new FigureQuery(ReportPeriod.month(YearMonth.of(2026, 11)),
            FigureQuery.company(), null, Purpose.DASHBOARD);

    /** Answers how many times it has been asked. */
    static final class Counting implements FigureSource {
        final String code;
        long asked;
        RuntimeException failure;

        Counting(String code) {
            this.code = code;
        }

        @Override
        public List<Figure> figures(FigureQuery q) {
            if (failure != null) {
                throw failure;
            }
            return List.of(Figure.count(code, ++asked, Better.NONE, null));
        }

        @Override
        public List<FigureTable> tables(FigureQuery q) {
            return List.of();
        }
    }

    private FigureSources sources(FigureSource... s) {
        return new FigureSources(List.of(s), Duration.ofSeconds(45), Duration.ofMinutes(10), nanos::get, manual,
                Runnable::run, 1);
    }

    /** Runs what the cache handed to its executor (reloads and Caffeine's own maintenance). */
    private void drain() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private static long value(FigureSources.Collected c, String code) {
        return c.figure(code).orElseThrow().value().longValue();
    }

    @Test
    void anAnswerOlderThanTheRefreshIsServedAndReloadedInTheBackground() {
        Counting a = new Counting("a");
        FigureSources f = sources(a);
        assertThat(value(f.collect(query), "a")).isEqualTo(1);
        advance(Duration.ofSeconds(30));
        assertThat(value(f.collect(query), "a")).isEqualTo(1);
        drain();
        assertThat(a.asked).isEqualTo(1);
        advance(Duration.ofSeconds(20)); // 50 s old: the caller still gets the kept answer, a reload is queued
        assertThat(value(f.collect(query), "a")).isEqualTo(1);
        assertThat(a.asked).isEqualTo(1);
        drain();
        assertThat(a.asked).isEqualTo(2);
        assertThat(value(f.collect(query), "a")).isEqualTo(2);
    }

    @Test
    void anAnswerUnusedForTheMaximumAgeIsAskedAgainAtOnce() {
        Counting a = new Counting("a");
        FigureSources f = sources(a);
        f.collect(query);
        advance(Duration.ofMinutes(11));
        assertThat(value(f.collect(query), "a")).isEqualTo(2); // in the caller, not in the background
        assertThat(a.asked).isEqualTo(2);
        drain();
        assertThat(a.asked).isEqualTo(2);
    }

    @Test
    void freshBypassesTheCacheAndTheSourcesKeepTheirOrder() {
        Counting a = new Counting("a");
        Counting b = new Counting("b");
        FigureSources f = sources(a, b);
        f.collect(query);
        FigureSources.Collected c = f.fresh(query);
        assertThat(c.figures()).extracting(Figure::code).containsExactly("a", "b");
        assertThat(value(c, "a")).isEqualTo(2);
        assertThat(value(f.collect(query), "a")).isEqualTo(1);
        f.invalidate();
        assertThat(value(f.collect(query), "a")).isEqualTo(3);
    }

    @Test
    void aSourcesFailureReachesTheCallerUnwrapped() {
        Counting a = new Counting("a");
        a.failure = new IllegalStateException("source down");
        FigureSources f = new FigureSources(List.of(a), Duration.ofSeconds(45), Duration.ofMinutes(10), nanos::get,
                manual, null, 2); // the real pool
        assertThatThrownBy(() -> f.fresh(query)).isInstanceOf(IllegalStateException.class).hasMessage("source down");
        f.destroy();
    }
}
