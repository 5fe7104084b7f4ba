package com.careloop.servicedesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.careloop.platform.DataScope;
import com.careloop.platform.DataScope.Kind;
import com.careloop.platform.FigureQuery;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "open at" figure (ServiceDeskFigures.openAt: the month-end "open requests at end of period", in total and per
 * department) answered from the open-at tally (V191, PostgreSQL) is the number the count of the requests gives
 * ({@link OpenAtTally#counted}, the SQL of the figure before V191) for every time and scope: over generated
 * histories of registrations, closes, re-opens, moves between departments, assignees and registrars, deletes and a
 * close recorded before its registration, across UTC and company month ends, with folds in between, and after a
 * rebuild. On H2 the figure is the count itself, and the same comparison runs.
 */
class OpenAtTallyTest extends ApiTestBase {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant START = Instant.parse("2025-01-20T00:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OpenAtTally tally;

    /** This test's requests: gone afterwards (later tests of the same database count the queue and figures). */
    private final String prefix = "OAT" + System.nanoTime() % 1_000_000_000L + "-";

    @AfterEach
    void removeTheTestsRequests() {
        jdbc.sql("delete from service_request_alert where request_id in (select id from service_request"
                + " where code like :p)").param("p", prefix + "%").update();
        jdbc.sql("delete from service_request where code like :p").param("p", prefix + "%").update();
    }

    @Test
    void theTallyGivesTheCountForEveryTimeAndScope() {
        List<Long> departments = jdbc.sql("select id from department order by id").query(Long.class).list();
        List<Long> users = jdbc.sql("select id from app_user order by id").query(Long.class).list();
        List<Long> customers = jdbc.sql("select id from customer order by id").query(Long.class).list()
                .stream().limit(3).toList();
        Random random = new Random(21);
        List<Long> ids = new ArrayList<>();
        Map<Long, Instant> registeredAt = new java.util.HashMap<>();
        for (int i = 0; i < 300; i++) {
            // registered over 110 days from mid-January 2025, at any second
            Instant registered = START.plusSeconds(random.nextInt(110 * 86_400));
            ids.add(insert(prefix + i, registered, pick(random, departments), pick(random, users),
                    pick(random, users), customers.isEmpty() ? null : pick(random, customers)));
            registeredAt.put(ids.get(i), registered);
        }
        for (int step = 0; step < 1_500; step++) {
            long id = ids.get(random.nextInt(ids.size()));
            switch (random.nextInt(8)) {
                case 0, 1, 2 -> jdbc.sql("update service_request set status = 'CLOSED', closed_at = :closed where id = :id")
                        // now and then a close recorded before the registration (a clock set wrong)
                        .param("closed", Timestamp.from(registeredAt.get(id).plus(Duration.ofMinutes(
                                random.nextInt(72_000) - (random.nextInt(50) == 0 ? 6_000 : 0)))))
                        .param("id", id).update();
                case 3 -> jdbc.sql("update service_request set status = 'DISPATCHED', closed_at = null where id = :id")
                        .param("id", id).update();
                case 4 -> jdbc.sql("update service_request set department_id = :d where id = :id")
                        .param("d", pick(random, departments)).param("id", id).update();
                case 5 -> jdbc.sql("update service_request set assignee_id = :a where id = :id")
                        .param("a", pick(random, users)).param("id", id).update();
                case 6 -> jdbc.sql("update service_request set registered_by = :u, title = title || '.' where id = :id")
                        .param("u", pick(random, users)).param("id", id).update();
                default -> jdbc.sql("update service_request set title = title || '.' where id = :id").param("id", id)
                        .update();
            }
            if (step % 400 == 0) {
                tally.fold();
            }
            if (step % 300 == 150) {
                jdbc.sql("delete from service_request where id = :id").param("id", ids.remove(0)).update();
            }
        }
        // a registration moved (not done by the application, but the tally follows it)
        jdbc.sql("update service_request set registered_at = :registered where id = :id")
                .param("registered", Timestamp.from(registeredAt.get(ids.get(1)).plus(Duration.ofDays(9))))
                .param("id", ids.get(1)).update();

        assertSameAsTheCount(departments, users, customers);
        tally.fold();
        assertSameAsTheCount(departments, users, customers);
        if (tally.kept()) {
            assertThat(jdbc.sql("select count(*) from " + OpenAtTally.TABLE + " where not folded").query(Long.class)
                    .single()).isZero();
            tally.rebuild();
            assertSameAsTheCount(departments, users, customers);
        }
    }

    private void assertSameAsTheCount(List<Long> departments, List<Long> users, List<Long> customers) {
        List<DataScope> scopes = List.of(FigureQuery.company(),
                new DataScope(Kind.DEPARTMENT, Set.of(departments.get(0), departments.get(departments.size() - 1)),
                        users.get(0)),
                new DataScope(Kind.DEPARTMENT_TREE, Set.of(), users.get(users.size() / 2)),
                new DataScope(Kind.OWN, Set.of(), users.get(users.size() - 1)));
        List<Instant> times = new ArrayList<>();
        // company midnights (the ends of report periods), UTC midnights and odd instants, before, in and after
        for (LocalDate day = LocalDate.of(2025, 1, 10); day.isBefore(LocalDate.of(2025, 6, 1)); day = day.plusDays(3)) {
            times.add(day.atStartOfDay(ZONE).toInstant());
        }
        for (int month = 1; month <= 6; month++) {
            LocalDate first = LocalDate.of(2025, month, 1);
            times.add(first.atStartOfDay(ZONE).toInstant());
            times.add(first.atStartOfDay(ZoneId.of("UTC")).toInstant());
            times.add(first.atStartOfDay(ZoneId.of("UTC")).toInstant().plus(Duration.ofSeconds(37_123)));
        }
        times.add(Instant.parse("2026-12-31T16:00:00Z"));
        int compared = 0;
        for (Instant at : times) {
            for (DataScope scope : scopes) {
                for (String group : java.util.Arrays.asList(null, "r.department_id")) {
                    assertSame(at, scope, null, group);
                    compared++;
                }
            }
            for (Long customer : customers) {
                assertSame(at, FigureQuery.company(), customer, null);
            }
        }
        assertThat(compared).isGreaterThan(400);
    }

    private void assertSame(Instant at, DataScope scope, Long customer, String group) {
        Map<Long, Long> tallied = tally.openAt(at, scope, customer, group);
        Map<Long, Long> counted = tally.counted(at, scope, customer, group);
        assertThat(tallied).as("open at %s, scope %s, customer %s, per %s", at, scope, customer, group)
                .isEqualTo(counted);
        // largest first, as the figure lists them
        assertThat(new ArrayList<>(tallied.values())).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private static Long pick(Random random, List<Long> values) {
        return random.nextInt(5) == 0 ? null : values.get(random.nextInt(values.size()));
    }

    private long insert(String code, Instant registered, Long department, Long assignee, Long registrar, Long customer) {
        jdbc.sql("""
                insert into service_request (code, customer_id, request_type, title, channel, priority, status,
                  department_id, assignee_id, registered_by, registered_by_name, registered_at, response_amount,
                  response_unit, response_due_at, response_warn_at, created_at, updated_at)
                values (:code, :customer, 'REPAIR', 'open at', 'PHONE', 'NORMAL', 'DISPATCHED', :department, :assignee,
                  :registrar, 'test', :registered, 4, 'CALENDAR_HOURS', :due, :due, :registered, :registered)""")
                // deadlines far ahead: the SLA scan running meanwhile leaves these requests alone
                .param("due", Timestamp.from(Instant.parse("2099-01-01T00:00:00Z"))).param("code", code).param("customer", customer).param("department", department)
                .param("assignee", assignee).param("registrar", registrar)
                .param("registered", Timestamp.from(registered)).update();
        return jdbc.sql("select id from service_request where code = :code").param("code", code).query(Long.class)
                .single();
    }
}
