package com.careloop.platform.calendar;

import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.FieldChange;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored business calendars. Modules ask for {@link #standard()} to compute deadlines; the
 * administrator maintains hours, holidays and make-up days, each change in the audit trail.
 */
@Service
@Transactional
public class CalendarService {

    static final Duration STALE_AT_MOST = Duration.ofSeconds(10);

    public static final String STANDARD = "standard";

    public enum DayKind { HOLIDAY, MAKEUP_WORKDAY }

    public record SpecialDay(long id, LocalDate day, DayKind kind, String name) {
    }

    public record CalendarView(long id, String code, String name, ZoneId zone, DayOfWeek makeUpHoursFrom,
                               Map<DayOfWeek, List<TimeRange>> weeklyHours, List<SpecialDay> specialDays,
                               long version) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    /**
     * Calendars by code. A change here evicts at once; one made on another node is read here within
     * {@link #STALE_AT_MOST} (docs/deployment.md): a deadline computed in between uses the old calendar, as it would
     * had it been computed a few seconds before the change.
     */
    private final Cache<String, BusinessCalendar> cache = Caffeine.newBuilder().expireAfterWrite(STALE_AT_MOST).build();

    CalendarService(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The company calendar every deadline uses unless a module chooses another. */
    @Transactional(readOnly = true)
    public BusinessCalendar standard() {
        return calendar(STANDARD);
    }

    @Transactional(readOnly = true)
    public BusinessCalendar calendar(String code) {
        return cache.get(code, c -> toDomain(view(idOf(c))));
    }

    @Transactional(readOnly = true)
    public List<CalendarView> calendars() {
        return jdbc.sql("select id from business_calendar order by id").query(Long.class).list().stream()
                .map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public CalendarView view(long id) {
        var head = jdbc.sql("select id, code, name, zone_id, make_up_hours_from, version from business_calendar where id = :id")
                .param("id", id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6)})
                .optional().orElseThrow(() -> new NotFoundException("calendar", id));
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("select day_of_week, start_time, end_time from calendar_working_hours where calendar_id = :id order by start_time")
                .param("id", id)
                .query(rs -> {
                    hours.computeIfAbsent(DayOfWeek.valueOf(rs.getString(1)), d -> new ArrayList<>())
                            .add(new TimeRange(rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime()));
                });
        List<SpecialDay> days = jdbc.sql("select id, cal_day, kind, name from calendar_special_day where calendar_id = :id order by cal_day")
                .param("id", id)
                .query((rs, n) -> new SpecialDay(rs.getLong(1), rs.getDate(2).toLocalDate(),
                        DayKind.valueOf(rs.getString(3)), rs.getString(4)))
                .list();
        return new CalendarView((Long) head[0], (String) head[1], (String) head[2], ZoneId.of((String) head[3]),
                DayOfWeek.valueOf((String) head[4]), hours, days, (Long) head[5]);
    }

    private long idOf(String code) {
        return jdbc.sql("select id from business_calendar where code = :code").param("code", code).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("calendar", code));
    }

    static BusinessCalendar toDomain(CalendarView v) {
        var builder = BusinessCalendar.builder().zone(v.zone()).weeklyHours(v.weeklyHours())
                .makeUpHoursFrom(v.makeUpHoursFrom())
                .holidays(v.specialDays().stream().filter(d -> d.kind() == DayKind.HOLIDAY).map(SpecialDay::day).toList())
                .makeUpWorkdays(v.specialDays().stream().filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY)
                        .map(SpecialDay::day).toList());
        return builder.build();
    }

    /** Creates a calendar with the given hours, unless one with this code exists. */
    public long ensure(String code, String name, ZoneId zone, Map<DayOfWeek, List<TimeRange>> hours) {
        var existing = jdbc.sql("select id from business_calendar where code = :code").param("code", code)
                .query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into business_calendar (code, name, zone_id, make_up_hours_from, version) values (:c, :n, :z, 'MONDAY', 0)")
                .param("c", code).param("n", name).param("z", zone.getId()).update(keys, "id");
        long id = keys.getKey().longValue();
        insertHours(id, hours);
        audit.record("calendar", String.valueOf(id), "CREATE", List.of(new FieldChange("code", null, code),
                new FieldChange("name", null, name), new FieldChange("weeklyHours", null, describe(hours))));
        cache.invalidateAll();
        return id;
    }

    public CalendarView updateHours(long id, Map<DayOfWeek, List<TimeRange>> hours, long version) {
        CalendarView before = view(id);
        if (before.version() != version) {
            throw new OptimisticLockingFailureException("日历已被他人修改，请刷新 / calendar " + id
                    + " was changed by someone else (version " + before.version() + ", yours " + version + ")");
        }
        try {
            BusinessCalendar.builder().zone(before.zone()).weeklyHours(hours).build();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("weeklyHours", "no-overlap", Text.of("error.platform.working-hours-overlap-0", e.getMessage()));
        }
        jdbc.sql("delete from calendar_working_hours where calendar_id = :id").param("id", id).update();
        insertHours(id, hours);
        jdbc.sql("update business_calendar set version = version + 1 where id = :id").param("id", id).update();
        audit.record("calendar", String.valueOf(id), "UPDATE_HOURS",
                List.of(new FieldChange("weeklyHours", describe(before.weeklyHours()), describe(hours))));
        cache.invalidateAll();
        return view(id);
    }

    public SpecialDay addSpecialDay(long id, LocalDate day, DayKind kind, String name) {
        view(id);
        boolean taken = jdbc.sql("select count(*) from calendar_special_day where calendar_id = :id and cal_day = :day")
                .param("id", id).param("day", day).query(Long.class).single() > 0;
        if (taken) {
            throw new InvalidInputException("day", "unique", "该日期已设置 / " + day + " is already in the calendar");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into calendar_special_day (calendar_id, cal_day, kind, name) values (:id, :day, :kind, :name)")
                .param("id", id).param("day", day).param("kind", kind.name()).param("name", name).update(keys, "id");
        audit.record("calendar", String.valueOf(id), "ADD_" + kind.name(),
                List.of(new FieldChange(day.toString(), null, kind + " " + name)));
        cache.invalidateAll();
        return new SpecialDay(keys.getKey().longValue(), day, kind, name);
    }

    public void removeSpecialDay(long id, long dayId) {
        SpecialDay day = view(id).specialDays().stream().filter(d -> d.id() == dayId).findFirst()
                .orElseThrow(() -> new NotFoundException("calendar day", dayId));
        jdbc.sql("delete from calendar_special_day where id = :d").param("d", dayId).update();
        audit.record("calendar", String.valueOf(id), "REMOVE_" + day.kind().name(),
                List.of(new FieldChange(day.day().toString(), day.kind() + " " + day.name(), null)));
        cache.invalidateAll();
    }

    /**
     * The special days of {@code year} become exactly {@code days} (an import or a shipped schedule file), recorded
     * as that year's schedule with its {@code source}; one audit entry names the source and the counts.
     */
    public void replaceYear(long id, int year, List<SpecialDay> days, String source) {
        view(id);
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        int removed = jdbc.sql("delete from calendar_special_day where calendar_id = :id and cal_day between :a and :b")
                .param("id", id).param("a", first).param("b", last).update();
        for (SpecialDay d : days) {
            jdbc.sql("insert into calendar_special_day (calendar_id, cal_day, kind, name) values (:id, :day, :kind, :name)")
                    .param("id", id).param("day", d.day()).param("kind", d.kind().name()).param("name", d.name()).update();
        }
        jdbc.sql("delete from calendar_schedule_year where calendar_id = :id and cal_year = :y")
                .param("id", id).param("y", year).update();
        jdbc.sql("""
                insert into calendar_schedule_year (calendar_id, cal_year, source, loaded_at)
                values (:id, :y, :source, current_timestamp)""")
                .param("id", id).param("y", year).param("source", source).update();
        audit.record("calendar", String.valueOf(id), "IMPORT_SPECIAL_DAYS", List.of(
                new FieldChange("year", null, String.valueOf(year)), new FieldChange("source", null, source),
                new FieldChange("specialDays", String.valueOf(removed), String.valueOf(days.size()))));
        cache.invalidateAll();
    }

    /** Whether {@code year} has a schedule: loaded or imported, or at least one special day entered by hand. */
    @Transactional(readOnly = true)
    public boolean hasSchedule(long id, int year) {
        return scheduleRecorded(id, year)
                || jdbc.sql("select count(*) from calendar_special_day where calendar_id = :id and cal_day between :a and :b")
                .param("id", id).param("a", LocalDate.of(year, 1, 1)).param("b", LocalDate.of(year, 12, 31))
                .query(Long.class).single() > 0;
    }

    /** Whether {@code year} was recorded as loaded or imported (a shipped file is then not loaded again). */
    @Transactional(readOnly = true)
    public boolean scheduleRecorded(long id, int year) {
        return jdbc.sql("select count(*) from calendar_schedule_year where calendar_id = :id and cal_year = :y")
                .param("id", id).param("y", year).query(Long.class).single() > 0;
    }

    private void insertHours(long id, Map<DayOfWeek, List<TimeRange>> hours) {
        hours.forEach((dow, ranges) -> ranges.forEach(r -> jdbc.sql("""
                insert into calendar_working_hours (calendar_id, day_of_week, start_time, end_time)
                values (:id, :dow, :s, :e)""")
                .param("id", id).param("dow", dow.name()).param("s", Time.valueOf(r.start()))
                .param("e", Time.valueOf(r.end())).update()));
    }

    static String describe(Map<DayOfWeek, List<TimeRange>> hours) {
        StringBuilder sb = new StringBuilder();
        for (DayOfWeek d : DayOfWeek.values()) {
            List<TimeRange> ranges = hours.getOrDefault(d, List.of());
            if (!ranges.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : "; ").append(d.name(), 0, 3).append(' ');
                sb.append(String.join(",", ranges.stream().map(r -> r.start() + "-" + r.end()).toList()));
            }
        }
        return sb.toString();
    }
}
