package com.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.careloop.complaint.ComplaintCounts;
import com.careloop.customer.CustomerCounts;
import com.careloop.servicedesk.ServiceRequestCounts;
import com.careloop.servicedesk.RequestType;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The complaints received and the requests of a type registered in a period (the survey's adjustments), answered from
 * the day tally (V197, PostgreSQL) for the whole UTC days and from the records for the partial days, are the counts
 * of the records for every period: company days, UTC days, odd instants, a period within one day, an empty one;
 * after single and bulk inserts, moves to another day or type, single and bulk deletes, before and after a fold, and
 * after a rebuild. On H2 the figures are the counts themselves and the same comparison runs. The records lie in 2033,
 * where no other test puts any.
 */
class DayTallyTest extends ApiTestBase {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant START = Instant.parse("2033-01-01T00:00:00Z");
    static final int DAYS = 40;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DayTally tally;
    @Autowired
    ComplaintCounts complaints;
    @Autowired
    ServiceRequestCounts requests;
    @Autowired
    CustomerCounts customers;

    private final String prefix = "DT" + System.nanoTime() % 1_000_000_000L + "-";

    @AfterEach
    void removeTheTestsRecords() {
        jdbc.sql("delete from complaint where code like :p").param("p", prefix + "%").update();
        jdbc.sql("delete from service_request where code like :p").param("p", prefix + "%").update();
        jdbc.sql("delete from customer where code like :p").param("p", prefix + "%").update();
    }

    @Test
    void theActiveCustomersAreTheCountAfterEveryChange() {
        long before = activeCounted();
        assertThat(customers.activeCustomers()).isEqualTo(before);
        Timestamp created = Timestamp.from(START);
        for (int i = 0; i < 5; i++) {
            jdbc.sql("insert into customer (code, name, kind, active, created_at, updated_at) values (:c, 'day tally',"
                            + " 'INDIVIDUAL', :active, :t, :t)")
                    .param("c", prefix + "K" + i).param("active", i != 4).param("t", created).update();
        }
        // one statement of many customers, a third of them inactive
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            rows.append(i == 0 ? "" : ",").append("(:p || 'M").append(i).append("', 'day tally', 'INDIVIDUAL', ")
                    .append(i % 3 != 0).append(", :t, :t)");
        }
        jdbc.sql("insert into customer (code, name, kind, active, created_at, updated_at) values " + rows)
                .param("p", prefix).param("t", created).update();
        assertThat(customers.activeCustomers()).isEqualTo(activeCounted()).isEqualTo(before + 4 + 20);
        tally.fold();
        jdbc.sql("update customer set active = false where code = :c").param("c", prefix + "K0").update();
        jdbc.sql("update customer set active = true where code = :c").param("c", prefix + "K4").update();
        jdbc.sql("update customer set name = 'renamed' where code like :p").param("p", prefix + "%").update();
        jdbc.sql("update customer set created_at = :t where code = :c").param("c", prefix + "K1")
                .param("t", Timestamp.from(START.plus(Duration.ofDays(3)))).update();
        jdbc.sql("delete from customer where code like :p").param("p", prefix + "M1%").update();
        assertThat(customers.activeCustomers()).isEqualTo(activeCounted());
        tally.fold();
        assertThat(customers.activeCustomers()).isEqualTo(activeCounted());
        if (tally.kept()) {
            assertThat(customers.rebuildTally()).isPositive();
            assertThat(customers.activeCustomers()).isEqualTo(activeCounted());
        }
    }

    private long activeCounted() {
        return jdbc.sql("select count(*) from customer where active = true").query(Long.class).single();
    }

    @Test
    void splitsAPeriodIntoWholeUtcDaysAndItsPartialEnds() {
        // a company day in Shanghai: 16:00 UTC to 16:00 UTC, so two partial UTC days and no whole one
        assertThat(DayTally.split(Instant.parse("2033-01-01T16:00:00Z"), Instant.parse("2033-01-02T16:00:00Z"))).isNull();
        // three company days: the two whole UTC days between, eight hours counted at the start and sixteen at the end
        assertThat(DayTally.split(Instant.parse("2033-01-01T16:00:00Z"), Instant.parse("2033-01-04T16:00:00Z")))
                .isEqualTo(new DayTally.Split(LocalDate.of(2033, 1, 2), LocalDate.of(2033, 1, 4),
                        Instant.parse("2033-01-02T00:00:00Z"), Instant.parse("2033-01-04T00:00:00Z")));
        // UTC midnights at both ends: no partial day
        assertThat(DayTally.split(Instant.parse("2033-01-01T00:00:00Z"), Instant.parse("2033-01-03T00:00:00Z")))
                .isEqualTo(new DayTally.Split(LocalDate.of(2033, 1, 1), LocalDate.of(2033, 1, 3),
                        Instant.parse("2033-01-01T00:00:00Z"), Instant.parse("2033-01-03T00:00:00Z")));
        // one whole day between two odd instants
        assertThat(DayTally.split(Instant.parse("2033-01-01T23:59:59Z"), Instant.parse("2033-01-03T00:00:01Z")))
                .isEqualTo(new DayTally.Split(LocalDate.of(2033, 1, 2), LocalDate.of(2033, 1, 3),
                        Instant.parse("2033-01-02T00:00:00Z"), Instant.parse("2033-01-03T00:00:00Z")));
    }

    @Test
    void theTallyGivesTheCountForEveryPeriod() {
        long customer = jdbc.sql("select min(id) from customer").query(Long.class).single();
        long user = jdbc.sql("select min(id) from app_user").query(Long.class).single();
        Random random = new Random(40);
        List<String> complaintCodes = new ArrayList<>();
        List<String> requestCodes = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            complaintCodes.add(complaint(prefix + "C" + i, at(random), customer, user));
            requestCodes.add(request(prefix + "R" + i, random.nextBoolean() ? "PRAISE" : "REPAIR", at(random)));
        }
        // one statement of many records over many days (a statement trigger adds them per day)
        bulkComplaints(prefix + "B", 300, customer, user);
        assertSameAsTheCount();
        tally.fold();
        assertSameAsTheCount();

        for (int step = 0; step < 60; step++) {
            String c = complaintCodes.get(random.nextInt(complaintCodes.size()));
            String r = requestCodes.get(random.nextInt(requestCodes.size()));
            switch (random.nextInt(4)) {
                case 0 -> jdbc.sql("update complaint set received_at = :at where code = :c")
                        .param("at", Timestamp.from(at(random))).param("c", c).update();
                case 1 -> jdbc.sql("update service_request set registered_at = :at where code = :c")
                        .param("at", Timestamp.from(at(random))).param("c", r).update();
                case 2 -> jdbc.sql("update service_request set request_type = case when request_type = 'PRAISE'"
                        + " then 'REPAIR' else 'PRAISE' end where code = :c").param("c", r).update();
                default -> jdbc.sql("update complaint set content = content || '.' where code = :c").param("c", c)
                        .update();
            }
        }
        jdbc.sql("delete from complaint where code = :c").param("c", complaintCodes.remove(3)).update();
        jdbc.sql("delete from service_request where code = :c").param("c", requestCodes.remove(5)).update();
        // a bulk delete: a third of the bulk's complaints
        jdbc.sql("delete from complaint where code like :p and mod(id, 3) = 0").param("p", prefix + "B%").update();
        assertSameAsTheCount();
        tally.fold();
        assertSameAsTheCount();
        if (tally.kept()) {
            assertThat(jdbc.sql("select count(*) from day_tally where not folded").query(Long.class).single())
                    .isZero();
            assertThat(complaints.rebuildTally()).isPositive();
            assertThat(requests.rebuildTally()).isPositive();
            assertSameAsTheCount();
        }
    }

    private void assertSameAsTheCount() {
        List<Instant[]> periods = new ArrayList<>();
        for (int d = -1; d <= DAYS; d += 3) {
            LocalDate day = LocalDate.of(2033, 1, 1).plusDays(d);
            // company days (the survey's periods), UTC days, odd instants
            for (int length : new int[] {1, 2, 7, 30}) {
                periods.add(new Instant[] {day.atStartOfDay(ZONE).toInstant(), day.plusDays(length).atStartOfDay(ZONE).toInstant()});
                periods.add(new Instant[] {day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        day.plusDays(length).atStartOfDay(ZoneOffset.UTC).toInstant()});
                periods.add(new Instant[] {day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(37_123),
                        day.plusDays(length).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(5_001)});
            }
            // within one day, and empty
            Instant noon = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(12));
            periods.add(new Instant[] {noon.minusSeconds(3_600), noon.plusSeconds(3_600)});
            periods.add(new Instant[] {noon, noon});
        }
        for (Instant[] p : periods) {
            assertThat(complaints.receivedBetween(p[0], p[1])).as("complaints received in [%s, %s)", p[0], p[1])
                    .isEqualTo(count("complaint", "received_at", null, p));
            for (RequestType type : List.of(RequestType.PRAISE, RequestType.REPAIR)) {
                assertThat(requests.countOfType(type, p[0], p[1])).as("%s registered in [%s, %s)", type, p[0], p[1])
                        .isEqualTo(count("service_request", "registered_at", type.name(), p));
            }
        }
        // the comparison saw records: the whole span holds this test's and nothing else
        assertThat(complaints.receivedBetween(START.minus(Duration.ofDays(2)), START.plus(Duration.ofDays(DAYS + 2))))
                .isEqualTo(jdbc.sql("select count(*) from complaint where code like :p").param("p", prefix + "%")
                        .query(Long.class).single()).isGreaterThan(300);
    }

    private long count(String table, String column, String type, Instant[] p) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " >= :from and " + column + " < :to"
                        + (type == null ? "" : " and request_type = :type"))
                .param("from", Timestamp.from(p[0])).param("to", Timestamp.from(p[1])).param("type", type)
                .query(Long.class).single();
    }

    /** Any second of the test's days. */
    private static Instant at(Random random) {
        return START.plusSeconds(random.nextInt(DAYS * 86_400));
    }

    private String complaint(String code, Instant received, long customer, long user) {
        jdbc.sql("""
                insert into complaint (code, customer_id, customer_name, received_at, channel, content, status,
                  received_by, received_by_name, acknowledge_due_at, acknowledge_warn_at, reply_due_at, reply_warn_at,
                  resolve_due_at, resolve_warn_at, closed_at, created_at, updated_at)
                values (:code, :customer, 'day tally', :r, 'PHONE', 'day tally', 'CLOSED', :user, 'test', :due, :due,
                  :due, :due, :due, :due, :r, :r, :r)""")
                // closed, deadlines far ahead: the scans running meanwhile leave these complaints alone
                .param("code", code).param("customer", customer).param("user", user)
                .param("r", Timestamp.from(received)).param("due", Timestamp.from(Instant.parse("2099-01-01T00:00:00Z")))
                .update();
        return code;
    }

    /** {@code n} complaints in one statement, one every 3 h 7 min from the start. */
    private void bulkComplaints(String code, int n, long customer, long user) {
        Timestamp due = Timestamp.from(Instant.parse("2099-01-01T00:00:00Z"));
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String r = ":r" + i;
            values.append(i == 0 ? "" : ",").append("('").append(code).append(i).append("', :customer, 'day tally', ")
                    .append(r).append(", 'PHONE', 'day tally', 'CLOSED', :user, 'test', :due, :due, :due, :due, :due,"
                            + " :due, ").append(r).append(", ").append(r).append(", ").append(r).append(")");
        }
        var sql = jdbc.sql("insert into complaint (code, customer_id, customer_name, received_at, channel, content,"
                + " status, received_by, received_by_name, acknowledge_due_at, acknowledge_warn_at, reply_due_at,"
                + " reply_warn_at, resolve_due_at, resolve_warn_at, closed_at, created_at, updated_at) values " + values)
                .param("customer", customer).param("user", user).param("due", due);
        for (int i = 0; i < n; i++) {
            sql = sql.param("r" + i, Timestamp.from(START.plus(Duration.ofMinutes(187L * i))));
        }
        sql.update();
    }

    private String request(String code, String type, Instant registered) {
        jdbc.sql("""
                insert into service_request (code, request_type, title, channel, priority, status, registered_by_name,
                  registered_at, response_amount, response_unit, response_due_at, response_warn_at, closed_at,
                  created_at, updated_at)
                values (:code, :type, 'day tally', 'PHONE', 'NORMAL', 'CLOSED', 'test', :registered, 4, 'CALENDAR_HOURS',
                  :due, :due, :registered, :registered, :registered)""")
                .param("due", Timestamp.from(Instant.parse("2099-01-01T00:00:00Z"))).param("code", code)
                .param("type", type).param("registered", Timestamp.from(registered)).update();
        return code;
    }
}
