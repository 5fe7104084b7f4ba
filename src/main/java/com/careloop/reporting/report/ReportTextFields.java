package com.careloop.reporting.report;

import java.util.List;

/**
 * The free-text parts of a report by kind, in print order: what the supervisor writes into the weekly report, the
 * manager's comment of the monthly assessment, the remarks of a customer's monthly report, the quality manager's
 * conclusions of the management review. Labels: {@code report.text.<field>}.
 */
final class ReportTextFields {

    static final int MAX_LENGTH = 4000;

    private ReportTextFields() {
    }

    static List<String> of(ReportKind kind) {
        return switch (kind) {
            case WEEKLY -> List.of("highlights", "problems", "nextWeekPlan");
            case MONTHLY_ASSESSMENT -> List.of("managerComment");
            case CUSTOMER_MONTHLY -> List.of("remarks");
            case MANAGEMENT_REVIEW -> List.of("conclusions");
        };
    }
}
