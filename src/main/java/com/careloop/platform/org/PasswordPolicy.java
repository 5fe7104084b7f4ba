package com.careloop.platform.org;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.careloop.platform.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters and not one of the 10,000 most common
 * passwords (security/common-passwords.txt, compared ignoring case; its source is in docs/adr). A refusal is a
 * field error naming the field and the rule ({@code min-length}, {@code common}) in the reader's language.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

    private final Set<String> common;
    private final MessageSource messages;

    PasswordPolicy(MessageSource messages) {
        this.messages = messages;
        this.common = load();
    }

    /** Throws a field error on {@code field} when {@code password} breaks the policy. */
    public void check(String field, String password) {
        String rule = violation(password);
        if (rule != null) {
            throw new InvalidInputException(field, rule, messages.getMessage("password." + rule,
                    new Object[] {MIN_LENGTH}, LocaleContextHolder.getLocale()));
        }
    }

    /** The rule {@code password} breaks, or null. */
    public String violation(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "min-length";
        }
        return common.contains(password.toLowerCase(Locale.ROOT)) ? "common" : null;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_000);
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.strip().toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException("security/common-passwords.txt", e);
        }
        return Set.copyOf(words);
    }
}
