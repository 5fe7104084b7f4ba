package com.careloop.reporting.report;

import java.util.Locale;

import com.careloop.platform.ReportPeriod;
import com.careloop.platform.Text;

/**
 * What scheduled delivery needs of the reports (implemented by the report service): the current revision of a
 * report for a period, generated when missing, and its files in the recipient's language.
 */
public interface ReportFiles {

    /** The id of the current revision of the report of {@code kind} for {@code period} (generated when there is none). */
    long ensure(ReportKind kind, ReportPeriod period, Long customerId);

    String number(long reportId);

    /** The report's title, e.g. "客服中心周报表 2026 年第 49 周". */
    Text title(long reportId);

    byte[] pdf(long reportId, Locale locale);

    byte[] xlsx(long reportId, Locale locale);
}
