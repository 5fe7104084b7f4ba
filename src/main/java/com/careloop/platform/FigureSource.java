package com.careloop.platform;

import java.util.List;

/**
 * How a module contributes figures to the reporting module without anyone reading its tables: a bean of the module
 * answers a {@link FigureQuery} with its own SQL (its rollups where they exist) and returns codes and numbers, never
 * sentences. The reporting module collects every source; a new module adds figures by adding a source.
 */
public interface FigureSource {

    /** Headline figures of the period within the query's scope. */
    List<Figure> figures(FigureQuery query);

    /** Breakdowns (by channel, type, department, cause, agent …) for the query's purpose. */
    default List<FigureTable> tables(FigureQuery query) {
        return List.of();
    }

    /** Figures and tables together, as the dashboards and the reports ask for them. */
    record Answer(List<Figure> figures, List<FigureTable> tables) {
    }

    /**
     * Both at once. A source whose figures and tables are made from the same pass over its data (a year of requests)
     * overrides this to make that pass once.
     */
    default Answer answer(FigureQuery query) {
        return new Answer(figures(query), tables(query));
    }
}
