package com.careloop.contract.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.FieldChange;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.Text;
import com.careloop.platform.calendar.CalendarService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The month-end distribution of contracts (seed 002-A12: 每月底，将所有的合同复印二份，合同原件交由业务部经理储存，销售员、
 * 财务各储存一份复印件). For a company-time month: the contracts accepted in it (已评审通过), a snapshot numbered
 * {@code HTFF2026-000001}, and one recipient entry per party — the sales manager keeps the originals (all the month's
 * contracts), each salesperson a copy of their own, finance a copy of all. Each recipient is notified (bell and their
 * channels, in their language), sees it on the home page until they acknowledge receipt once (who, when; audited).
 * Made by the monthly job on the first working day after the month ({@link ContractDistributionJob}) or on demand by
 * a sales manager; one per month (the same month again → 409 with the existing one).
 */
@Service
@Transactional
public class ContractDistributions {

    public static final String RECORD_TYPE = "contract-distribution";
    public static final String NUMBER_TYPE = "contract-distribution";
    static final String PAGE = "/contracts/distributions";

    /** Who a recipient entry is for: the sales manager (originals), a salesperson (copy of theirs), finance (copy). */
    public enum Party { SALES_MANAGER, SALESPERSON, FINANCE }

    /** Whether the recipient keeps the originals or a copy. */
    public enum CopyKind { ORIGINAL, COPY }

    /** Made by the monthly job or by a manager on demand. */
    public enum MadeBy { JOB, MANUAL }

    public record Summary(long id, String number, YearMonth month, MadeBy madeBy, String createdByName,
                          OffsetDateTime createdAt, int contractCount, int recipients, int acknowledged,
                          boolean awaitingMe) {
    }

    public record Item(long contractId, String contractNumber, String customerName, String customerNumber,
                       LocalDate orderDate, OffsetDateTime acceptedAt, BigDecimal totalAmount, String salespersonName) {
    }

    public record Recipient(long id, Party party, CopyKind copyKind, long recipientId, String recipientName,
                            int contractCount, OffsetDateTime acknowledgedAt, String acknowledgedByName,
                            boolean mine) {
    }

    public record Detail(long id, String number, YearMonth month, MadeBy madeBy, String createdByName,
                         OffsetDateTime createdAt, int contractCount, List<Recipient> recipients, List<Item> items,
                         BigDecimal total, boolean acknowledgeable, long version) {
    }

    /** On demand: the month as {@code yyyy-MM}. */
    public record Make(String month) {
    }

    private final JdbcClient jdbc;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final OrgDirectory org;
    private final MonthEndRecipients parties;
    private final CalendarService calendars;
    private final Clock clock;
    private final ZoneId zone;

