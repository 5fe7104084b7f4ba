package com.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

/** The SSRF guard of every user-configured outbound URL (webhooks, WeCom robots). */
class TargetGuardTest {

    @Test
    void refusesLoopbackPrivateLinkLocalAndMetadataAddressesAndOtherSchemes() throws Exception {
        TargetGuard guard = new TargetGuard(false);
        assertThat(guard.problem("ftp://erp.example.com/x")).contains("scheme");
        assertThat(guard.problem("javascript:alert(1)")).contains("scheme");
        assertThat(guard.problem("http://user:pw@203.0.113.5/hook")).contains("host");
        for (String url : new String[] {"http://127.0.0.1:8080/", "http://localhost/", "http://10.1.2.3/",
                "http://172.16.0.9/", "http://192.168.1.20/", "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/", "http://[fd00::1]/", "http://100.64.0.1/", "http://0.0.0.0/"}) {
            assertThat(guard.problem(url)).as(url).contains("private-target");
        }
        assertThat(guard.problem("https://203.0.113.5/hook")).isEmpty();
        assertThat(guard.problem("http://8.8.8.8:8443/careloop")).isEmpty();
        assertThat(TargetGuard.internal(InetAddress.getByName("172.32.0.1"))).isFalse();
        // allowed by configuration: an intranet ERP
        assertThat(new TargetGuard(true).problem("http://192.168.1.20/hook")).isEmpty();
        assertThat(new TargetGuard(true).problem("file:///etc/passwd")).contains("scheme");
    }

    @Test
    void aMissingUrlIsRefusedAsAScheme() {
        assertThat(new TargetGuard(false).problem(null)).contains("scheme");
        assertThat(new TargetGuard(true).problem("  ")).contains("scheme");
    }
}
