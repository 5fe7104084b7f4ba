package com.careloop.complaint.stats;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.careloop.complaint.stats.StatsViews.Annual;
import com.careloop.complaint.stats.StatsViews.GroupRow;
import com.careloop.complaint.stats.StatsViews.ParetoRow;
import com.careloop.complaint.stats.StatsViews.Statistics;
import com.careloop.complaint.stats.StatsViews.TopCustomer;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.excel.XlsxExport;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics table and the annual summary as .xlsx (numbers stay numbers, rates as fractions), each export
 * written to the audit trail (who, when, what, rows) as the customer export is.
 */
@Component
class StatsExcel {

    /** The audit trail's record type of an export of complaint statistics. */
    static final String AUDIT_TYPE = "complaint-stats-export";

    private final StatsLabels labels;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;

    StatsExcel(StatsLabels labels, AuditTrail audit, CurrentUsers users, Clock clock) {
        this.labels = labels;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public void statistics(Statistics s, OutputStream out) {
        int rows;
        try (var xlsx = XlsxExport.open(out, labels.message("complaintstats.title"), headers(s.groupBy()))) {
            for (GroupRow r : s.rows()) {
                write(xlsx, s.groupBy(), r);
            }
            write(xlsx, s.groupBy(), s.total());
            rows = xlsx.rowCount();
        }
        record("statistics from=" + s.from() + " to=" + s.to() + " groupBy=" + s.groupBy(), rows);
    }

    /** The summary on one sheet, section after section (a title row, a header row, the rows). */
    @Transactional
    public void annual(Annual a, OutputStream out) {
        int rows;
        String sheet = labels.message("complaintstats.annual.title") + " " + a.year();
        try (var xlsx = XlsxExport.open(out, sheet, headers(null))) {
            write(xlsx, null, a.total());
            section(xlsx, StatsGroup.MONTH, a.byMonth());
            section(xlsx, StatsGroup.CATEGORY, a.byCategory());
            section(xlsx, StatsGroup.SEVERITY, a.bySeverity());
            section(xlsx, StatsGroup.DEPARTMENT, a.byDepartment());
            xlsx.row();
            xlsx.row(labels.message("complaintstats.pareto"));
            xlsx.row(labels.message("complaintstats.group.CAUSE"), labels.message("complaintstats.count"),
                    labels.message("complaintstats.share"), labels.message("complaintstats.cumulative"),
                    labels.message("complaintstats.vitalFew"));
            for (ParetoRow p : a.pareto()) {
                xlsx.row(labels.cause(p.cause()), p.count(), p.share(), p.cumulative(),
                        p.vitalFew() ? labels.message("complaintstats.yes") : "");
            }
            xlsx.row();
            xlsx.row(labels.message("complaintstats.topCustomers"));
            xlsx.row(labels.message("complaint.customer"), labels.message("complaintstats.customerCode"),
                    labels.message("complaintstats.count"), labels.message("complaintstats.repeat"));
            for (TopCustomer t : a.topCustomers()) {
                xlsx.row(t.customerName(), t.customerCode(), t.count(), t.repeat());
            }
            xlsx.row();
            xlsx.row(labels.message("complaintstats.repeatTarget"), a.repeatTarget());
            xlsx.row(labels.message("complaintstats.perThousandCustomers"), a.rates().perThousandCustomers());
            xlsx.row(labels.message("complaintstats.perThousandOrders"), a.rates().perThousandOrders());
            rows = xlsx.rowCount();
        }
        record("annual year=" + a.year(), rows);
    }

    private void section(XlsxExport xlsx, StatsGroup group, List<GroupRow> rows) {
        xlsx.row();
        xlsx.row(labels.message("complaintstats.by") + labels.message("complaintstats.group." + group));
        xlsx.row(headers(group).toArray());
        for (GroupRow r : rows) {
            write(xlsx, group, r);
        }
    }

    private List<String> headers(StatsGroup group) {
        List<String> headers = new ArrayList<>();
        headers.add(group == null ? "" : labels.message("complaintstats.group." + group));
        for (String key : List.of("count", "share", "major", "repeat", "repeatRate", "onTimeAcknowledgement",
                "onTimeReply", "onTimeResolution", "closed", "averageDays", "p90Days")) {
            headers.add(labels.message("complaintstats." + key));
        }
        return headers;
    }

    private void write(XlsxExport xlsx, StatsGroup group, GroupRow r) {
        xlsx.row(group == null && r.key() != null ? r.key() : labels.key(group, r.key()), r.count(), r.share(),
                r.major(), r.repeat(), r.repeatRate(), r.onTimeAcknowledgement(), r.onTimeReply(),
                r.onTimeResolution(), r.closed(), r.averageDaysToClose(), r.p90DaysToClose());
    }

    private void record(String what, int rows) {
        audit.record(AUDIT_TYPE, users.require().username() + "@" + Instant.now(clock).toEpochMilli(), "EXPORT",
                AuditTrail.diff(Map.of(), Map.of("what", what, "rows", rows)));
    }
}
