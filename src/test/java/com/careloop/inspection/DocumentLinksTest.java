package com.careloop.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careloop.platform.InvalidInputException;

import org.junit.jupiter.api.Test;

/** A document reference makes an http(s) link below the configured base URL, or is a full http(s) address itself. */
class DocumentLinksTest {

    static final String BASE = "https://pdmc.example.com/docs";

    @Test
    void aPathIsResolvedBelowTheBaseUrlAndAFullAddressIsKept() {
        assertThat(DocumentLinks.resolve(BASE, "CSR/Apple/2026-CSR-checklist.xlsx"))
                .isEqualTo("https://pdmc.example.com/docs/CSR/Apple/2026-CSR-checklist.xlsx");
        assertThat(DocumentLinks.resolve(BASE + "/", "/CSR/稽查清单.xlsx"))
                .isEqualTo("https://pdmc.example.com/docs/CSR/%E7%A8%BD%E6%9F%A5%E6%B8%85%E5%8D%95.xlsx");
        assertThat(DocumentLinks.resolve(null, "http://pdmc.local/doc?id=42")).isEqualTo("http://pdmc.local/doc?id=42");
    }

    @Test
    void anythingThatIsNotAnHttpLinkIsRefusedNamingTheField() {
        for (String[] bad : new String[][] {{BASE, "javascript:alert(1)"}, {BASE, "ftp://pdmc/x"}, {BASE, "a b.xlsx"},
                {null, "CSR/x.xlsx"}, {"file:///srv/docs", "x.xlsx"}, {BASE, "%zz"}, {BASE, "https://"}}) {
            assertThatThrownBy(() -> DocumentLinks.resolve(bad[0], bad[1])).as(bad[1])
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("documentRef"));
        }
    }
}
