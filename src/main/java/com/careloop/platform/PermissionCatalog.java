package com.careloop.platform;

import java.util.List;

/**
 * A module's permissions ({@code module:action}), contributed as a bean so the role editor can
 * offer them and the built-in roles can be granted them.
 */
public interface PermissionCatalog {

    String module();

    List<String> permissions();

    /**
     * What the built-in roles (by code, e.g. {@code CS_MANAGER}) receive when this module first
     * starts; applied once, so later edits by the administrator stay.
     */
    default java.util.Map<String, java.util.Set<String>> defaultGrants() {
        return java.util.Map.of();
    }
}
