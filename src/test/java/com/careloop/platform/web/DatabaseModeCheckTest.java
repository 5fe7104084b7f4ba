package com.careloop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
}
