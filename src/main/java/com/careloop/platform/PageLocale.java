package com.careloop.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Renders one request in a given language without touching the session: public pages (the survey token
 * page) show the language of the record they belong to, and a switch link on them must not open a session.
 * The platform's locale resolver honours the request attribute before the session's choice.
 */
public final class PageLocale {

    public static final String ATTRIBUTE = PageLocale.class.getName() + ".locale";

    private PageLocale() {
    }

    public static void use(HttpServletRequest request, Locale locale) {
        request.setAttribute(ATTRIBUTE, locale);
    }

    /** zh-CN, zh-TW or en from a language tag; anything else is zh-CN, the default. */
    public static Locale of(String tag) {
        if (tag == null) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        String t = tag.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        if (t.equals("zh-tw") || t.equals("zh-hant") || t.equals("zh-hk")) {
            return Locale.TRADITIONAL_CHINESE;
        }
        if (t.startsWith("en")) {
            return Locale.ENGLISH;
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    /** The tag stored on records: zh-CN, zh-TW or en. */
    public static String tag(Locale locale) {
        if (Locale.TRADITIONAL_CHINESE.equals(locale)) {
            return "zh-TW";
        }
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh-CN";
    }
}
