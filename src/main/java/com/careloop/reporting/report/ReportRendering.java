package com.careloop.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.careloop.platform.Figure;
import com.careloop.platform.FigureTable;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.reporting.report.ReportViews.Detail;
import com.careloop.reporting.report.ReportViews.FigureView;
import com.careloop.reporting.report.ReportViews.SectionView;
import com.careloop.reporting.report.ReportViews.TableRow;
import com.careloop.reporting.report.ReportViews.TableView;
import com.careloop.reporting.report.ReportViews.TextField;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A report as a reader sees it, in the reader's language: section titles ({@code report.section.<code>}), figure
 * labels ({@code figure.<code>}), table titles ({@code table.<code>}), values with their unit, people by name, times
 * in company time. The same view feeds the page, the API, the PDF and the workbook, so they show the same numbers.
 */
@Component
class ReportRendering {

    private final MessageSource messages;
    private final Texts texts;
    private final ReportContentJson contentJson;

    ReportRendering(MessageSource messages, Texts texts, ReportContentJson contentJson) {
        this.messages = messages;
        this.texts = texts;
        this.contentJson = contentJson;
    }

    Detail detail(Report r, Locale locale) {
        ReportContent content = contentJson.read(r.getContent());
        List<SectionView> sections = content.sections().stream().map(s -> section(s, locale)).toList();
        List<TextField> fields = ReportTextFields.of(r.getKind()).stream()
                .map(f -> new TextField(f, message("report.text." + f, locale), r.getTexts().getOrDefault(f, "")))
                .toList();
        return new Detail(r.getId(), r.getNumber(), r.getKind(), kindLabel(r.getKind(), locale), r.getKind().formCode(),
                texts.render(r.title(), locale), texts.render(r.period().label(), locale), r.getPeriodFirst(),
                r.getPeriodLast(), r.getCustomerId(), r.getCustomerName(), r.getRevision(), r.isCurrent(),
                r.getStatus(), message("enum.ReportStatus." + r.getStatus(), locale), fields, r.getTexts(),
                time(r.getGeneratedAt()), person(r.getGeneratedByName()), time(r.getSubmittedAt()),
                person(r.getSubmittedByName()), time(r.getApprovedAt()), person(r.getApprovedByName()),
                time(r.getReturnedAt()), person(r.getReturnedByName()), r.getReturnComment(), r.getVersion(), sections);
    }

    String kindLabel(ReportKind kind, Locale locale) {
        return message("report.kind." + kind, locale);
    }

    SectionView section(ReportContent.Section s, Locale locale) {
        boolean available = !(s.figures().isEmpty() && s.tables().isEmpty());
        return new SectionView(s.code(), message("report.section." + s.code(), locale), available,
                s.figures().stream().map(f -> figure(f, locale)).toList(),
                s.tables().stream().map(t -> table(t, locale)).toList());
    }

    FigureView figure(Figure f, Locale locale) {
        String detail = f.numerator() != null && f.denominator() != null ? f.numerator() + " / " + f.denominator() : null;
        return new FigureView(f.code(), message(f.labelKey(), locale), f.value(), f.unit(), value(f.value(), f.unit(), locale),
                detail, f.drillDown());
    }

    TableView table(FigureTable t, Locale locale) {
        List<TableRow> rows = new ArrayList<>();
        for (FigureTable.Row r : t.rows()) {
            List<String> display = new ArrayList<>();
            for (int i = 0; i < r.values().size(); i++) {
                display.add(value(r.values().get(i), i < t.units().size() ? t.units().get(i) : Figure.Unit.COUNT, locale));
            }
            rows.add(new TableRow(r.key(), texts.render(r.label(), locale), r.values(), display, r.drillDown()));
        }
        return new TableView(t.code(), message(t.titleKey(), locale),
                t.columns().stream().map(c -> texts.render(c, locale)).toList(), t.units(), rows);
    }

    /** A value as read: "—" for nothing to measure, a share as "83.3%", hours "12.50 小时", money "¥1,200.00". */
    String value(BigDecimal value, Figure.Unit unit, Locale locale) {
        if (value == null) {
            return "—";
        }
        return switch (unit) {
            case COUNT -> plain(value, 0, 2, false, locale);
            case PERCENT -> plain(value.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP), 1, 1, false,
                    locale) + "%";
            case PER_MILLE -> plain(value, 2, 2, false, locale) + "‰";
            case MONEY -> "¥" + plain(value, 2, 2, true, locale);
            case HOURS, DAYS -> messages.getMessage("report.unit." + unit, new Object[] {plain(value, 2, 2, false, locale)},
                    locale);
            case SCORE -> plain(value, 2, 2, false, locale);
        };
    }

    private static String plain(BigDecimal value, int minDigits, int maxDigits, boolean grouping, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setGroupingUsed(grouping);
        f.setMinimumFractionDigits(minDigits);
        f.setMaximumFractionDigits(maxDigits);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    String person(String name) {
        return name == null ? null : texts.person(name);
    }

    OffsetDateTime time(Instant at) {
        return at == null ? null : at.atZone(texts.zone()).toOffsetDateTime();
    }

    String render(Text text, Locale locale) {
        return texts.render(text, locale);
    }

    String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
