package com.careloop.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Records the password checks the application runs, as the cost of each stored hash compared ("$2a$04$"), so that
 * "an unknown username costs a sign-in the same work as a known one" is a deterministic figure instead of a timing
 * on a loaded machine. Part of the shared test context ({@link FullStackTestBase}); the encoder itself is the real
 * one, only observed. One test class at a time uses this (test classes of one JVM run one after another).
 */
@TestConfiguration(proxyBeanMethods = false)
public class PasswordChecks {

    private static final List<String> CHECKED = new ArrayList<>();
    private static volatile boolean recording;

    /** The hash costs ("$2a$04$") of the password checks run while {@code work} runs, in order. */
    public static List<String> during(Supplier<?> work) {
        synchronized (CHECKED) {
            CHECKED.clear();
        }
        recording = true;
        try {
            work.get();
        } finally {
            recording = false;
        }
        synchronized (CHECKED) {
            return List.copyOf(CHECKED);
        }
    }

    @Bean
    static BeanPostProcessor observedPasswordEncoder() {
        return BeanWrapping.around(PasswordEncoder.class, "passwordEncoder", PasswordChecks::observed);
    }

    private static PasswordEncoder observed(PasswordEncoder target) {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return target.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                if (recording) {
                    synchronized (CHECKED) {
                        CHECKED.add(encoded == null ? "<none>" : encoded.substring(0, Math.min(7, encoded.length())));
                    }
                }
                return target.matches(raw, encoded);
            }

            @Override
            public boolean upgradeEncoding(String encoded) {
                return target.upgradeEncoding(encoded);
            }
        };
    }
}
