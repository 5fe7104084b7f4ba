package com.careloop.platform.web;

import java.util.Arrays;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keycloak's lesson: a production that silently runs on the development database loses its data.
 * Under the {@code prod} profile an H2 URL is announced loudly at every start.
 */
@Component
class DatabaseModeCheck {

    private static final Logger log = LoggerFactory.getLogger(DatabaseModeCheck.class);

    private final Environment environment;

    DatabaseModeCheck(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        warning(environment).ifPresent(log::warn);
    }

    static Optional<String> warning(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        if (prod && url.startsWith("jdbc:h2:")) {
            return Optional.of("""

                    ************************************************************************
                     WARNING: the 'prod' profile is running on the embedded H2 database
                     (%s).
                     H2 is for trying CareLoop out. Set CARELOOP_DB_URL, CARELOOP_DB_USER and
                     CARELOOP_DB_PASSWORD to a PostgreSQL 15+ database for production use.
                    ************************************************************************""".formatted(url));
        }
        return Optional.empty();
    }
}
