package com.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** CareLoop's PostgreSQL database has JIT compilation off for its sessions (V196, ADR 0039); the server's is on. */
@EnabledIfSystemProperty(named = "careloop.test.db", matches = "postgres")
class DatabaseWithoutJitTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseSetsJitOffForEverySessionWhileTheServerDefaultStaysOn() {
        assertThat(jdbc.sql("""
                select array_to_string(s.setconfig, ',') from pg_db_role_setting s
                join pg_database d on d.oid = s.setdatabase where d.datname = current_database() and s.setrole = 0""")
                .query(String.class).single()).contains("jit=off");
        assertThat(jdbc.sql("select boot_val from pg_settings where name = 'jit'").query(String.class).single())
                .as("the server's own default, which the database's setting overrides").isEqualTo("on");
    }
}
