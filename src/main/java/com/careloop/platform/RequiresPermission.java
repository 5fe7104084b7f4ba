package com.careloop.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission ({@code module:action}) a handler method needs. Every controller method carries
 * one of {@link RequiresPermission}, {@link AnyUser} or {@link PublicEndpoint}; a handler without
 * any is refused at runtime and fails the permission-matrix test.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresPermission {
    String value();
}
