package com.careloop.platform.org;

/**
 * What a user may do or see may have changed (roles, department, a role's permissions or data scope, the
 * department tree, the chosen language): whoever remembers signed-in users forgets them. {@code userId} is null
 * when any user may be affected.
 */
public record AccessChanged(Long userId) {

    static AccessChanged anyUser() {
        return new AccessChanged(null);
    }
}
