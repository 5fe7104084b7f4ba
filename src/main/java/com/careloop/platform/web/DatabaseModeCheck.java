package com.careloop.platform.web;

import java.util.Arrays;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keycloak's lesson: a production that silently runs on the development database loses its data.
 * Under the {@code prod} profile an H2 URL is announced loudly at every start. In any profile, an H2 file database
 * that writes its commits in the background (a URL without {@code WRITE_DELAY=0}) is announced too: it answers
 * before the commit is in its file, so a crash loses work the users were told was saved.
 */
@Component
class DatabaseModeCheck {

    private static final Logger log = LoggerFactory.getLogger(DatabaseModeCheck.class);

    private final Environment environment;
    private final JdbcClient jdbc;

    DatabaseModeCheck(Environment environment, JdbcClient jdbc) {
        this.environment = environment;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        warning(environment).ifPresent(log::warn);
        delayedWrites(environment.getProperty("spring.datasource.url", ""), jdbc).ifPresent(log::warn);
    }

    /** An H2 database (not in memory) whose commits reach its file only up to WRITE_DELAY ms after they return. */
    static Optional<String> delayedWrites(String url, JdbcClient jdbc) {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")) {
            return Optional.empty();
        }
        // listed twice when set: as the stored setting and as the running value
        String delay = jdbc.sql("select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")
                .query(String.class).list().stream().map(String::trim).filter(d -> !"0".equals(d)).findFirst().orElse(null);
        if (delay == null) {
            return Optional.empty();
        }
        return Optional.of("""

                ************************************************************************
                 WARNING: H2 writes commits to its file up to %s ms after answering
                 (WRITE_DELAY=%s): a crash (kill -9, out of memory) loses work that was
                 acknowledged as saved. Add ;WRITE_DELAY=0 to the database URL, as the
                 default URL has it (docs/architecture.md, "Durability").
                ************************************************************************""".formatted(delay, delay));
    }

    static Optional<String> warning(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        if (prod && url.startsWith("jdbc:h2:")) {
            return Optional.of("""

                    ************************************************************************
                     WARNING: the 'prod' profile is running on the embedded H2 database
                     (%s).
                     H2 is for trying CareLoop out: it writes each commit to its file but does
                     not force it to the disk, so a power loss or an operating-system crash
                     can lose the last acknowledged work. Set CARELOOP_DB_URL, CARELOOP_DB_USER
                     and CARELOOP_DB_PASSWORD to a PostgreSQL 15+ database for production use.
                    ************************************************************************""".formatted(url));
        }
        return Optional.empty();
    }
}
