package com.careloop.platform.security;

import java.util.Collection;
import java.util.List;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUserHolder;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user in Spring Security's terms; permissions become authorities. */
record CareLoopPrincipal(CurrentUser currentUser, String password, boolean enabled, boolean nonLocked)
        implements UserDetails, CurrentUserHolder {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        currentUser.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        return authorities;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return currentUser.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return nonLocked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    static CareLoopPrincipal forToken(CurrentUser user) {
        return new CareLoopPrincipal(user, "", true, true);
    }
}
