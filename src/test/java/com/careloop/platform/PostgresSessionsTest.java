package com.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application's PostgreSQL sessions have JIT compilation off (ADR 0039); the server's default is on. */
@EnabledIfSystemProperty(named = "careloop.test.db", matches = "postgres")
class PostgresSessionsTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApplicationsConnectionsRunWithoutJit() {
        assertThat(jdbc.sql("show jit").query(String.class).single()).isEqualTo("off");
        assertThat(jdbc.sql("select boot_val from pg_settings where name = 'jit'").query(String.class).single())
                .as("the server's own default, which the connection overrides").isEqualTo("on");
    }
}
