package com.careloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;

import com.careloop.support.OneDatabase;
import com.careloop.support.PageSession;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * LDAP bind against a real embedded directory server (UnboundID): sign-in with the directory password, mapping to
 * an existing account, creation with the default role and department, a wrong password, an administrator refused,
 * and a directory that does not answer while local accounts still sign in.
 */
@TestPropertySource(properties = {"careloop.sso.ldap.base=dc=careloop,dc=test",
        "careloop.sso.ldap.user-dn-pattern=uid={0},ou=people", "careloop.sso.ldap.timeout=2s",
        "careloop.sso.ldap.display-name=公司目录", "careloop.sso.default-department=CS"})
@OneDatabase
class LdapLoginTest extends SsoTestBase {

    private static final int LDAP_PORT = freePort();
    private static final InMemoryDirectoryServer DIRECTORY = startDirectory();

    @DynamicPropertySource
    static void ldap(DynamicPropertyRegistry registry) {
        registry.add("careloop.sso.ldap.url", () -> "ldap://localhost:" + LDAP_PORT);
    }

    @Test
    void aDirectoryPersonSignsInAndGetsAnAccountWithTheDefaultRoleAndDepartment() {
        String uid = "ldap" + UUID.randomUUID().toString().substring(0, 8);
        person(uid, "目录新人", uid + "@careloop.test", "dir-secret-1");

        PageSession s = new PageSession(port);
        assertThat(s.get("/login").body()).contains("公司目录");
        PageSession.Page login = s.login(uid, "dir-secret-1");
        assertThat(login.location()).doesNotContain("error");
        assertThat(s.get("/").body()).contains("目录新人");

        JsonNode user = user(uid);
        assertThat(user.get("roles").get(0).asString()).isEqualTo("STAFF");
        assertThat(user.get("departmentName").asString()).isNotBlank();
        assertThat(user.get("email").asString()).isEqualTo(uid + "@careloop.test");
        assertThat(actions(user)).contains("CREATE", "SSO_CREATED");

        // the second sign-in uses the stored link: no second account, no second audit entry
        new PageSession(port).login(uid, "dir-secret-1");
        assertThat(accountsMatching(uid)).isEqualTo(1);
        assertThat(actions(user).stream().filter("SSO_CREATED"::equals).count()).isEqualTo(1);
    }

    @Test
    void aDirectoryPersonWithALocalAccountOfTheSameUsernameIsMappedToIt() {
        String uid = "ldapmap" + UUID.randomUUID().toString().substring(0, 6);
        post("/api/v1/users", tokenFor("admin"), j("{'username':'" + uid
                + "','displayName':'本地已有','password':'local-password-9','position':'STAFF','roles':['TEAM_LEADER']}"));
        person(uid, "目录里的名字", uid + "@careloop.test", "dir-secret-2");

        PageSession s = new PageSession(port);
        assertThat(s.login(uid, "dir-secret-2").location()).doesNotContain("error");
        assertThat(s.get("/").body()).contains("本地已有");
        JsonNode user = user(uid);
        assertThat(user.get("roles").get(0).asString()).isEqualTo("TEAM_LEADER");
        assertThat(actions(user)).contains("SSO_LINKED").doesNotContain("SSO_CREATED");
        // the local password still works too
        assertThat(new PageSession(port).login(uid, "local-password-9").location()).doesNotContain("error");
    }

    @Test
    void aWrongDirectoryPasswordIsTheUsualWrongPasswordAndCreatesNothing() {
        String uid = "ldapbad" + UUID.randomUUID().toString().substring(0, 6);
        person(uid, "密码错了", uid + "@careloop.test", "dir-secret-3");
        PageSession s = new PageSession(port);
        assertThat(s.login(uid, "not-the-password").location()).endsWith("/login?error=bad");
        assertThat(accountsMatching(uid)).isZero();
    }

    @Test
    void theAdministratorIsNeverSignedInThroughTheDirectory() {
        person("admin", "目录里的 admin", "admin@careloop.test", "dir-admin-pw");
        PageSession s = new PageSession(port);
        assertThat(s.login("admin", "dir-admin-pw").location()).endsWith("/login?error=sso-admin");
        assertThat(s.get("/login?error=sso-admin").body()).contains("管理员账号不能通过单点登录");
        assertThat(new PageSession(port).login("admin", ADMIN_PASSWORD).location()).doesNotContain("error");
    }

    @Test
    void aDirectoryThatDoesNotAnswerIsSaidOnTheLoginPageAndLocalLoginStillWorks() throws LDAPException {
        String uid = "ldapdown" + UUID.randomUUID().toString().substring(0, 6);
        person(uid, "服务器停了", uid + "@careloop.test", "dir-secret-4");
        DIRECTORY.shutDown(true);
        try {
            PageSession s = new PageSession(port);
            PageSession.Page refused = s.login(uid, "dir-secret-4");
            assertThat(refused.location()).endsWith("/login?error=directory-down");
            assertThat(s.get("/login?error=directory-down&lang=en").body())
                    .contains("The directory server (LDAP) does not answer");
            assertThat(accountsMatching(uid)).isZero();
            PageSession local = new PageSession(port);
            assertThat(local.login("manager", DEMO_PASSWORD).location()).doesNotContain("error");
            assertThat(local.get("/").status()).isEqualTo(200);
        } finally {
            DIRECTORY.startListening();
        }
        assertThat(new PageSession(port).login(uid, "dir-secret-4").location()).doesNotContain("error");
    }



    private static void person(String uid, String name, String mail, String password) {
        try {
            DIRECTORY.add("dn: uid=" + uid + ",ou=people,dc=careloop,dc=test", "objectClass: inetOrgPerson",
                    "uid: " + uid, "cn: " + name, "sn: " + name, "mail: " + mail, "userPassword: " + password);
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InMemoryDirectoryServer startDirectory() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=careloop,dc=test");
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", LDAP_PORT));
            config.setSchema(null);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.add("dn: dc=careloop,dc=test", "objectClass: domain", "dc: careloop");
            server.add("dn: ou=people,dc=careloop,dc=test", "objectClass: organizationalUnit", "ou: people");
            server.startListening();
            return server;
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
