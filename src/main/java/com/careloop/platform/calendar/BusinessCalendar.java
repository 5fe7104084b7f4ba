package com.careloop.platform.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Working hours, public holidays and make-up workdays (调休) of a company, and the service-level deadline
 * arithmetic on top of them. Immutable and thread-safe.
 *
 * <p>A holiday always wins; a make-up workday uses the hours of {@link #makeUpHoursFrom()}; any other day uses
 * the hours configured for its day of week.
 */
public final class BusinessCalendar {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** Upper bound (~10 years) for any open-ended forward walk, so a degenerate calendar cannot loop forever. */
    public static final int MAX_WALK_DAYS = 3660;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<TimeRange>> weeklyHours;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;
    private final DayOfWeek makeUpHoursFrom;

    private BusinessCalendar(Builder b) {
        this.zone = b.zone;
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        b.weeklyHours.forEach((day, ranges) -> {
            if (!ranges.isEmpty()) {
                hours.put(day, sortedDisjoint(day, ranges));
            }
        });
        this.weeklyHours = Collections.unmodifiableMap(hours);
        this.holidays = Set.copyOf(b.holidays);
        this.makeUpWorkdays = Set.copyOf(b.makeUpWorkdays);
        this.makeUpHoursFrom = b.makeUpHoursFrom;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mon–Fri 08:30–12:00 and 13:30–17:30 in Asia/Shanghai, with the given holidays and make-up workdays. */
    public static BusinessCalendar chinaStandard(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        Builder b = builder().holidays(holidays).makeUpWorkdays(makeUpWorkdays);
        for (DayOfWeek day = DayOfWeek.MONDAY; day != DayOfWeek.SATURDAY; day = day.plus(1)) {
            b.hours(day, TimeRange.of("08:30", "12:00"), TimeRange.of("13:30", "17:30"));
        }
        return b.build();
    }

    public ZoneId zone() {
        return zone;
    }

    /** Only days that have working hours are present. */
    public Map<DayOfWeek, List<TimeRange>> weeklyHours() {
        return weeklyHours;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public Set<LocalDate> makeUpWorkdays() {
        return makeUpWorkdays;
    }

    public DayOfWeek makeUpHoursFrom() {
        return makeUpHoursFrom;
    }

    public boolean isWorkingDay(LocalDate date) {
        return !hoursOn(date).isEmpty();
    }

    /** The working intervals of a date, sorted; empty on non-working days. */
    public List<TimeRange> hoursOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        DayOfWeek hoursOf = makeUpWorkdays.contains(date) ? makeUpHoursFrom : date.getDayOfWeek();
        return weeklyHours.getOrDefault(hoursOf, List.of());
    }

    /**
     * The deadline for {@code amount} units counted from {@code start}. An amount of 0 yields {@code start} for
     * every unit. Pauses must be closed; use {@link #deadline(Instant, long, TimeUnit, List, Instant)} for open ones.
     *
     * @throws IllegalArgumentException if amount is negative or a pause is still open
     * @throws IllegalStateException    if the calendar has no working hours, or the walk exceeds {@link #MAX_WALK_DAYS}
     */
    public Instant deadline(Instant start, long amount, TimeUnit unit, List<Pause> pauses) {
        return deadline(start, amount, unit, pauses, null);
    }

    /** As {@link #deadline(Instant, long, TimeUnit, List)}, but an open pause is taken to end at {@code now}. */
    public Instant deadline(Instant start, long amount, TimeUnit unit, List<Pause> pauses, Instant now) {
        return computeDeadline(start, amount, unit, normalize(pauses, now));
    }

    /** Counted time between start and now; an open pause counts as running until {@code now}. */
    public Duration elapsed(Instant start, Instant now, TimeUnit unit, List<Pause> pauses) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(now, "now");
        return counted(start, now, isWorking(unit), normalize(pauses, now));
    }

    /**
     * Elapsed counted time divided by the counted time between start and the deadline (open pauses end at
     * {@code now}); exceeds 1.0 once breached. With a zero amount the deadline is the start: 1.0 if nothing has
     * been counted yet, otherwise positive infinity.
     */
    public double fractionUsed(Instant start, Instant now, long amount, TimeUnit unit, List<Pause> pauses) {
        Objects.requireNonNull(now, "now");
        List<Span> paused = normalize(pauses, now);
        Duration total = counted(start, computeDeadline(start, amount, unit, paused), isWorking(unit), paused);
        Duration used = counted(start, now, isWorking(unit), paused);
        if (total.isZero()) {
            return used.isZero() ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return (double) used.toNanos() / total.toNanos();
    }

    /**
     * The first minute at which {@code share} of the counted time to the deadline is used up (e.g. the 80%
     * warning of an SLA), found by binary search because {@link #fractionUsed} grows with time. Stored with the
     * deadline by the modules, so their scans compare instants instead of walking the calendar per record.
     */
    public Instant warnAt(Instant start, long amount, TimeUnit unit, List<Pause> pauses, Instant now, double share) {
        Instant due = deadline(start, amount, unit, pauses, now);
        long lo = 0;
        long hi = Duration.between(start, due).toMinutes();
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (fractionUsed(start, start.plus(Duration.ofMinutes(mid)), amount, unit, pauses) >= share) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return start.plus(Duration.ofMinutes(lo));
    }

    /** Working time between a and b (zero if b is not after a), ignoring pauses. */
    public Duration workingTimeBetween(Instant a, Instant b) {
        return counted(Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b"), true, List.of());
    }

    // ---------------------------------------------------------------------------------------------------------

    private record Span(Instant start, Instant end) {
        Duration length() {
            return Duration.between(start, end);
        }
    }

    private Instant computeDeadline(Instant start, long amount, TimeUnit unit, List<Span> paused) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (amount == 0) {
            return start;
        }
        return switch (unit) {
            case CALENDAR_HOURS -> advance(start, Duration.ofHours(amount), false, paused);
            case WORKING_HOURS -> advance(start, Duration.ofHours(amount), true, paused);
            case WORKING_DAYS -> {
                Instant base = endOfNthWorkingDayAfter(localDate(start), amount);
                // Pausing must not cost the customer working time: re-add what the pauses took out before the base.
                Duration pausedWork = counted(start, base, true, List.of()).minus(counted(start, base, true, paused));
                yield advance(base, pausedWork, true, paused);
            }
        };
    }

    /** The instant at which {@code amount} counted time has passed since {@code from}; {@code from} if zero. */
    private Instant advance(Instant from, Duration amount, boolean workingOnly, List<Span> paused) {
        if (amount.isZero()) {
            return from;
        }
        Duration[] remaining = {amount};
        Instant[] result = {null};
        walk(from, null, workingOnly, paused, span -> {
            if (span.length().compareTo(remaining[0]) >= 0) {
                // ">=" so that exactly using up an interval ends at its end (17:30), not at the next opening.
                result[0] = span.start().plus(remaining[0]);
                return false;
            }
            remaining[0] = remaining[0].minus(span.length());
            return true;
        });
        return result[0];
    }

    /** Total counted time in [from, until). */
    private Duration counted(Instant from, Instant until, boolean workingOnly, List<Span> paused) {
        if (!until.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration[] total = {Duration.ZERO};
        walk(from, until, workingOnly, paused, span -> {
            total[0] = total[0].plus(span.length());
            return true;
        });
        return total[0];
    }

    /**
     * The one interval-walking routine: feeds {@code sink} the counted spans from {@code from} onward, in order,
     * clipped to {@code until}, until {@code sink} returns false. A null {@code until} means open-ended, capped at
     * {@link #MAX_WALK_DAYS}; running past the cap throws rather than returning a wrong answer.
     */
    private void walk(Instant from, Instant until, boolean workingOnly, List<Span> paused, Predicate<Span> sink) {
        Instant limit = until != null ? until : from.plus(Duration.ofDays(MAX_WALK_DAYS));
        if (!workingOnly) {
            if (emit(new Span(from, limit), paused, sink) && until == null) {
                throw walkLimitExceeded();
            }
            return;
        }
        requireWorkingHours();
        for (LocalDate day = localDate(from), last = localDate(limit); !day.isAfter(last); day = day.plusDays(1)) {
            for (TimeRange range : hoursOn(day)) {
                Instant s = max(from, at(day, range.start()));
                Instant e = min(limit, at(day, range.end()));
                if (s.isBefore(e) && !emit(new Span(s, e), paused, sink)) {
                    return;
                }
            }
        }
        if (until == null) {
            throw walkLimitExceeded();
        }
    }

    /** Feeds {@code span} minus the (sorted, merged) pauses to the sink; false once the sink has had enough. */
    private static boolean emit(Span span, List<Span> paused, Predicate<Span> sink) {
        Instant cursor = span.start();
        for (Span p : paused) {
            if (!p.end().isAfter(cursor)) {
                continue;
            }
            if (!p.start().isBefore(span.end())) {
                break;
            }
            if (p.start().isAfter(cursor) && !sink.test(new Span(cursor, p.start()))) {
                return false;
            }
            cursor = p.end();
            if (!cursor.isBefore(span.end())) {
                return true;
            }
        }
        return sink.test(new Span(cursor, span.end()));
    }

    private Instant endOfNthWorkingDayAfter(LocalDate received, long n) {
        requireWorkingHours();
        long found = 0;
        for (int offset = 1; offset <= MAX_WALK_DAYS; offset++) {
            LocalDate day = received.plusDays(offset);
            List<TimeRange> hours = hoursOn(day);
            if (!hours.isEmpty() && ++found == n) {
                return at(day, hours.get(hours.size() - 1).end());
            }
        }
        throw walkLimitExceeded();
    }

    /** Resolves open pauses to {@code now}, drops those not yet begun, and sorts and merges overlaps. */
    private static List<Span> normalize(List<Pause> pauses, Instant now) {
        if (pauses == null || pauses.isEmpty()) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        for (Pause p : pauses) {
            Instant end = p.end() != null ? p.end() : now;
            if (end == null) {
                throw new IllegalArgumentException(
                        "Pause '" + p.reason() + "' from " + p.start() + " is still open; pass 'now' to resolve it");
            }
            if (!end.isBefore(p.start())) {
                spans.add(new Span(p.start(), end));
            }
        }
        spans.sort(Comparator.comparing(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span s : spans) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !s.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new Span(last.start(), max(last.end(), s.end())));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    private static List<TimeRange> sortedDisjoint(DayOfWeek day, List<TimeRange> ranges) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(TimeRange::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("Overlapping working hours on " + day + ": " + sorted);
            }
        }
        return List.copyOf(sorted);
    }

    private void requireWorkingHours() {
        if (weeklyHours.isEmpty()) {
            throw new IllegalStateException(
                    "Business calendar has no working hours on any day of the week; cannot count working time");
        }
    }

    private static IllegalStateException walkLimitExceeded() {
        return new IllegalStateException(
                "Deadline lies more than " + MAX_WALK_DAYS + " days ahead; check the calendar and the amount");
    }

    private static boolean isWorking(TimeUnit unit) {
        return Objects.requireNonNull(unit, "unit") != TimeUnit.CALENDAR_HOURS;
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[zone=" + zone + ", weeklyHours=" + weeklyHours + ", holidays=" + holidays.size()
                + ", makeUpWorkdays=" + makeUpWorkdays.size() + ", makeUpHoursFrom=" + makeUpHoursFrom + "]";
    }

    public static final class Builder {
        private ZoneId zone = DEFAULT_ZONE;
        private final Map<DayOfWeek, List<TimeRange>> weeklyHours = new EnumMap<>(DayOfWeek.class);
        private final Set<LocalDate> holidays = new HashSet<>();
        private final Set<LocalDate> makeUpWorkdays = new HashSet<>();
        private DayOfWeek makeUpHoursFrom = DayOfWeek.MONDAY;

        private Builder() {
        }

        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Replaces all weekly hours. */
        public Builder weeklyHours(Map<DayOfWeek, List<TimeRange>> hours) {
            weeklyHours.clear();
            hours.forEach(this::hours);
            return this;
        }

        public Builder hours(DayOfWeek day, TimeRange... ranges) {
            return hours(day, List.of(ranges));
        }

        public Builder hours(DayOfWeek day, List<TimeRange> ranges) {
            weeklyHours.put(Objects.requireNonNull(day, "day"), List.copyOf(ranges));
            return this;
        }

        public Builder holidays(Collection<LocalDate> dates) {
            holidays.addAll(dates);
            return this;
        }

        public Builder makeUpWorkdays(Collection<LocalDate> dates) {
            makeUpWorkdays.addAll(dates);
            return this;
        }

        public Builder makeUpHoursFrom(DayOfWeek day) {
            this.makeUpHoursFrom = Objects.requireNonNull(day, "day");
            return this;
        }

        public BusinessCalendar build() {
            return new BusinessCalendar(this);
        }
    }
}
