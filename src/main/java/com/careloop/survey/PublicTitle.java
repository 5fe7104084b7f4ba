package com.careloop.survey;

import java.util.Locale;
import java.util.stream.Stream;

import com.careloop.platform.PageLocale;

import jakarta.validation.constraints.Size;

/**
 * The survey's title as the customer reads it (token page, mail), per language; the internal campaign name
 * ("2026 Q3 distributors, East region") is never shown to a customer.
 */
public record PublicTitle(@Size(max = 200) String zhCn, @Size(max = 200) String zhTw, @Size(max = 200) String en) {

    public static PublicTitle none() {
        return new PublicTitle(null, null, null);
    }

    /** The title in {@code locale}, else the zh-CN one, else any given one; null when none was given. */
    public String in(Locale locale) {
        String tag = PageLocale.tag(locale);
        String own = "zh-TW".equals(tag) ? zhTw : "en".equals(tag) ? en : zhCn;
        return Stream.of(own, zhCn, zhTw, en).filter(t -> t != null && !t.isBlank()).map(String::trim).findFirst()
                .orElse(null);
    }

    /** Blank texts as null, others trimmed. */
    public PublicTitle normalized() {
        return new PublicTitle(clean(zhCn), clean(zhTw), clean(en));
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
