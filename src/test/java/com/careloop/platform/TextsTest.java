package com.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The renderer: exact output per language, company time from the injected zone, people by display name. */
class TextsTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale TW = Locale.TRADITIONAL_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    private final StaticMessageSource messages = new StaticMessageSource();
    private final Map<Object, String> people = Map.of(7L, "王主管", "supervisor", "王主管");
    private final Texts shanghai = new Texts(messages, ZoneId.of("Asia/Shanghai"), who -> Optional.ofNullable(people.get(who)));

    TextsTest() {
        messages.addMessage("t.overdue", ZH, "投诉已超时：{0}，{1}期限 {2}，处理人 {3}");
        messages.addMessage("t.overdue", TW, "投訴已逾時：{0}，{1}期限 {2}，處理人 {3}");
        messages.addMessage("t.overdue", EN, "Complaint overdue: {0}, {1} due {2}, handler {3}");
        messages.addMessage("t.clock.REPLY", ZH, "答复");
        messages.addMessage("t.clock.REPLY", TW, "答覆");
        messages.addMessage("t.clock.REPLY", EN, "reply");
        messages.addMessage("t.paid", ZH, "{0} 于 {1} 支付 {2}");
        messages.addMessage("t.paid", EN, "{0} paid {2} on {1}");
    }

    private Text overdue() {
        return Text.of("t.overdue", "TS2026-000123", Text.label("t.clock", "REPLY"), Instant.parse("2026-03-02T09:30:00Z"),
                Text.Arg.user(7));
    }

    @Test
    void rendersTheSameStoredTextInEachLanguageInCompanyTime() {
        assertThat(shanghai.render(overdue(), ZH)).isEqualTo("投诉已超时：TS2026-000123，答复期限 2026-03-02 17:30，处理人 王主管");
        assertThat(shanghai.render(overdue(), TW)).isEqualTo("投訴已逾時：TS2026-000123，答覆期限 2026-03-02 17:30，處理人 王主管");
        assertThat(shanghai.render(overdue(), EN)).isEqualTo("Complaint overdue: TS2026-000123, reply due 2026-03-02 17:30, handler 王主管");
    }

    @Test
    void theCompanyZoneDecidesTheClockTime() {
        Texts london = new Texts(messages, ZoneId.of("Europe/London"), who -> Optional.empty());
        assertThat(london.render(overdue(), EN)).contains("due 2026-03-02 09:30").endsWith("handler #7");
    }

    @Test
    void storedJsonRoundTripsEveryArgumentType() {
        Text text = Text.of("t.paid", Text.Arg.login("supervisor"), LocalDate.of(2026, 1, 5),
                Text.Arg.money(new BigDecimal("1234.5")));
        Text back = Text.fromJson(text.toJson());
        assertThat(back).isEqualTo(text);
        assertThat(shanghai.render(back, ZH)).isEqualTo("王主管 于 2026-01-05 支付 ¥1,234.50");
        assertThat(shanghai.render(back, EN)).isEqualTo("王主管 paid ¥1,234.50 on 2026-01-05");
        assertThat(back.rawArgs()).containsExactly("supervisor", "2026-01-05", "1234.5");
    }

    @Test
    void aRowFromBeforeCodesShowsItsLiteral() {
        assertThat(shanghai.stored("投诉已超时 / complaint overdue")).isEqualTo("投诉已超时 / complaint overdue");
        assertThat(shanghai.stored((Text) null, "old body")).isEqualTo("old body");
        assertThat(shanghai.stored((Text) null, null)).isNull();
        assertThat(Text.fromJson("{\"literal\":\"客户说：很好\"}")).isEqualTo(Text.literal("客户说：很好"));
    }

    @Test
    void aMissingKeyShowsTheKeySoATestFindsIt() {
        assertThat(shanghai.render(Text.of("t.nowhere"), EN)).isEqualTo("t.nowhere");
    }

    @Test
    void enumsAreLabelsAndPeopleByLoginAreDisplayNames() {
        assertThat(Text.of("x", Thread.State.NEW).args().get(0))
                .isEqualTo(new Text.Arg.Message(Text.of("enum.State.NEW")));
        assertThat(shanghai.person("supervisor")).isEqualTo("王主管");
        assertThat(shanghai.person("nobody")).isEqualTo("nobody");
    }

    @Test
    void exceptionsRenderThroughTheNewestPlatformStillRunning() {
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        Texts older = new Texts(messages, ZoneId.of("Asia/Shanghai"), who -> Optional.ofNullable(people.get(who)));
        Texts newer = new Texts(messages, ZoneId.of("Europe/London"), who -> {
            if (closed.get()) {
                throw new IllegalStateException("the pool of a closed context");
            }
            return Optional.empty();
        });
        org.springframework.context.i18n.LocaleContextHolder.setLocale(EN);
        older.register();
        newer.register();
        try {
            assertThat(Texts.renderInCurrentLocale(overdue())).isEqualTo(
                    "Complaint overdue: TS2026-000123, reply due 2026-03-02 09:30, handler #7");
            closed.set(true);
            newer.unregister(); // its context closed: the older one, still running, renders
            assertThat(Texts.renderInCurrentLocale(overdue())).isEqualTo(
                    "Complaint overdue: TS2026-000123, reply due 2026-03-02 17:30, handler 王主管");
        } finally {
            newer.unregister();
            older.unregister();
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }
}
