package com.careloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import com.careloop.platform.org.DirectoryAccounts.MatchBy;

import org.junit.jupiter.api.Test;

/** The start-up checks of careloop.sso.*: single sign-on never creates administrators. */
class SsoPropertiesTest {

    private static final SsoProperties.Ldap LDAP = new SsoProperties.Ldap(null, null, null, "", "(uid={0})", null, null,
            MatchBy.USERNAME, "uid", "mail", "cn", "LDAP", Duration.ofSeconds(5));
    private static final SsoProperties.Oidc OIDC = new SsoProperties.Oidc(null, null, null, List.of("openid"), "oidc",
            "OIDC", MatchBy.EMAIL, "preferred_username", "email", "name");

    @Test
    void anAdministratorDefaultRoleIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new SsoProperties(true, " admin ", null, "STAFF", LDAP, OIDC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("careloop.sso.default-role must not be ADMIN");
    }

    @Test
    void anOrdinaryDefaultRoleIsAcceptedAndBothProtocolsStayOffUnlessConfigured() {
        SsoProperties properties = new SsoProperties(true, "STAFF", "CS", "STAFF", LDAP, OIDC);
        assertThat(properties.provisioning().defaultRole()).isEqualTo("STAFF");
        assertThat(properties.ldap().enabled()).isFalse();
        assertThat(properties.oidc().enabled()).isFalse();
    }
}
