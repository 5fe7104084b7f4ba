package com.careloop.platform.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.careloop.platform.AuditEntry;
import com.careloop.platform.FieldChange;
import com.careloop.platform.RecordNames;
import com.careloop.platform.Texts;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The change history (变更历史) as a reader sees it: the action and each field by its label, values as the reader
 * knows them (codes by their label, instants in company time, people and departments by name, other modules' records
 * through {@link RecordNames}), the actor by display name. The trail itself keeps the raw values.
 */
@Component
class ChangeHistory {

    record Change(String field, String oldValue, String newValue) {
    }

    record Entry(long id, String action, String actor, String at, List<Change> changes) {
    }

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]+");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+(Z|[+-]\\d\\d:\\d\\d)");
    private static final Set<String> USER_FIELDS = Set.of("assignee", "assigneeId", "assigneeUserId", "deputyId",
            "representativeId", "reviewerId", "staffId", "decidedBy", "proposedBy", "approvedBy", "rejectedBy",
            "supervisor", "manager");
    private static final Set<String> DEPARTMENT_FIELDS = Set.of("departmentId", "parentId");

    private final Texts texts;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final List<RecordNames> names;

    ChangeHistory(Texts texts, MessageSource messages, JdbcClient jdbc, List<RecordNames> names) {
        this.texts = texts;
        this.messages = messages;
        this.jdbc = jdbc;
        this.names = names;
    }

    List<Entry> entries(List<AuditEntry> trail) {
        Locale locale = LocaleContextHolder.getLocale();
        return trail.stream().map(e -> new Entry(e.id(), label("audit.action." + e.action(), e.action(), locale),
                texts.person(e.actor()), texts.time(e.occurredAt()),
                e.changes().stream().map(c -> change(c, locale)).toList())).toList();
    }

    private Change change(FieldChange c, Locale locale) {
        return new Change(label("audit.field." + c.field(), c.field(), locale), value(c.field(), c.oldValue(), locale),
                value(c.field(), c.newValue(), locale));
    }

    private String value(String field, String value, Locale locale) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (USER_FIELDS.contains(field)) {
            return value.chars().allMatch(Character::isDigit) ? texts.person(Long.valueOf(value)) : texts.person(value);
        }
        if (DEPARTMENT_FIELDS.contains(field) && value.chars().allMatch(Character::isDigit)) {
            return jdbc.sql("select name from department where id = :id").param("id", Long.valueOf(value))
                    .query(String.class).optional().orElse(value);
        }
        for (RecordNames n : names) {
            Optional<String> name = n.name(field, value);
            if (name.isPresent()) {
                return name.get();
            }
        }
        if (INSTANT.matcher(value).matches()) {
            return texts.time(value.endsWith("Z") ? Instant.parse(value) : OffsetDateTime.parse(value).toInstant());
        }
        if (CODE.matcher(value).matches() || value.equals("true") || value.equals("false")) {
            return label("audit.value." + value, value, locale);
        }
        return value;
    }

    private String label(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
