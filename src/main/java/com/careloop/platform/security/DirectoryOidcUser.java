package com.careloop.platform.security;

import java.util.List;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUserHolder;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A user signed in by OpenID Connect, carrying the CareLoop account it maps to (permissions as authorities). */
class DirectoryOidcUser extends DefaultOidcUser implements CurrentUserHolder {

    private final CurrentUser currentUser;

    DirectoryOidcUser(OidcUser oidc, CurrentUser currentUser) {
        super(currentUser.permissions().stream().map(SimpleGrantedAuthority::new).toList(), oidc.getIdToken(),
                oidc.getUserInfo());
        this.currentUser = currentUser;
    }

    @Override
    public CurrentUser currentUser() {
        return currentUser;
    }

    @Override
    public String getName() {
        return currentUser.username();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectoryOidcUser other && other.currentUser.id() == currentUser.id() && super.equals(o);
    }

    @Override
    public int hashCode() {
        return List.of(super.hashCode(), currentUser.id()).hashCode();
    }
}
