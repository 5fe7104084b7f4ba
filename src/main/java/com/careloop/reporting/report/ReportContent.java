package com.careloop.reporting.report;

import java.util.List;

import com.careloop.platform.Figure;
import com.careloop.platform.FigureTable;

/**
 * The frozen figures of a report: sections in print order, each with its figures and tables as the sources gave
 * them (codes and numbers; rendered in the reader's language at view time). Stored as JSON with the report's
 * revision, so a later correction of data never changes an approved report.
 *
 * @param code section id; its title is the message {@code report.section.<code>}
 */
public record ReportContent(List<Section> sections) {

    public record Section(String code, List<Figure> figures, List<FigureTable> tables) {
    }
}