    ContractDistributions(JdbcClient jdbc, RecordNumbers numbers, AuditTrail audit, CurrentUsers users,
                          Notifications notifications, OrgDirectory org, MonthEndRecipients parties,
                          CalendarService calendars, Clock clock, CareLoopProperties platform) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.notifications = notifications;
        this.org = org;
        this.parties = parties;
        this.calendars = calendars;
        this.clock = clock;
        this.zone = platform.zone();
    }

    // ---- commands -----------------------------------------------------------------------------------------------

    /**
     * A sales manager makes the distribution of an ended month: 422 on {@code month} when it is missing, malformed,
     * not yet over or has no accepted contracts; 409 {@code contract.distribution-exists} when the month has one.
     */
    public Detail make(Make cmd) {
        YearMonth month = parseMonth(cmd == null ? null : cmd.month());
        if (!MonthEnd.ended(month, today())) {
            throw new InvalidInputException("month", "ended", Text.of("error.contract.distribution-month-open",
                    month.toString()));
        }
        existing(month).ifPresent(id -> {
            throw existsError(month, id);
        });
        long id = create(month, MadeBy.MANUAL, users.current().orElse(null)).orElseThrow(() ->
                new InvalidInputException("month", "has-contracts", Text.of("error.contract.distribution-empty",
                        month.toString())));
        return detail(id);
    }

    /**
     * The monthly job's step on a company date: the month due (the previous one once its first working day after
     * the month came), made when it has no distribution yet and had accepted contracts. Empty when nothing was made.
     */
    public Optional<Long> makeDue(LocalDate today) {
        Optional<YearMonth> due = MonthEnd.due(today, calendars.standard());
        if (due.isEmpty() || existing(due.get()).isPresent()) {
            return Optional.empty();
        }
        return create(due.get(), MadeBy.JOB, null);
    }

    /** A recipient acknowledges receipt of all their entries of the distribution: not a recipient 403, twice 409. */
    public Detail acknowledge(long id) {
        CurrentUser me = users.require();
        String number = number(id);
        List<Recipient> mine = recipients(id, me.id()).stream().filter(Recipient::mine).toList();
        if (mine.isEmpty()) {
            throw new AccessDeniedException("user " + me.id() + " is no recipient of contract distribution " + id);
        }
        List<Recipient> open = mine.stream().filter(r -> r.acknowledgedAt() == null).toList();
        if (open.isEmpty()) {
            throw DomainException.of("contract.distribution-acknowledged", number, mine.get(0).acknowledgedByName(),
                    mine.get(0).acknowledgedAt().toInstant());
        }
        Instant now = Instant.now(clock);
        for (Recipient r : open) {
            int n = jdbc.sql("""
                    update contract_distribution_recipient set acknowledged_at = :at, acknowledged_by_name = :name
                    where id = :id and acknowledged_at is null""").param("at", Timestamp.from(now))
                    .param("name", me.displayName()).param("id", r.id()).update();
            if (n == 0) {
                throw DomainException.of("contract.distribution-acknowledged", number, me.displayName(), now);
            }
            audit.record(RECORD_TYPE, String.valueOf(id), "ACKNOWLEDGE", List.of(
                    new FieldChange("recipient." + r.party().name(), null, me.displayName())));
        }
        jdbc.sql("update contract_distribution set version = version + 1 where id = :id").param("id", id).update();
        return detail(id);
    }

    private Optional<Long> create(YearMonth month, MadeBy madeBy, CurrentUser by) {
        List<Snapshot> contracts = accepted(month);
        if (contracts.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        String number = numbers.next(NUMBER_TYPE);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into contract_distribution (number, period_start, made_by, created_by, created_by_name,
                                                   created_at, contract_count, version)
                values (:number, :start, :madeBy, :by, :byName, :at, :count, 0)""")
                .param("number", number).param("start", month.atDay(1)).param("madeBy", madeBy.name())
                .param("by", by == null ? null : by.id())
                .param("byName", by == null ? CurrentUsers.SYSTEM : by.displayName())
                .param("at", Timestamp.from(now)).param("count", contracts.size()).update(keys, "id");
        long id = keys.getKey().longValue();
        for (Snapshot c : contracts) {
            jdbc.sql("""
                    insert into contract_distribution_item (distribution_id, contract_id, contract_number, customer_name,
                        customer_number, order_date, accepted_at, total_amount, salesperson_id, salesperson_name,
                        department_id, registered_by)
                    values (:d, :c, :number, :customer, :customerNumber, :orderDate, :acceptedAt, :total, :sp, :spName,
                        :dept, :reg)""")
                    .param("d", id).param("c", c.id()).param("number", c.number()).param("customer", c.customerName())
                    .param("customerNumber", c.customerNumber()).param("orderDate", c.orderDate())
                    .param("acceptedAt", Timestamp.from(c.acceptedAt())).param("total", c.total())
                    .param("sp", c.salespersonId()).param("spName", c.salespersonName())
                    .param("dept", c.departmentId()).param("reg", c.registeredBy()).update();
        }
        // the parties: originals to the sales manager, a copy of their own to each salesperson, a copy to finance
        Map<String, Entry> entries = new LinkedHashMap<>();
        parties.holders(parties.salesManager()).forEach(u -> entries.putIfAbsent(Party.SALES_MANAGER + ":" + u.id(),
                new Entry(Party.SALES_MANAGER, CopyKind.ORIGINAL, u, contracts.size())));
        Map<Long, Long> perSalesperson = new LinkedHashMap<>();
        contracts.forEach(c -> perSalesperson.merge(c.salespersonId(), 1L, Long::sum));
        Map<Long, OrgDirectory.User> salespeople = org.users(perSalesperson.keySet());
        perSalesperson.forEach((sp, n) -> Optional.ofNullable(salespeople.get(sp)).filter(OrgDirectory.User::active)
                .ifPresent(u -> entries.put(Party.SALESPERSON + ":" + sp,
                        new Entry(Party.SALESPERSON, CopyKind.COPY, u, n.intValue()))));
        parties.holders(parties.finance()).forEach(u -> entries.putIfAbsent(Party.FINANCE + ":" + u.id(),
                new Entry(Party.FINANCE, CopyKind.COPY, u, contracts.size())));
        for (Entry e : entries.values()) {
            jdbc.sql("""
                    insert into contract_distribution_recipient (distribution_id, party, copy_kind, recipient_id,
                        recipient_name, contract_count)
                    values (:d, :party, :copy, :user, :name, :count)""")
                    .param("d", id).param("party", e.party().name()).param("copy", e.copy().name())
                    .param("user", e.user().id()).param("name", e.user().displayName()).param("count", e.count())
                    .update();
            notifications.notify(e.user().id(), Text.of("contract.notify.distribution.title", number, month.toString()),
                    Text.of("contract.notify.distribution.body", month.toString(), e.count(),
                            Text.label("contract.distribution.party", e.party()),
                            Text.label("contract.distribution.copy", e.copy())),
                    PAGE + "/" + id);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("number", number);
        state.put("month", month.toString());
        state.put("madeBy", madeBy.name());
        state.put("contracts", contracts.stream().map(Snapshot::number).toList().toString());
        state.put("recipients", entries.values().stream().map(e -> e.party() + " " + e.user().displayName()).toList()
                .toString());
        List<FieldChange> changes = new ArrayList<>();
        state.forEach((k, v) -> changes.add(new FieldChange(k, null, String.valueOf(v))));
        audit.record(RECORD_TYPE, String.valueOf(id), "CREATE", changes);
        return Optional.of(id);
    }

    private record Entry(Party party, CopyKind copy, OrgDirectory.User user, int count) {
    }

    private record Snapshot(long id, String number, String customerName, String customerNumber, LocalDate orderDate,
                            Instant acceptedAt, BigDecimal total, long salespersonId, String salespersonName,
                            Long departmentId, Long registeredBy) {
    }

    /** The contracts accepted (已评审通过) in the company-time month, by acceptance. */
    private List<Snapshot> accepted(YearMonth month) {
        return jdbc.sql("""
                select c.id, c.number, c.customer_name, c.customer_number, c.order_date, c.accepted_at, c.total_amount,
                       c.salesperson_id, c.salesperson_name, c.department_id, c.registered_by
                from contract c where c.accepted_at >= :from and c.accepted_at < :to order by c.accepted_at, c.id""")
                .param("from", Timestamp.from(MonthEnd.start(month, zone)))
                .param("to", Timestamp.from(MonthEnd.end(month, zone)))
                .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getTimestamp(6).toInstant(), rs.getBigDecimal(7),
                        rs.getLong(8), rs.getString(9), rs.getObject(10, Long.class), rs.getObject(11, Long.class)))
                .list();
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    /** The distributions, newest month first, with their acknowledgement counts and whether the reader still has to sign. */
    @Transactional(readOnly = true)
    public List<Summary> list() {
        CurrentUser me = users.require();
        return jdbc.sql("""
                select d.id, d.number, d.period_start, d.made_by, d.created_by_name, d.created_at, d.contract_count,
                       (select count(*) from contract_distribution_recipient r where r.distribution_id = d.id),
                       (select count(*) from contract_distribution_recipient r where r.distribution_id = d.id
                           and r.acknowledged_at is not null),
                       (select count(*) from contract_distribution_recipient r where r.distribution_id = d.id
                           and r.recipient_id = :me and r.acknowledged_at is null)
                from contract_distribution d order by d.period_start desc limit 120""").param("me", me.id())
                .query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2),
                        YearMonth.from(rs.getObject(3, LocalDate.class)), MadeBy.valueOf(rs.getString(4)),
                        rs.getString(5), odt(rs.getTimestamp(6).toInstant()), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                        rs.getInt(10) > 0)).list();
    }

    /**
     * One distribution. Its contracts as far as the reader may see them: all for the sales manager's and finance's
     * recipients, a salesperson's own, otherwise those within the reader's data scope.
     */
    @Transactional(readOnly = true)
    public Detail detail(long id) {
        CurrentUser me = users.require();
        record Head(String number, YearMonth month, MadeBy madeBy, String by, Instant at, int count, long version) {
        }
        Head h = jdbc.sql("""
                select number, period_start, made_by, created_by_name, created_at, contract_count, version
                from contract_distribution where id = :id""").param("id", id)
                .query((rs, n) -> new Head(rs.getString(1), YearMonth.from(rs.getObject(2, LocalDate.class)),
                        MadeBy.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getInt(6),
                        rs.getLong(7))).optional().orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
        List<Recipient> recipients = recipients(id, me.id());
        boolean seesAll = recipients.stream().anyMatch(r -> r.mine() && r.party() != Party.SALESPERSON);
        List<Item> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (var row : jdbc.sql("""
                select contract_id, contract_number, customer_name, customer_number, order_date, accepted_at, total_amount,
                       salesperson_name, salesperson_id, department_id, registered_by
                from contract_distribution_item where distribution_id = :id order by accepted_at, contract_id""")
                .param("id", id).query((rs, n) -> new Object[]{new Item(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), odt(rs.getTimestamp(6).toInstant()),
                        rs.getBigDecimal(7), rs.getString(8)), rs.getLong(9), rs.getObject(10, Long.class),
                        rs.getObject(11, Long.class)}).list()) {
            Item item = (Item) row[0];
            long salesperson = (Long) row[1];
            if (seesAll || salesperson == me.id() || me.scope().allows((Long) row[2], salesperson, (Long) row[3])) {
                items.add(item);
                total = total.add(item.totalAmount());
            }
        }
        boolean acknowledgeable = recipients.stream().anyMatch(r -> r.mine() && r.acknowledgedAt() == null);
        return new Detail(id, h.number(), h.month(), h.madeBy(), h.by(), odt(h.at()), h.count(), recipients, items,
                total, acknowledgeable, h.version());
    }

    private List<Recipient> recipients(long id, long me) {
        return jdbc.sql("""
                select id, party, copy_kind, recipient_id, recipient_name, contract_count, acknowledged_at,
                       acknowledged_by_name
                from contract_distribution_recipient where distribution_id = :id order by id""").param("id", id)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp(7);
                    return new Recipient(rs.getLong(1), Party.valueOf(rs.getString(2)), CopyKind.valueOf(rs.getString(3)),
                            rs.getLong(4), rs.getString(5), rs.getInt(6), at == null ? null : odt(at.toInstant()),
                            rs.getString(8), rs.getLong(4) == me);
                }).list();
    }

    /** The id of the month's distribution, if made. */
    @Transactional(readOnly = true)
    public Optional<Long> existing(YearMonth month) {
        return jdbc.sql("select id from contract_distribution where period_start = :start")
                .param("start", month.atDay(1)).query(Long.class).optional();
    }

    /** How many distributions wait for the user's acknowledgement (home page). */
    @Transactional(readOnly = true)
    public long awaiting(long userId) {
        return jdbc.sql("""
                select count(distinct distribution_id) from contract_distribution_recipient
                where recipient_id = :u and acknowledged_at is null""").param("u", userId).query(Long.class).single();
    }

    private String number(long id) {
        return jdbc.sql("select number from contract_distribution where id = :id").param("id", id).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
    }

    private DomainException existsError(YearMonth month, long id) {
        return new DomainException("contract.distribution-exists", Text.of("error.contract.distribution-exists",
                month.toString(), number(id)), Map.of("distributionId", id));
    }

    private static YearMonth parseMonth(String month) {
        if (month == null || month.isBlank()) {
            throw new InvalidInputException("month", "required", Text.of("error.contract.required", "month"));
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "format", Text.of("error.contract.distribution-month-format",
                    month));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
