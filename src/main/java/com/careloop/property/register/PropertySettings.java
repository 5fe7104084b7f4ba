package com.careloop.property.register;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;
import com.careloop.platform.Versions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's settings a quality manager changes on the settings page ({@code property:configure}): the
 * inspection period in months, the working days an inspection gets, the reminder days before its due day, the
 * working days of a decision task, and the days after which an unconfirmed copy of a customer document is reminded
 * and overdue (V185). Stored in one row (V115); until someone saves it, application.yml's values
 * ({@link PropertyProperties}) hold. The job and the service read {@link #effective()} on every run, so a change
 * takes effect the next day without a restart.
 */
@Component
public class PropertySettings {

    static final String RECORD_TYPE = "customer-property-settings";

    /** The settings as shown and saved; {@code version} guards concurrent edits (0 while none is saved). */
    public record Values(Integer inspectionMonths, Integer inspectionWorkingDays, Integer inspectionReminderDays,
                         Integer decisionTaskWorkingDays, Integer confirmationReminderDays, Long version,
                         String updatedBy, OffsetDateTime updatedAt) {
    }

    private final JdbcClient jdbc;
    private final PropertyProperties defaults;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;

    PropertySettings(JdbcClient jdbc, PropertyProperties defaults, AuditTrail audit, CurrentUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    /** application.yml's settings overlaid with the saved ones. */
    public PropertyProperties effective() {
        return overlay(jdbc, defaults);
    }

    /** The saved settings over {@code yml} (the job's own copy in tests); yml alone while none is saved. */
    static PropertyProperties overlay(JdbcClient jdbc, PropertyProperties yml) {
        return saved(jdbc).map(v -> new PropertyProperties(v.inspectionMonths(), v.inspectionWorkingDays(),
                yml.inspectionCron(), yml.inspectionBatch(), v.inspectionReminderDays(), v.decisionTaskWorkingDays(),
                v.confirmationReminderDays() == null ? yml.confirmationReminderDays() : v.confirmationReminderDays()))
                .orElse(yml);
    }

    @Transactional(readOnly = true)
    public Values current() {
        return saved(jdbc).map(v -> v.confirmationReminderDays() != null ? v : new Values(v.inspectionMonths(),
                        v.inspectionWorkingDays(), v.inspectionReminderDays(), v.decisionTaskWorkingDays(),
                        defaults.confirmationReminderDays(), v.version(), v.updatedBy(), v.updatedAt()))
                .orElseGet(() -> new Values(defaults.inspectionMonths(), defaults.inspectionWorkingDays(),
                        defaults.inspectionReminderDays(), defaults.decisionTaskWorkingDays(),
                        defaults.confirmationReminderDays(), 0L, null, null));
    }

    /**
     * Saves all five (422 naming the field out of range — the confirmation reminder 1 to 90 days; 409 on a stale
     * version), audited with the change.
     */
    @Transactional
    public Values save(Values in) {
        if (in == null) {
            throw new InvalidInputException("inspectionMonths", "required", Text.of("error.property.required",
                    "inspectionMonths"));
        }
        int months = require("inspectionMonths", in.inspectionMonths(), 1, 12);
        if (12 % months != 0) {
            // periods start on 1 January: 1, 2, 3, 4, 6 or 12 months
            throw new InvalidInputException("inspectionMonths", "divides-twelve",
                    Text.of("error.property.months-divide-twelve"));
        }
        int days = require("inspectionWorkingDays", in.inspectionWorkingDays(), 1, 120);
        int reminder = require("inspectionReminderDays", in.inspectionReminderDays(), 0, 60);
        int decision = require("decisionTaskWorkingDays", in.decisionTaskWorkingDays(), 1, 120);
        int confirmation = require("confirmationReminderDays", in.confirmationReminderDays(), 1, 90);
        Values before = current();
        Versions.requireCurrent(in.version(), before.version(), RECORD_TYPE, 1);
        String actor = users.require().displayName();
        Timestamp now = Timestamp.from(Instant.now(clock));
        int updated = jdbc.sql("""
                update customer_property_settings set inspection_months = :m, inspection_working_days = :d,
                  inspection_reminder_days = :r, decision_task_working_days = :t, confirmation_reminder_days = :c,
                  version = version + 1, updated_by = :by, updated_at = :at where id = 1 and version = :v""")
                .param("m", months).param("d", days).param("r", reminder).param("t", decision)
                .param("c", confirmation).param("by", actor).param("at", now).param("v", before.version()).update();
        if (updated == 0) {
            // the first save: nobody has one yet (a racing first save meets the primary key and is refused)
            jdbc.sql("""
                    insert into customer_property_settings (id, inspection_months, inspection_working_days,
                      inspection_reminder_days, decision_task_working_days, confirmation_reminder_days, version,
                      updated_by, updated_at)
                    values (1, :m, :d, :r, :t, :c, 1, :by, :at)""")
                    .param("m", months).param("d", days).param("r", reminder).param("t", decision)
                    .param("c", confirmation).param("by", actor).param("at", now).update();
        }
        Values after = current();
        audit.record(RECORD_TYPE, "1", "UPDATE", AuditTrail.diff(state(before), state(after)));
        return after;
    }

    private static Map<String, Object> state(Values v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inspectionMonths", v.inspectionMonths());
        m.put("inspectionWorkingDays", v.inspectionWorkingDays());
        m.put("inspectionReminderDays", v.inspectionReminderDays());
        m.put("decisionTaskWorkingDays", v.decisionTaskWorkingDays());
        m.put("confirmationReminderDays", v.confirmationReminderDays());
        return m;
    }

    private static int require(String field, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            throw new InvalidInputException(field, "range", Text.of("error.property.range", field, min, max));
        }
        return value;
    }

    private static Optional<Values> saved(JdbcClient jdbc) {
        return jdbc.sql("""
                select inspection_months, inspection_working_days, inspection_reminder_days,
                       decision_task_working_days, confirmation_reminder_days, version, updated_by, updated_at
                from customer_property_settings where id = 1""")
                .query((rs, n) -> new Values(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getObject(5, Integer.class), rs.getLong(6), rs.getString(7),
                        rs.getObject(8, Timestamp.class) == null ? null
                        : rs.getObject(8, Timestamp.class).toInstant().atOffset(ZoneOffset.UTC)))
                .optional();
    }
}
