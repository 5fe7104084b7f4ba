package com.careloop.customer.segment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.careloop.customer.Segment;
import com.careloop.customer.archive.CustomerRepository;
import com.careloop.customer.segment.SegmentRules.Rule;
import com.careloop.customer.segment.SegmentRules.YearFigures;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;


import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Segment rules (忠民 / 好顾客 / 主力户 / 大户) and their application: the recompute evaluates every
 * active customer's trailing-12-months RFM figures and assigns the first matching segment through
 * the customer aggregate, writing a trail entry only for customers whose segment changes.
 */
@Service
@Transactional
public class SegmentService {

    public record RuleInput(@NotNull Segment segment, @NotNull @Min(0) Integer priority,
                            @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal minRevenue,
                            @NotNull @Min(0) Integer minOrders, @Min(0) Integer maxRecencyDays, Long version) {
    }

    public record SaveRules(@NotNull @Valid List<RuleInput> rules) {
    }

    public record RuleView(Segment segment, int priority, BigDecimal minRevenue, int minOrders, Integer maxRecencyDays,
                           long version) {
    }

    public record RecomputeResult(LocalDate asOf, int evaluated, int changed, Map<Segment, Integer> counts,
                                  int withoutSegment) implements java.io.Serializable {
    }

    private final SegmentRuleRepository rules;
    private final CustomerRepository customers;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final CareLoopProperties properties;

    SegmentService(SegmentRuleRepository rules, CustomerRepository customers, JdbcClient jdbc, AuditTrail audit,
                   Clock clock, CareLoopProperties properties) {
        this.rules = rules;
        this.customers = customers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public List<RuleView> rules() {
        return rules.findAll().stream().sorted(Comparator.comparingInt(r -> r.rule().priority()))
                .map(e -> {
                    Rule r = e.rule();
                    return new RuleView(r.segment(), r.priority(), r.minRevenue(), r.minOrders(), r.maxRecencyDays(),
                            e.getVersion());
                }).toList();
    }

    /** Replaces the rule set: segments listed are created or changed, segments left out lose their rule. */
    public List<RuleView> replace(SaveRules cmd) {
        validate(cmd.rules());
        Map<Segment, SegmentRuleEntity> existing = new EnumMap<>(Segment.class);
        rules.findAll().forEach(e -> existing.put(e.rule().segment(), e));
        for (RuleInput in : cmd.rules()) {
            Rule rule = new Rule(in.segment(), in.priority(), in.minRevenue(), in.minOrders(), in.maxRecencyDays());
            SegmentRuleEntity e = existing.remove(in.segment());
            if (e == null) {
                audit.created(rules.saveAndFlush(new SegmentRuleEntity(rule)));
                continue;
            }
            if (in.version() != null && in.version() != e.getVersion()) {
                throw new OptimisticLockingFailureException("分群规则已被他人修改，请刷新后重试 / the rule of " + in.segment()
                        + " was changed by someone else");
            }
            var before = e.auditState();
            e.redefine(rule);
            rules.saveAndFlush(e);
            if (!before.equals(e.auditState())) {
                audit.changed(e, "UPDATE", before);
            }
        }
        for (SegmentRuleEntity gone : existing.values()) {
            var before = gone.auditState();
            rules.delete(gone);
            audit.record(gone.auditType(), gone.auditId(), "DELETE", AuditTrail.diff(before, Map.of()));
        }
        rules.flush();
        return rules();
    }

    private static void validate(List<RuleInput> input) {
        Set<Segment> segments = new HashSet<>();
        Set<Integer> priorities = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            RuleInput r = input.get(i);
            if (!segments.add(r.segment())) {
                throw new InvalidInputException("rules[" + i + "].segment", "unique",
                        Text.of("error.customer.segment-one-rule", String.valueOf(r.segment())));
            }
            negative(i, "priority", r.priority());
            negative(i, "minRevenue", r.minRevenue().signum());
            negative(i, "minOrders", r.minOrders());
            negative(i, "maxRecencyDays", r.maxRecencyDays());
            if (!priorities.add(r.priority())) {
                throw new InvalidInputException("rules[" + i + "].priority", "unique",
                        Text.of("error.customer.priority-twice", String.valueOf(r.priority())));
            }
        }
    }

    /** Bean validation covers the API; the page form comes here directly, so the rule is checked once more. */
    private static void negative(int index, String field, Integer value) {
        if (value != null && value < 0) {
            throw new InvalidInputException("rules[" + index + "]." + field, "non-negative",
                    "数值不能为负 / " + field + " must not be negative");
        }
    }

    /** Evaluates every active customer as of today (company time zone). */
    public RecomputeResult recompute() {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        List<Rule> current = rules.findAll().stream().map(SegmentRuleEntity::rule).toList();
        Map<Long, Segment> assigned = new LinkedHashMap<>();
        Map<Long, List<YearFigures>> figures = new LinkedHashMap<>();
        jdbc.sql("""
                select c.id, c.segment, r.revenue_year, r.amount, r.order_count, r.last_order_date
                from customer c left join customer_revenue r on r.customer_id = c.id and r.revenue_year >= :fromYear
                where c.active = true order by c.id""")
                .param("fromYear", today.getYear() - 1)
                .query(rs -> {
                    long id = rs.getLong("id");
                    String segment = rs.getString("segment");
                    assigned.put(id, segment == null ? null : Segment.valueOf(segment));
                    List<YearFigures> years = figures.computeIfAbsent(id, k -> new ArrayList<>());
                    if (rs.getObject("revenue_year") != null) {
                        years.add(new YearFigures(rs.getInt("revenue_year"), rs.getBigDecimal("amount"),
                                rs.getInt("order_count"), rs.getObject("last_order_date", LocalDate.class)));
                    }
                });
        Map<Segment, Integer> counts = new EnumMap<>(Segment.class);
        int changed = 0;
        int without = 0;
        Instant now = Instant.now(clock);
        for (var e : figures.entrySet()) {
            Segment segment = SegmentRules.evaluate(current, SegmentRules.rfm(e.getValue(), today)).orElse(null);
            if (segment == null) {
                without++;
            } else {
                counts.merge(segment, 1, Integer::sum);
            }
            if (!Objects.equals(segment, assigned.get(e.getKey()))) {
                var customer = customers.findById(e.getKey()).orElseThrow();
                var before = customer.auditState();
                customer.assignSegment(segment, now);
                customers.save(customer);
                audit.changed(customer, "SEGMENT", before);
                changed++;
            }
        }
        customers.flush();
        return new RecomputeResult(today, figures.size(), changed, counts, without);
    }

    /** The trailing-12-months figures of one customer, for the 360 page. */
    @Transactional(readOnly = true)
    public SegmentRules.Rfm rfm(long customerId) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        List<YearFigures> years = jdbc.sql("""
                select revenue_year, amount, order_count, last_order_date from customer_revenue
                where customer_id = :id and revenue_year >= :fromYear""")
                .param("id", customerId).param("fromYear", today.getYear() - 1)
                .query((rs, n) -> new YearFigures(rs.getInt(1), rs.getBigDecimal(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class))).list();
        return SegmentRules.rfm(years, today);
    }
}
