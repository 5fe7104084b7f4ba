package com.careloop.reporting.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.careloop.platform.Figure;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureSource;
import com.careloop.platform.FigureTable;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every module's figures and tables for one {@link FigureQuery}, asked of every {@link FigureSource} bean. The answers
 * are kept 45 s (Caffeine, docs/adr/0012) keyed by the whole query — scope (so one user's figures never reach another
 * scope), period, customer and purpose — so reloading a dashboard costs nothing and a busy hour asks each source at
 * most once per scope and period in that window.
 */
@Component
public class FigureSources {

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
    private final Cache<FigureQuery, Collected> cache;

    FigureSources(List<FigureSource> sources,
                  @Value("${careloop.reporting.figure-cache:45s}") Duration keep) {
        this.sources = List.copyOf(sources);
        this.cache = Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(2_000).build();
    }

    /** From the cache when asked in the last 45 s, else from every source. */
    public Collected collect(FigureQuery query) {
        return cache.get(query, this::ask);
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
        List<Figure> figures = new ArrayList<>();
        List<FigureTable> tables = new ArrayList<>();
        for (FigureSource source : sources) {
            figures.addAll(source.figures(query));
            tables.addAll(source.tables(query));
        }
        return new Collected(List.copyOf(figures), List.copyOf(tables));
    }
}
