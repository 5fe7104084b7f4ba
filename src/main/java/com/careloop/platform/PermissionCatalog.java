package com.careloop.platform;

import java.util.List;

/**
 * A module's permissions ({@code module:action}), contributed as a bean so the role editor can
 * offer them and the built-in roles can be granted them.
 */
public interface PermissionCatalog {

    String module();

    List<String> permissions();
}
