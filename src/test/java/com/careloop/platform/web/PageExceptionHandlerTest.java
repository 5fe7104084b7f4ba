package com.careloop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageExceptionHandlerTest {

    @Test
    void aRefusedFormGoesBackToTheSamePathOnThisSiteOnly() {
        assertThat(PageExceptionHandler.backTo("http://localhost:8080/admin/users/3?tab=roles")).isEqualTo("/admin/users/3?tab=roles");
        assertThat(PageExceptionHandler.backTo("https://evil.example/phish")).isEqualTo("/phish");
        assertThat(PageExceptionHandler.backTo(null)).isEqualTo("/");
        assertThat(PageExceptionHandler.backTo("::not a uri")).isEqualTo("/");
    }
}
