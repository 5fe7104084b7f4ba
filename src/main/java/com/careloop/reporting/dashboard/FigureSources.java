package com.careloop.reporting.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.careloop.platform.Figure;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureSource;
import com.careloop.platform.FigureTable;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every module's figures and tables for one {@link FigureQuery}, asked of every {@link FigureSource} bean. The answers
 * are kept in Caffeine (docs/adr/0012) keyed by the whole query — scope (so one user's figures never reach another
 * scope), period, customer and purpose. An answer older than 45 s is refreshed in the background on its next use
 * (stale-while-revalidate: that caller still gets the kept answer at once); an answer not used for 10 min is dropped.
 * The sources of one query are asked in parallel on a small bounded pool, so a query that misses the cache costs its
 * slowest source rather than their sum.
 */
@Component
public class FigureSources implements DisposableBean {

    /** All sources' figures and tables, in source order. */
    public record Collected(List<Figure> figures, List<FigureTable> tables) {

        public Optional<Figure> figure(String code) {
            return figures.stream().filter(f -> f.code().equals(code)).findFirst();
        }

        public Optional<FigureTable> table(String code) {
            return tables.stream().filter(t -> t.code().equals(code)).findFirst();
        }
    }

    private final List<FigureSource> sources;
    private final LoadingCache<FigureQuery, Collected> cache;
    private final Executor asking;
    private final List<ExecutorService> owned = new ArrayList<>();

    @Autowired
    FigureSources(List<FigureSource> sources,
                  @Value("${careloop.reporting.figure-cache:45s}") Duration refresh,
                  @Value("${careloop.reporting.figure-cache-max-age:10m}") Duration expire,
                  @Value("${careloop.reporting.figure-threads:3}") int threads) {
        this(sources, refresh, expire, Ticker.systemTicker(), null, null, threads);
    }

    /** For tests: a ticker and the executors (null = the bounded pools). */
    FigureSources(List<FigureSource> sources, Duration refresh, Duration expire, Ticker ticker, Executor refreshing,
                  Executor asking, int threads) {
        this.sources = List.copyOf(sources);
        this.asking = asking != null ? asking : own(pool("figure-source", threads, 256));
        this.cache = Caffeine.newBuilder().refreshAfterWrite(refresh).expireAfterAccess(expire.compareTo(refresh) > 0
                        ? expire : refresh.multipliedBy(2)).maximumSize(2_000).ticker(ticker)
                .executor(refreshing != null ? refreshing : own(pool("figure-refresh", 1, 64)))
                .build(this::ask);
    }

    /** From the cache (refreshed in the background when older than 45 s), else from every source. */
    public Collected collect(FigureQuery query) {
        return cache.get(query);
    }

    /** Straight from the sources, bypassing and not filling the cache (periodic reports freeze what they get). */
    public Collected fresh(FigureQuery query) {
        return ask(query);
    }

    /** Forget every cached answer (tests that compare with the module statistics right after writing data). */
    public void invalidate() {
        cache.invalidateAll();
    }

    private Collected ask(FigureQuery query) {
        List<CompletableFuture<Collected>> asked = sources.stream().map(source -> CompletableFuture.supplyAsync(
                () -> {
                    FigureSource.Answer a = source.answer(query);
                    return new Collected(a.figures(), a.tables());
                }, asking)).toList();
        List<Figure> figures = new ArrayList<>();
        List<FigureTable> tables = new ArrayList<>();
        for (CompletableFuture<Collected> answer : asked) {
            Collected c;
            try {
                c = answer.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
            figures.addAll(c.figures());
            tables.addAll(c.tables());
        }
        return new Collected(List.copyOf(figures), List.copyOf(tables));
    }

    /**
     * A fixed pool of daemon threads with a bounded queue; when it is full the caller asks the source itself
     * (never a rejection, never an unbounded backlog).
     */
    private static ExecutorService pool(String name, int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    private ExecutorService own(ExecutorService e) {
        owned.add(e);
        return e;
    }

    @Override
    public void destroy() {
        owned.forEach(ExecutorService::shutdownNow);
    }
}
