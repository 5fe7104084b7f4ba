package com.careloop.fieldservice.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Field-service statistics over a period (trips by travel day, failures by failure day): services per kind and per
 * customer with hours on site, first-time fix rate, open points, failures per product/part and the Pareto of failure
 * modes. Company-wide: the page and API need {@code fieldservice:manage}.
 */
@Service
@Transactional(readOnly = true)
public class FieldStatistics {

    public record PerKind(String kind, long services, double hours) {
    }

    public record PerCustomer(Long customerId, String customerName, long services, double hours) {
    }

    public record Fix(long fixed, long notFixed, long pending, BigDecimal rate) {
    }

    public record Points(long total, long open, long followedUp) {
    }

    public record PerPart(String product, String part, long failures) {
    }

    /** One failure mode in Pareto order with its share and the cumulative share (0..1). */
    public record Pareto(String mode, String modeName, long failures, BigDecimal share, BigDecimal cumulative) {
    }

    public record Statistics(LocalDate from, LocalDate to, long services, double hoursOnSite, List<PerKind> perKind,
                             List<PerCustomer> perCustomer, Fix firstTimeFix, Points openPoints,
                             List<PerPart> failuresPerPart, List<Pareto> failureModes, long failures) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    FieldStatistics(JdbcClient jdbc, Clock clock, CareLoopProperties platform) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public Statistics of(LocalDate from, LocalDate to) {
        LocalDate last = to != null ? to : today();
        LocalDate first = from != null ? from : last.minusMonths(12).plusDays(1);
        if (last.isBefore(first)) {
            throw new InvalidInputException("to", "after", Text.of("error.fieldhistory.period"));
        }
        if (first.plusYears(10).isBefore(last)) {
            throw new InvalidInputException("from", "range", Text.of("error.fieldhistory.period"));
        }
        String trips = " f.travel_out_on >= :from and f.travel_out_on <= :to";
        record Trip(long id, String kind, Long customerId, String customerName) {
        }
        List<Trip> tripRows = jdbc.sql("select f.id, coalesce(f.kind, 'OTHER'), f.customer_id, f.customer_name"
                        + " from field_service f where " + trips)
                .param("from", first).param("to", last)
                .query((rs, n) -> new Trip(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
                        rs.getString(4))).list();
        java.util.Map<Long, Double> hoursOf = new java.util.HashMap<>();
        jdbc.sql("select h.service_id, h.started_at, h.ended_at from field_service_hours h join field_service f"
                        + " on f.id = h.service_id where " + trips)
                .param("from", first).param("to", last)
                .query((rs, n) -> hoursOf.merge(rs.getLong(1), (rs.getTimestamp(3).getTime()
                        - rs.getTimestamp(2).getTime()) / 3_600_000.0, Double::sum)).list();
        java.util.Map<String, double[]> kinds = new java.util.LinkedHashMap<>();
        java.util.Map<Long, double[]> customers = new java.util.LinkedHashMap<>();
        java.util.Map<Long, String> customerNames = new java.util.HashMap<>();
        for (Trip t : tripRows) {
            double h = hoursOf.getOrDefault(t.id(), 0.0);
            double[] k = kinds.computeIfAbsent(t.kind(), x -> new double[2]);
            k[0]++;
            k[1] += h;
            long key = t.customerId() == null ? -1L : t.customerId();
            double[] c = customers.computeIfAbsent(key, x -> new double[2]);
            c[0]++;
            c[1] += h;
            customerNames.putIfAbsent(key, t.customerName());
        }
        List<PerKind> perKind = new ArrayList<>();
        kinds.forEach((k, v) -> perKind.add(new PerKind(k, (long) v[0], round(v[1]))));
        perKind.sort((a, b) -> Long.compare(b.services(), a.services()));
        List<PerCustomer> perCustomer = new ArrayList<>();
        customers.forEach((k, v) -> perCustomer.add(new PerCustomer(k < 0 ? null : k, customerNames.get(k),
                (long) v[0], round(v[1]))));
        perCustomer.sort((a, b) -> Long.compare(b.services(), a.services()));
        long services = perKind.stream().mapToLong(PerKind::services).sum();
        double totalHours = round(perKind.stream().mapToDouble(PerKind::hours).sum());
        Fix fix = firstTimeFix(first, last);
        Points points = jdbc.sql("""
                select count(*), coalesce(sum(case when p.follow_up_kind is null then 1 else 0 end), 0)
                from field_service_open_point p join field_service f on f.id = p.service_id where """ + trips)
                .param("from", first).param("to", last)
                .query((rs, n) -> new Points(rs.getLong(1), rs.getLong(2), rs.getLong(1) - rs.getLong(2))).single();
        List<PerPart> perPart = jdbc.sql("""
                select product, coalesce(part, ''), count(*) from product_failure
                where failed_on >= :from and failed_on <= :to
                group by product, coalesce(part, '') order by 3 desc, 1, 2 limit 50""")
                .param("from", first).param("to", last)
                .query((rs, n) -> new PerPart(rs.getString(1), rs.getString(2).isEmpty() ? null : rs.getString(2),
                        rs.getLong(3))).list();
        String name = nameColumn();
        List<Object[]> modes = jdbc.sql("select p.mode_code, max(m." + name + "), count(*) from product_failure p"
                        + " join failure_mode m on m.code = p.mode_code where p.failed_on >= :from and p.failed_on <= :to"
                        + " group by p.mode_code order by 3 desc, 1")
                .param("from", first).param("to", last)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}).list();
        long failures = modes.stream().mapToLong(m -> (Long) m[2]).sum();
        List<Pareto> pareto = new ArrayList<>();
        long running = 0;
        for (Object[] m : modes) {
            long count = (Long) m[2];
            running += count;
            pareto.add(new Pareto((String) m[0], (String) m[1], count, share(count, failures), share(running, failures)));
        }
        return new Statistics(first, last, services, totalHours, perKind, perCustomer, fix, points, perPart, pareto,
                failures);
    }

    /** The first-time-fix outcome of every service reported in the period (see {@link FirstTimeFix}). */
    Fix firstTimeFix(LocalDate first, LocalDate last) {
        LocalDate today = today();
        long[] counts = new long[3];
        jdbc.sql("""
                select f.customer_signed_at,
                       (select count(*) from field_service_open_point p
                         where p.service_id = f.id and p.follow_up_kind = 'REQUEST'),
                       (select min(g.travel_out_on) from field_service g
                         where g.request_id = f.request_id and g.id <> f.id and g.travel_out_on >= f.travel_out_on)
                from field_service f
                where f.customer_signed_at is not null and f.travel_out_on >= :from and f.travel_out_on <= :to""")
                .param("from", first).param("to", last)
                .query((rs, n) -> {
                    Timestamp signed = rs.getTimestamp(1);
                    LocalDate reportedOn = signed.toInstant().atZone(zone).toLocalDate();
                    FirstTimeFix.Outcome o = FirstTimeFix.STANDARD.outcome(reportedOn, rs.getLong(2) > 0,
                            rs.getObject(3, LocalDate.class), today);
                    counts[o.ordinal()]++;
                    return null;
                }).list();
        return new Fix(counts[0], counts[1], counts[2], share(counts[0], counts[0] + counts[1]));
    }

    static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    static String nameColumn() {
        var l = LocaleContextHolder.getLocale();
        if ("en".equals(l.getLanguage())) {
            return "name_en";
        }
        return "TW".equals(l.getCountry()) || "Hant".equals(l.getScript()) ? "name_zh_tw" : "name_zh_cn";
    }
}
