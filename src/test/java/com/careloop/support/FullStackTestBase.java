package com.careloop.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one running CareLoop with the demo company that the API tests ({@link ApiTestBase}) and the browser tests
 * share: same properties, same database hook, same imports, so Spring's test context cache starts it once per JVM.
 * A test class that adds properties or beans gets a context of its own (tens of seconds): prefer switching a
 * behaviour on from the test, as {@link StatementCounting} does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careloop.demo-data=true", "careloop.admin-password=" + FullStackTestBase.ADMIN_PASSWORD,
        // BCrypt at its lowest cost: thousands of sign-ins and new users, ~0.1 s of CPU each at the default 10
        "careloop.security.password-hash-cost=4",
        // webhook tests post to a receiver on this machine, and retry quickly
        "careloop.webhooks.allow-private-targets=true", "careloop.webhooks.initial-backoff=300ms",
        "careloop.webhooks.timeout=2s", "careloop.webhooks.poll-interval=PT0.5S"})
@Import({StatementCounting.class, PasswordChecks.class})
public abstract class FullStackTestBase {

    public static final String ADMIN_PASSWORD = "admin-test-pw";
    public static final String DEMO_PASSWORD = "careloop2026";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry);
    }
}
