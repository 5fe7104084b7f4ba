package com.careloop.platform.excel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.ListSort.Slice;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A list page's "export to Excel": the rows the list shows (same filters, same sort — the caller pages through its own
 * list query), streamed with {@link XlsxExport}; headers and values in the reader's language (enum values by their
 * message labels, yes/no from messages), times as date-times in the company's zone, and the export written to the
 * audit trail (who, when, which list with which filters, how many rows), as the statistics exports are.
 */
@Component
public class ListExport {

    /** Rows fetched per query while exporting. */
    public static final int PAGE = 500;

    /** One column: the message key of its header and the value of a row. */
    public record Column<T>(String headerKey, Function<T, Object> value) {

        /** An enum (or code) column shown by its label: message {@code prefix + value}. */
        public static <T> Column<T> label(String headerKey, String prefix, Function<T, ?> value) {
            return new Column<>(headerKey, r -> {
                Object v = value.apply(r);
                return v == null ? null : new Label(prefix + (v instanceof Enum<?> e ? e.name() : v));
            });
        }
    }

    private record Label(String key) {
    }

    private final AuditTrail audit;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final CareLoopProperties properties;
    private final Clock clock;

    ListExport(AuditTrail audit, CurrentUsers users, MessageSource messages, CareLoopProperties properties, Clock clock) {
        this.audit = audit;
        this.users = users;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Writes the list as {@code <fileName>-<today>.xlsx} to the response. {@code pages} gives the page after a cursor (null:
     * the first); {@code auditType} names the list in the trail, {@code filters} what was asked (query string).
     */
    @Transactional
    public <T> void write(HttpServletResponse response, String fileName, String sheetKey, String auditType,
                          String filters, List<Column<T>> columns, Function<String, Slice<T>> pages) {
        // the first page before the response: a bad filter or sort is still a problem answer, not a broken file
        Slice<T> page = pages.apply(null);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "-"
                + LocalDate.now(clock.withZone(properties.zone())) + ".xlsx\"");
        int rows;
        try (var xlsx = XlsxExport.open(response.getOutputStream(), message(sheetKey),
                columns.stream().map(c -> message(c.headerKey())).toList())) {
            while (true) {
                for (T row : page.items()) {
                    xlsx.row(columns.stream().map(c -> cell(c.value().apply(row))).toArray());
                }
                if (page.nextCursor() == null) {
                    break;
                }
                page = pages.apply(page.nextCursor());
            }
            rows = xlsx.rowCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(auditType, users.require().username() + "@" + Instant.now(clock).toEpochMilli(), "EXPORT",
                AuditTrail.diff(Map.of(), Map.of("what", filters == null ? "" : filters, "rows", rows)));
    }

    private Object cell(Object v) {
        if (v instanceof Label l) {
            return message(l.key());
        } else if (v instanceof Boolean b) {
            return message(b ? "lists.yes" : "lists.no");
        } else if (v instanceof Instant i) {
            return i.atZone(properties.zone()).toLocalDateTime();
        } else if (v instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(properties.zone()).toLocalDateTime();
        } else if (v instanceof ZonedDateTime t) {
            return t.withZoneSameInstant(properties.zone()).toLocalDateTime();
        }
        return v;
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
