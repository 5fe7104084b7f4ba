package com.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

/** The shared rules of the pages opened from a personal link without login (unit, fixed clock). */
class PublicLinkPagesTest {

    record View(String state, String language) {
    }

    private static final CareLoopProperties PLATFORM = new CareLoopProperties(false, null, "测试公司",
            ZoneId.of("Asia/Shanghai"), "a@localhost", "http://localhost",
            new CareLoopProperties.Security(5, Duration.ofMinutes(15), Duration.ofDays(30), 50, Duration.ofMinutes(15), 10),
            new CareLoopProperties.Retention(Period.ofYears(3), Map.of()));

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private PublicLinkPages<View> pages(View known) {
        return new PublicLinkPages<>("x/page", "v", t -> t.equals("good") ? Optional.of(known) : Optional.empty(),
                View::state, PLATFORM, new PerAddressLimiter(20, Duration.ofMinutes(10), clock)).language(View::language)
                .extras((v, m) -> m.addAttribute("extra", "yes"));
    }

    private static MockHttpServletRequest request(String address) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(address);
        return r;
    }

    @Test
    void aKnownLinkShowsItsViewPrivatelyInTheLinksLanguage() {
        var model = new ExtendedModelMap();
        var request = request("10.0.0.1");
        var response = new MockHttpServletResponse();
        assertThat(pages(new View("form", "zh-TW")).show("good", null, model, request, response)).isEqualTo("x/page");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(model).containsEntry("state", "form").containsEntry("token", "good")
                .containsEntry("companyName", "测试公司").containsEntry("extra", "yes").containsKey("v");
        assertThat(request.getAttribute(PageLocale.ATTRIBUTE)).isEqualTo(Locale.TRADITIONAL_CHINESE);

        var en = request("10.0.0.1");
        pages(new View("form", "zh-TW")).show("good", "en", new ExtendedModelMap(), en, new MockHttpServletResponse());
        assertThat(en.getAttribute(PageLocale.ATTRIBUTE)).as("?hl= wins").isEqualTo(Locale.ENGLISH);
    }

    @Test
    void anUnknownLinkIsAPolite404() {
        var model = new ExtendedModelMap();
        var response = new MockHttpServletResponse();
        pages(new View("form", null)).show("bad", null, model, request("10.0.0.2"), response);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(model).containsEntry("state", "unknown").doesNotContainKey("v");
    }

    @Test
    void answersThankRefuseWith422Or409AndAreLimitedPerAddress() {
        PublicLinkPages<View> p = pages(new View("answered", null));
        var thanks = new ExtendedModelMap();
        var ok = new MockHttpServletResponse();
        p.answer("good", null, () -> { }, thanks, request("10.0.0.3"), ok);
        assertThat(thanks).containsEntry("state", "thanks");
        assertThat(ok.getStatus()).isEqualTo(200);

        var bad = new ExtendedModelMap();
        var r422 = new MockHttpServletResponse();
        p.answer("good", null, () -> {
            throw new InvalidInputException("note", "required", Text.literal("请填写"));
        }, bad, request("10.0.0.3"), r422);
        assertThat(r422.getStatus()).isEqualTo(422);
        assertThat(bad).containsKey("problemMessage").containsEntry("state", "answered");

        var twice = new MockHttpServletResponse();
        p.answer("good", null, () -> {
            throw DomainException.of("link.answered");
        }, new ExtendedModelMap(), request("10.0.0.3"), twice);
        assertThat(twice.getStatus()).isEqualTo(409);

        var unknown = new MockHttpServletResponse();
        p.answer("bad", null, () -> {
            throw new AssertionError("never answered");
        }, new ExtendedModelMap(), request("10.0.0.3"), unknown);
        assertThat(unknown.getStatus()).isEqualTo(404);

        PublicLinkPages<View> limited = pages(new View("form", null));
        for (int i = 0; i < 20; i++) {
            limited.answer("good", null, () -> { }, new ExtendedModelMap(), request("10.0.0.4"), new MockHttpServletResponse());
        }
        var over = new ExtendedModelMap();
        var r429 = new MockHttpServletResponse();
        limited.answer("good", null, () -> { }, over, request("10.0.0.4"), r429);
        assertThat(r429.getStatus()).isEqualTo(429);
        assertThat(over).containsEntry("state", "limited");
    }
}
