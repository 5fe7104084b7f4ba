/**
 * The platform every capability stands on: organisation and access, the audit trail, record
 * numbers, the business calendar, notifications, API tokens, idempotent creates and the web shell.
 * Its public API is the types in this package (and the named interface {@code calendar});
 * everything in sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package com.careloop.platform;
