package com.careloop.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where the API tests run: H2 by default, real PostgreSQL (zonky embedded, one server per JVM) when
 * {@code -Dcareloop.test.db=postgres}. {@code ./mvnw verify} runs the API suite both ways.
 */
public final class TestDatabases {

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("careloop.test.db"));
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (onPostgres()) {
            EmbeddedPostgres pg = postgres();
            registry.add("spring.datasource.url", () -> pg.getJdbcUrl("postgres", "postgres"));
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "postgres");
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:careloop-test;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
            registry.add("spring.datasource.username", () -> "sa");
            registry.add("spring.datasource.password", () -> "");
        }
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            // Stop the server only after Spring has closed every cached test context: a JVM shutdown hook
            // would race the contexts' own shutdown, which still queries the database (the event
            // publication registry), and Hikari would then wait 30 s for a connection that never comes.
            org.springframework.boot.SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            });
        }
        return postgres;
    }
}
