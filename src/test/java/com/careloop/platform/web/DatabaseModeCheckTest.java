package com.careloop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.mock.env.MockEnvironment;

class DatabaseModeCheckTest {

    @Test
    void productionOnH2IsAnnouncedLoudly() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/careloop");
        env.setActiveProfiles("prod");
        assertThat(DatabaseModeCheck.warning(env)).hasValueSatisfying(w -> assertThat(w)
                .contains("WARNING").contains("CARELOOP_DB_URL").contains("jdbc:h2:file:./data/careloop"));
    }

    @Test
    void productionOnPostgresAndDevelopmentOnH2AreQuiet() {
        MockEnvironment pg = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/careloop");
        pg.setActiveProfiles("prod");
        assertThat(DatabaseModeCheck.warning(pg)).isEmpty();
        MockEnvironment dev = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/careloop");
        assertThat(DatabaseModeCheck.warning(dev)).isEmpty();
    }

    @Test
    void anH2FileDatabaseThatWritesCommitsLaterIsAnnouncedAndTheShippedSettingIsQuiet() throws Exception {
        Path dir = Files.createTempDirectory("careloop-mode-check");
        String delayed = "jdbc:h2:file:" + dir.resolve("delayed") + ";WRITE_DELAY=500";
        assertThat(delayedWrites(delayed)).hasValueSatisfying(w -> assertThat(w)
                .contains("WARNING").contains("WRITE_DELAY=500").contains(";WRITE_DELAY=0"));
        String durable = "jdbc:h2:file:" + dir.resolve("durable") + ";WRITE_DELAY=0";
        assertThat(delayedWrites(durable)).isEmpty();
        assertThat(DatabaseModeCheck.delayedWrites("jdbc:postgresql://db/careloop", null)).isEmpty();
    }

    private static Optional<String> delayedWrites(String url) {
        var h2 = new SingleConnectionDataSource(url, "sa", "", true);
        try {
            return DatabaseModeCheck.delayedWrites(url, JdbcClient.create(h2));
        } finally {
            h2.destroy();
        }
    }
}
