package com.careloop.platform.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/** First start creates the administrator and the demo company; starting again duplicates nothing. */
class BootstrapTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<ApplicationRunner> runners;

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void theDemoCompanyHasOneUserPerPosition() {
        List<String> positions = jdbc.sql("select distinct position from app_user").query(String.class).list();
        assertThat(positions).containsAll(Position.BUILT_IN);
        assertThat(jdbc.sql("select count(*) from app_user where username = 'admin'").query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void theDemoCompanyHasAPersonForEachContractReviewPosition() {
        List<String> holders = jdbc.sql("select u.username, u.position, d.code from app_user u"
                        + " join department d on d.id = u.department_id"
                        + " where u.username in ('salesvp', 'chiefeng', 'keeper') and u.active = true order by u.username")
                .query((rs, i) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3)).list();
        assertThat(holders).containsExactly("chiefeng:CHIEF_ENGINEER:TECH", "keeper:WAREHOUSE_KEEPER:PROD",
                "salesvp:SALES_VP:GM");
    }

    @Test
    void restartingDuplicatesNothing() throws Exception {
        String[] tables = {"department", "app_user", "app_role", "role_permission", "business_calendar",
                "calendar_special_day", "calendar_working_hours", "record_number_rule"};
        long[] before = new long[tables.length];
        for (int i = 0; i < tables.length; i++) {
            before[i] = count(tables[i]);
        }
        for (ApplicationRunner runner : runners) {
            if (runner.getClass().getName().startsWith("com.careloop")) {
                runner.run(new DefaultApplicationArguments());
            }
        }
        for (int i = 0; i < tables.length; i++) {
            assertThat(count(tables[i])).as(tables[i]).isEqualTo(before[i]);
        }
    }
}
