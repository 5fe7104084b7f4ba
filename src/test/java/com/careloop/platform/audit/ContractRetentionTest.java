package com.careloop.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 001-B13 "保存期一般以三年為限": contract review records are kept 3 years from their last change. The platform's
 * retention judgement, on a fixed "today" in the company's time zone, lists a contract last changed 3 years and 1 day
 * ago and keeps one changed yesterday (and one changed exactly 3 years ago, its last day).
 */
class ContractRetentionTest extends ApiTestBase {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A fixed "today", independent of the machine's clock. */
    private static final LocalDate TODAY = LocalDate.of(2031, 3, 15);

    @Autowired
    AuditSearch search;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aContractChangedThreeYearsAndADayAgoIsDueAndOneChangedYesterdayIsNot() {
        String due = "RET-" + UUID.randomUUID();
        String lastDay = "RET-" + UUID.randomUUID();
        String recent = "RET-" + UUID.randomUUID();
        changed(due, TODAY.minusYears(3).minusDays(1));
        changed(lastDay, TODAY.minusYears(3));
        changed(recent, TODAY.minusYears(5));
        changed(recent, TODAY.minusDays(1));

        List<AuditSearch.PastRetention> report = search.pastRetention(TODAY).stream()
                .filter(r -> r.recordType().equals("contract")).toList();

        assertThat(report).extracting(AuditSearch.PastRetention::recordId).contains(due).doesNotContain(lastDay, recent);
        AuditSearch.PastRetention row = report.stream().filter(r -> r.recordId().equals(due)).findFirst().orElseThrow();
        assertThat(row.period()).isEqualTo(Period.ofYears(3));
        assertThat(row.retainUntil()).isEqualTo(TODAY.minusDays(1));
    }

    /** One entry in the trail of the contract at noon, company time, of that day. */
    private void changed(String contractId, LocalDate day) {
        jdbc.sql("insert into audit_event (record_type, record_id, action, actor, occurred_at, changes) "
                        + "values ('contract', :id, 'UPDATE', 'test', :at, '[]')")
                .param("id", contractId).param("at", Timestamp.from(day.atTime(LocalTime.NOON).atZone(ZONE).toInstant()))
                .update();
    }
}
