package com.careloop.reporting.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.Figure;
import com.careloop.platform.FigureTable;

/**
 * How a report groups what the figure sources return into sections, in print order. A section names the figure and
 * table codes it takes, exactly ({@code servicedesk.registered}) or by prefix ({@code callback.*}); exact names win
 * over prefixes, the first section wins among equals. What no section takes lands in a section per module (the code's
 * prefix, e.g. {@code survey}), so a figure a module adds later is never lost. A section marked
 * {@link Section#placeholder} stays even when empty (a module not yet available).
 */
record SectionPlan(List<Section> sections) {

    record Section(String code, List<String> codes, boolean placeholder) {

        static Section of(String code, String... codes) {
            return new Section(code, List.of(codes), false);
        }

        /** A section for a module that does not exist yet: printed with "not yet available". */
        static Section placeholder(String code) {
            return new Section(code, List.of(), true);
        }
    }

    ReportContent assemble(List<Figure> figures, List<FigureTable> tables) {
        Map<String, List<Figure>> byFigure = new LinkedHashMap<>();
        Map<String, List<FigureTable>> byTable = new LinkedHashMap<>();
        sections.forEach(s -> {
            byFigure.put(s.code(), new ArrayList<>());
            byTable.put(s.code(), new ArrayList<>());
        });
        for (Figure f : figures) {
            String section = sectionOf(f.code());
            byFigure.computeIfAbsent(section, k -> new ArrayList<>()).add(f);
            byTable.computeIfAbsent(section, k -> new ArrayList<>());
        }
        for (FigureTable t : tables) {
            String section = sectionOf(t.code());
            byTable.computeIfAbsent(section, k -> new ArrayList<>()).add(t);
            byFigure.computeIfAbsent(section, k -> new ArrayList<>());
        }
        List<ReportContent.Section> out = new ArrayList<>();
        for (String code : byFigure.keySet()) {
            List<Figure> f = byFigure.get(code);
            List<FigureTable> t = byTable.get(code);
            boolean placeholder = sections.stream().anyMatch(s -> s.code().equals(code) && s.placeholder());
            if (placeholder || !f.isEmpty() || !t.isEmpty()) {
                out.add(new ReportContent.Section(code, ordered(code, f, Figure::code), ordered(code, t, FigureTable::code)));
            }
        }
        return new ReportContent(out);
    }

    /** The section a code goes to: an exact name first, then a prefix, else the module's own section. */
    String sectionOf(String code) {
        for (Section s : sections) {
            if (s.codes().contains(code)) {
                return s.code();
            }
        }
        for (Section s : sections) {
            for (String c : s.codes()) {
                if (c.endsWith("*") && code.startsWith(c.substring(0, c.length() - 1))) {
                    return s.code();
                }
            }
        }
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    /** In the order the section names its codes (prefixes keep the sources' order). */
    private <T> List<T> ordered(String section, List<T> items, java.util.function.Function<T, String> code) {
        List<String> names = sections.stream().filter(s -> s.code().equals(section)).findFirst()
                .map(Section::codes).orElse(List.of());
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(java.util.Comparator.comparingInt(i -> {
            int at = names.indexOf(code.apply(i));
            return at < 0 ? names.size() : at;
        }));
        return sorted;
    }
}
