package com.careloop.platform.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.calendar.CalendarService.DayKind;
import com.careloop.platform.calendar.CalendarService.SpecialDay;
import com.careloop.platform.excel.RowError;
import com.careloop.platform.excel.XlsxReader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national holiday schedule as data, a file per year: {@code db/holidays/cn-YYYY.csv} ({@code date,kind,name})
 * shipped with CareLoop and loaded into the standard calendar once per year at start-up, and the same format (or an
 * .xlsx with the columns 日期/date, 类型/kind, 名称/name) imported on the calendar page when the State Council
 * publishes next year's schedule. From {@link #WARN_FROM} administrators are warned while next year's is missing.
 */
@Service
@Transactional
public class HolidaySchedules {

    /** The State Council publishes the next year's schedule in November. */
    public static final MonthDay WARN_FROM = MonthDay.of(11, 1);
    static final String SHIPPED = "classpath*:db/holidays/cn-*.csv";
    private static final Pattern YEAR_FILE = Pattern.compile("cn-(\\d{4})\\.csv$");
    private static final int MAX_ROWS = 200;
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");

    /** An import that broke a rule: every refused row, none written. */
    public static final class ImportRefused extends InvalidInputException {

        private final transient List<RowError> errors;

        ImportRefused(List<RowError> errors) {
            super("file", "rows", "refused rows: " + errors.size());
            this.errors = List.copyOf(errors);
        }

