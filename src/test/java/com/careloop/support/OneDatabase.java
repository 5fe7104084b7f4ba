package com.careloop.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * An API test of the web and security layer whose outcome does not depend on the database (sign-in, single sign-on,
 * throttling, headers): it runs on H2 only, not again in the PostgreSQL pass of the build ({@code api-on-postgresql}
 * excludes the tag). Anything with SQL of its own — searches, statistics, locks, numbering — must not carry it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("one-database")
public @interface OneDatabase {
}
