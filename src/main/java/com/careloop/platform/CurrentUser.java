package com.careloop.platform;

import java.util.Locale;
import java.util.Set;

/** The signed-in user as the modules see them: identity, department, permissions and data scope. */
public record CurrentUser(long id, String username, String displayName, Long departmentId, String position,
                          Set<String> permissions, DataScope scope, Locale locale) implements java.io.Serializable {

    public boolean can(String permission) {
        return permissions.contains(permission);
    }
}