        public List<RowError> errors() {
            return errors;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(HolidaySchedules.class);

    private final CalendarService calendars;
    private final CareLoopProperties properties;
    private final Clock clock;

    HolidaySchedules(CalendarService calendars, CareLoopProperties properties, Clock clock) {
        this.calendars = calendars;
        this.properties = properties;
        this.clock = clock;
    }

    /** Loads each shipped year not yet recorded for the calendar (idempotent: a restart loads nothing again). */
    public void loadShipped(long calendarId) {
        for (Map.Entry<Integer, Resource> file : shippedFiles().entrySet()) {
            int year = file.getKey();
            if (calendars.scheduleRecorded(calendarId, year)) {
                continue;
            }
            try (InputStream in = file.getValue().getInputStream()) {
                List<SpecialDay> days = parse(year, csvRows(in));
                // days an administrator entered by hand before this file shipped stay: merge, the file fills the gaps
                Set<LocalDate> kept = new HashSet<>();
                List<SpecialDay> merged = new ArrayList<>(calendars.view(calendarId).specialDays().stream()
                        .filter(d -> d.day().getYear() == year).peek(d -> kept.add(d.day())).toList());
                days.stream().filter(d -> !kept.contains(d.day())).forEach(merged::add);
                calendars.replaceYear(calendarId, year, merged, "file:" + file.getValue().getFilename());
                log.info("Holiday schedule {} loaded into calendar {} ({} days)", year, calendarId, days.size());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The shipped schedule of {@code year}, or an empty list when no file ships for it. */
    public static List<SpecialDay> shipped(int year) {
        Resource file = shippedFiles().get(year);
        if (file == null) {
            return List.of();
        }
        try (InputStream in = file.getInputStream()) {
            return parse(year, csvRows(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the special days of {@code year} with an uploaded .csv or .xlsx, all rows valid or nothing written. */
    public int importYear(long calendarId, int year, String filename, InputStream content) {
        if (year < 2000 || year > 2200) {
            throw new InvalidInputException("year", "range", "year " + year);
        }
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        List<String[]> rows;
        if (name.endsWith(".xlsx")) {
            rows = XlsxReader.read(content, List.of(), MAX_ROWS).stream().map(r -> new String[] {
                    String.valueOf(r.number()), cell(r, "日期", "date"), cell(r, "类型", "kind"), cell(r, "名称", "name")})
                    .toList();
        } else if (name.endsWith(".csv")) {
            rows = csvRows(content);
        } else {
            throw new ImportRefused(List.of(new RowError(1, "file", "format")));
        }
        List<SpecialDay> days = parse(year, rows);
        calendars.replaceYear(calendarId, year, days, "import:" + (filename.length() > 150 ? filename.substring(0, 150) : filename));
        return days.size();
    }

    /**
     * The year whose schedule administrators must be told is missing: next year, from 1 November (company time) while
     * the standard calendar has none for it; null otherwise.
     */
    @Transactional(readOnly = true)
    public Integer missingNextYear() {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        int next = today.getYear() + 1;
        if (!warnOn(today)) {
            return null;
        }
        long id = calendars.calendars().stream().filter(c -> c.code().equals(CalendarService.STANDARD))
                .findFirst().orElseThrow().id();
        return calendars.hasSchedule(id, next) ? null : next;
    }

    /** From 1 November to 31 December: the State Council's notice for next year is due. */
    static boolean warnOn(LocalDate today) {
        return !MonthDay.from(today).isBefore(WARN_FROM);
    }

    /**
     * Checks every row (date in {@code year}, a known kind, a name of 1–100 characters, no date twice, a make-up
     * working day on a weekend) and returns the days, or refuses with every broken row. A row is
     * {@code [row number, date, kind, name]}.
     */
    static List<SpecialDay> parse(int year, List<String[]> rows) {
        List<RowError> errors = new ArrayList<>();
        List<SpecialDay> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        if (rows.size() > MAX_ROWS) {
            throw new ImportRefused(List.of(new RowError(MAX_ROWS + 1, "file", "too-many-rows")));
        }
        for (String[] r : rows) {
            int number = Integer.parseInt(r[0]);
            LocalDate date = date(r[1]);
            DayKind kind = kind(r[2]);
            String name = r[3] == null ? "" : r[3].strip();
            if (date == null) {
                errors.add(new RowError(number, "date", "date-format"));
            } else if (date.getYear() != year) {
                errors.add(new RowError(number, "date", "other-year"));
            } else if (!seen.add(date)) {
                errors.add(new RowError(number, "date", "duplicate"));
            }
            if (kind == null) {
                errors.add(new RowError(number, "kind", "kind"));
            } else if (kind == DayKind.MAKEUP_WORKDAY && date != null
                    && date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                errors.add(new RowError(number, "kind", "makeup-on-weekday"));
            }
            if (name.isEmpty() || name.length() > 100 || name.indexOf('\0') >= 0) {
                errors.add(new RowError(number, "name", "name"));
            }
            if (date != null && kind != null) {
                days.add(new SpecialDay(0, date, kind, name));
            }
        }
        if (rows.isEmpty()) {
            errors.add(new RowError(1, "file", "empty"));
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        days.sort(java.util.Comparator.comparing(SpecialDay::day));
        return days;
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String t = text.strip();
            return t.contains("/") ? LocalDate.parse(t, SLASHED) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The codes, and the words people write in the published tables (休 / 班). */
    private static DayKind kind(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "HOLIDAY", "休", "假", "放假", "节假日", "節假日" -> DayKind.HOLIDAY;
            case "MAKEUP_WORKDAY", "WORKDAY", "班", "上班", "调休上班", "調休上班" -> DayKind.MAKEUP_WORKDAY;
            default -> null;
        };
    }

    /** CSV rows {@code date,kind,name}: UTF-8 (a BOM is dropped), '#' comments and a header line skipped. */
    static List<String[]> csvRows(InputStream in) {
        List<String[]> rows = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.startsWith("#") || line.toLowerCase(Locale.ROOT).startsWith("date,")
                        || line.startsWith("日期")) {
                    continue;
                }
                String[] cells = line.split("[,，\t]", 3);
                rows.add(new String[] {String.valueOf(number), cells[0], cells.length > 1 ? cells[1] : null,
                        cells.length > 2 ? cells[2] : null});
                if (rows.size() > MAX_ROWS) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String cell(XlsxReader.XlsxRow row, String chinese, String english) {
        String v = row.get(chinese);
        return v != null ? v : row.get(english);
    }

    private static Map<Integer, Resource> shippedFiles() {
        Map<Integer, Resource> files = new java.util.TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(SHIPPED)) {
                Matcher m = YEAR_FILE.matcher(String.valueOf(r.getFilename()));
                if (m.find()) {
                    files.put(Integer.parseInt(m.group(1)), r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
