package com.careloop.platform;

import java.util.List;
import java.util.Locale;

/**
 * A module's part of the global search box (top bar): it finds its own records — by number, phone or customer name —
 * in its own tables, within the reader's data scope and only when the reader may see that kind of record. The platform
 * asks every provider and merges the hits; no module reads another's tables.
 */
public interface SearchProvider {

    /** At most this many hits per provider. */
    int LIMIT = 10;

    /**
     * What was typed: {@code text} trimmed, {@code upper} for record numbers, and {@code digits} when the text is a
     * phone number or its last digits (4 or more digits, separators allowed), else null.
     */
    record Query(String text, String upper, String digits) {

        public static Query of(String raw) {
            String text = raw == null ? "" : raw.strip();
            String digits = text.replaceAll("[\\s\\-+()]", "");
            boolean phone = digits.length() >= 4 && digits.length() <= 20 && digits.chars().allMatch(Character::isDigit);
            return new Query(text, text.toUpperCase(Locale.ROOT), phone ? digits : null);
        }

        /** The last four digits of a phone query (the indexed tail), null when not a phone. */
        public String phoneTail() {
            return digits == null ? null : digits.substring(digits.length() - 4);
        }

        /** {@code %text%} for a LIKE, with the LIKE wildcards of the text escaped (escape character '\'). */
        public String likePattern() {
            return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
    }

    /**
     * One record found: {@code kindKey} the message key of its kind (shown in the reader's language), its number,
     * a short title (customer name, subject; never an unmasked phone) and the link to its page.
     */
    record Hit(String kindKey, String number, String title, String href) {
    }

    List<Hit> search(Query query, CurrentUser me);
}
