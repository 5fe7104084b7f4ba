package com.careloop.customer.purchase;

import java.time.LocalDate;
import java.time.Period;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 三包 terms as written on a sales slip, e.g. "包修1年 包换3个月 包退7天": repair, replacement
 * and return periods (each may be missing). Units: 年/年度 (years), 个月/個月/月 (months), 天/日 (days);
 * the English form "repair 1y replace 3m return 7d" is read as well.
 */
public record WarrantyTerms(Period repair, Period replacement, Period returns) {

    private static final String UNIT = "\\s*(\\d{1,3})\\s*(年|个月|個月|月|天|日|y|m|d)";
    private static final Pattern REPAIR = Pattern.compile("(?:包修|保修|repair)" + UNIT, Pattern.CASE_INSENSITIVE);
    private static final Pattern REPLACE = Pattern.compile("(?:包换|包換|replace)" + UNIT, Pattern.CASE_INSENSITIVE);
    private static final Pattern RETURN = Pattern.compile("(?:包退|return)" + UNIT, Pattern.CASE_INSENSITIVE);

    public static WarrantyTerms parse(String text) {
        if (text == null || text.isBlank()) {
            return new WarrantyTerms(null, null, null);
        }
        return new WarrantyTerms(period(REPAIR, text), period(REPLACE, text), period(RETURN, text));
    }

    private static Period period(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        return switch (m.group(2).toLowerCase()) {
            case "年", "y" -> Period.ofYears(n);
            case "天", "日", "d" -> Period.ofDays(n);
            default -> Period.ofMonths(n);
        };
    }

    /**
     * The last day of the repair warranty: it runs from the delivery date (or the sale date when
     * nothing was delivered) for the repair period, the start day counting as the first day — so
     * 包修1年 from 2026-03-15 ends on 2027-03-14. Null when the terms name no repair period.
     */
    public LocalDate repairEnd(LocalDate saleDate, LocalDate deliveryDate) {
        if (repair == null) {
            return null;
        }
        LocalDate start = deliveryDate != null ? deliveryDate : saleDate;
        return start.plus(repair).minusDays(1);
    }
}
