package com.careloop.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.careloop.support.TestDatabases;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V56 maps the request page's old two-value callback outcome onto the one satisfaction scale: a database migrated
 * up to V55 with callbacks stored the old way, then to V56. Tagged {@code api}, so it runs on H2 and on PostgreSQL.
 */
@Tag("api")
class SatisfactionScaleMigrationTest {

    @Test
    void theOldOutcomesBecomeTheScalesValues() throws Exception {
        DriverManagerDataSource db = freshDatabase();
        String vendor = TestDatabases.onPostgres() ? "postgresql" : "h2";
        migrate(db, vendor, "55");
        JdbcClient jdbc = JdbcClient.create(db);
        long satisfied = request(jdbc, "SATISFIED");
        long unsatisfied = request(jdbc, "UNSATISFIED");
        long none = request(jdbc, null);

        migrate(db, vendor, "56");

        Map<Long, String> after = new java.util.HashMap<>();
        jdbc.sql("select id, callback_satisfaction from service_request").query(rs -> {
            after.put(rs.getLong(1), rs.getString(2));
        });
        assertThat(after).containsEntry(satisfied, "SATISFIED").containsEntry(unsatisfied, "DISSATISFIED")
                .containsEntry(none, null);
        assertThat(jdbc.sql("select count(*) from information_schema.columns where lower(table_name) = 'service_request'"
                + " and lower(column_name) = 'callback_outcome'").query(Long.class).single())
                .as("the old column is gone").isZero();
    }

    private static void migrate(DriverManagerDataSource db, String vendor, String target) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .target(target).load().migrate();
    }

    private static long request(JdbcClient jdbc, String outcome) {
        String code = "BS-M" + UUID.randomUUID().toString().substring(0, 8);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into service_request (code, request_type, title, channel, priority, status, registered_by_name,
                  registered_at, callback_outcome, response_amount, response_unit, response_due_at, response_warn_at,
                  created_at, updated_at)
                values (:code, 'REPAIR', '漏水', 'PHONE', 'NORMAL', 'CALLED_BACK', 'frontdesk', current_timestamp,
                  :outcome, 24, 'CALENDAR_HOURS', current_timestamp, current_timestamp, current_timestamp, current_timestamp)""")
                .param("code", code).param("outcome", outcome).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static DriverManagerDataSource freshDatabase() throws Exception {
        String name = "v56_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (TestDatabases.onPostgres()) {
            var pg = TestDatabases.postgres();
            try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("create database " + name);
            }
            return new DriverManagerDataSource(pg.getJdbcUrl("postgres", name), "postgres", "postgres");
        }
        return new DriverManagerDataSource("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }
}
