package com.careloop.platform.org;

/**
 * An account's credentials or standing changed (published inside the change's transaction): the security side
 * revokes the user's API tokens and forgets throttled sign-ins.
 */
public record CredentialsChanged(long userId, String username, Kind kind) {

    public enum Kind {
        /** A new password (an administrator's reset or edit): every API token issued before is revoked. */
        PASSWORD_CHANGED,
        /** Deactivated: tokens are revoked too, so a later re-activation does not revive them. */
        DEACTIVATED,
        /** An administrator cleared the account's failed sign-ins. */
        UNLOCKED
    }
}
