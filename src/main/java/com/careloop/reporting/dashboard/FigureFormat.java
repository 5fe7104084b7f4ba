package com.careloop.reporting.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

import com.careloop.platform.Figure;
import com.careloop.platform.Texts;
import com.careloop.platform.Text;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A figure's value as a reader sees it, in its unit: 93.5%, 12.3 ‰, 18.5 小时 / hours, ¥1,234.00, a score, a count;
 * "—" when there is nothing to measure. Templates call {@code ${@figureFormat.value(value, unit)}}.
 */
@Component("figureFormat")
public class FigureFormat {

    private final Texts texts;

    FigureFormat(Texts texts) {
        this.texts = texts;
    }

    public String value(BigDecimal value, Figure.Unit unit) {
        if (value == null) {
            return "—";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return switch (unit) {
            case PERCENT -> number(value.movePointRight(2), 1, locale) + "%";
            case PER_MILLE -> number(value, 2, locale) + " ‰";
            case HOURS -> texts.render(Text.of("dashboard.unit.hours", number(value, 1, locale)));
            case DAYS -> texts.render(Text.of("dashboard.unit.days", number(value, 1, locale)));
            case SCORE -> number(value, 2, locale);
            case MONEY -> "¥" + number(value, 2, locale);
            case COUNT -> value.stripTrailingZeros().scale() <= 0 ? number(value, 0, locale) : number(value, 2, locale);
        };
    }

    private static String number(BigDecimal value, int decimals, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(decimals == 2 && value.stripTrailingZeros().scale() <= 0 ? 0 : decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(value.setScale(decimals, RoundingMode.HALF_UP));
    }
}
