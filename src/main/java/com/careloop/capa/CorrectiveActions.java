package com.careloop.capa;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.careloop.capa.CapaCommands.ActionDone;
import com.careloop.capa.CapaCommands.AddTeamMember;
import com.careloop.capa.CapaCommands.CheckEffectiveness;
import com.careloop.capa.CapaCommands.Close;
import com.careloop.capa.CapaCommands.Contain;
import com.careloop.capa.CapaCommands.Open;
import com.careloop.capa.CapaCommands.PlanAction;
import com.careloop.capa.CapaCommands.RootCause;
import com.careloop.capa.CapaCommands.StartVerification;
import com.careloop.capa.CapaViews.Action;
import com.careloop.capa.CapaViews.Check;
import com.careloop.capa.CapaViews.Detail;
import com.careloop.capa.CapaViews.Filter;
import com.careloop.capa.CapaViews.Page;
import com.careloop.capa.CapaViews.Row;
import com.careloop.capa.CapaViews.Source;
import com.careloop.capa.CapaViews.TeamMember;
import com.careloop.capa.CapaViews.TimelineEntry;
import com.careloop.capa.CapaViews.Why;
import com.careloop.capa.handling.Capa;
import com.careloop.capa.handling.CapaAction;
import com.careloop.capa.handling.CapaProperties;
import com.careloop.capa.handling.CapaRepository;
import com.careloop.capa.handling.EffectivenessRule;
import com.careloop.platform.Texts;
import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.ListSort;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CAPA procedure's management service and the module's public face: other modules open CAPAs for their
 * sources ({@link #open}, {@link #openOrAttach}) and read them ({@link #forSource}, {@link #summary}); the
 * pages and the API run the steps. Each command is one transaction: the CAPA, its timeline, its audit entry and
 * its event commit together. Commands carry the version the caller saw (stale -> 409).
 */
@Service
@Transactional
public class CorrectiveActions {

    public static final String RECORD_TYPE = "corrective-action";
    /** The actor of CAPAs opened without a signed-in user (events, jobs). */
    public static final String SYSTEM_ACTOR = "系统";

    private final CapaRepository capas;
    private final CapaProperties properties;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final CustomerDirectory customers;
    private final Texts texts;

    CorrectiveActions(CapaRepository capas, CapaProperties properties, RecordNumbers numbers, AuditTrail audit,
                      CurrentUsers users, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock,
                      CareLoopProperties platform, CustomerDirectory customers, Texts texts) {
        this.customers = customers;
        this.texts = texts;
        this.capas = capas;
        this.properties = properties;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
    }

    // ---- the public API other modules use ----------------------------------------------------

    /** Opens a CAPA for a source; actor = signed-in user if any, else the system ("系统"). */
    public CapaRef open(OpenCapa cmd) {
        Capa c = create(cmd);
        return new CapaRef(c.getId(), c.getCode(), false);
    }

    /**
     * Opens a CAPA with a first proposed action (owner and due date). The CAPA stays OPEN: the action waits for
     * the root cause, whose recording then moves the CAPA on to ACTIONS_PLANNED.
     */
    public CapaRef open(OpenCapa cmd, PlannedAction firstAction) {
        if (firstAction == null) {
            return open(cmd);
        }
        String ownerName = ownerName("firstAction.ownerUserId", firstAction.ownerUserId());
        Capa c = create(cmd);
        Map<String, Object> before = c.auditState();
        c.proposeAction(firstAction.description(), firstAction.ownerUserId(), ownerName, firstAction.due(), today(),
                actor(), now());
        capas.saveAndFlush(c);
        audit.changed(c, "PLAN_ACTION", before);
        return new CapaRef(c.getId(), c.getCode(), false);
    }

    /**
     * Attaches the source to the not-closed CAPA with the same sourceKey if one exists (a source already linked
     * is a no-op, so a redelivered event changes nothing), else opens one.
     */
    public CapaRef openOrAttach(OpenCapa cmd) {
        if (cmd.sourceKey() == null || cmd.sourceKey().isBlank()) {
            throw new InvalidInputException("sourceKey", "required", Text.of("error.capa.openorattach-needs-sourcekey"));
        }
        var existing = capas.findBySourceKeyAndStatusNotOrderByIdDesc(cmd.sourceKey().trim(), CapaStatus.CLOSED);
        if (existing.isEmpty()) {
            return open(cmd);
        }
        Capa c = existing.get(0);
        Map<String, Object> before = c.auditState();
        if (c.attach(cmd.sourceType(), cmd.sourceId(), cmd.sourceCode(), actor(), now())) {
            capas.saveAndFlush(c);
            audit.changed(c, "ATTACH_SOURCE", before);
        }
        return new CapaRef(c.getId(), c.getCode(), true);
    }

    /** Every CAPA linked to that source (a CAPA can have several sources), newest first. */
    @Transactional(readOnly = true)
    public List<CapaSummary> forSource(String sourceType, long sourceId) {
        List<Long> ids = jdbc.sql("""
                select distinct s.capa_id from capa_source s where s.source_type = :type and s.source_id = :id
                order by s.capa_id desc""").param("type", sourceType).param("id", sourceId).query(Long.class).list();
        return ids.stream().map(id -> summary(capas.findById(id).orElseThrow())).toList();
    }

    @Transactional(readOnly = true)
    public CapaSummary summary(long capaId) {
        return summary(capas.findById(capaId).orElseThrow(() -> new NotFoundException(RECORD_TYPE, capaId)));
    }

    // ---- the steps (pages and API) -----------------------------------------------------------

    /** The "new CAPA" form: a manual entry, an audit finding or an inspection (the others come from their modules). */
    public Detail openManually(Open cmd) {
        if (cmd.sourceType() == null || !CapaSources.MANUAL_ENTRY.contains(cmd.sourceType())) {
            throw new InvalidInputException("sourceType", "one-of", Text.of("error.capa.manual-source-one-of",
                    String.valueOf(CapaSources.MANUAL_ENTRY)));

        }
        if (cmd.departmentId() != null) {
            requireDepartment(cmd.departmentId());
        }
        Capa c = create(new OpenCapa(cmd.sourceType(), cmd.sourceId() == null ? 0 : cmd.sourceId(), null,
                cmd.sourceCode(), cmd.problem(), cmd.customerId(), cmd.departmentId(), Boolean.TRUE.equals(cmd.eightD())));
        return detail(c.getId());
    }

    public Detail containment(long id, Contain cmd) {
        return change(id, cmd.version(), "CONTAIN", c -> c.contain(cmd.containment(), actor(), now()));
    }

    public Detail rootCause(long id, RootCause cmd) {
        return change(id, cmd.version(), "ROOT_CAUSE",
                c -> c.recordRootCause(cmd.whys(), cmd.category(), cmd.statement(), actor(), now()));
    }

    public Detail planAction(long id, PlanAction cmd) {
        return change(id, cmd.version(), "PLAN_ACTION", c -> {
            String owner = ownerName("ownerUserId", cmd.ownerUserId());
            c.planAction(cmd.description(), cmd.ownerUserId(), owner, cmd.dueDate(), today(), actor(), now());
        });
    }

    /** The owner of the action may mark it done with view permission alone; anyone else needs capa:handle. */
    public Detail markActionDone(long id, long actionId, ActionDone cmd) {
        return change(id, cmd.version(), "ACTION_DONE", c -> {
            CapaAction a = c.action(actionId);
            CurrentUser me = users.current().orElse(null);
            if (me != null && !me.can(CapaPermissions.HANDLE) && me.id() != a.getOwnerId()) {
                throw new AccessDeniedException("只有措施责任人或CAPA处理人可以标记完成 / only the owner or a CAPA handler may mark it done");
            }
            if (c.markActionDone(a, cmd.evidence(), actor(), now(), rule())) {
                events.publishEvent(new CapaActionsCompleted(c.getId(), c.getCode(), refs(c), c.getEffectivenessCheckDue()));
            }
        });
    }

    public Detail startVerification(long id, StartVerification cmd) {
        return change(id, cmd == null ? null : cmd.version(), "START_VERIFICATION", c -> c.startVerification(actor(), now()));
    }

    /** Effective moves on to closure; not effective re-opens the CAPA (CapaVerified, then CapaReopened). */
    public Detail checkEffectiveness(long id, CheckEffectiveness cmd) {
        return change(id, cmd.version(), "CHECK_EFFECTIVENESS", c -> {
            c.checkEffectiveness(cmd.effective(), cmd.evidence(), actor(), now());
            events.publishEvent(new CapaVerified(c.getId(), c.getCode(), refs(c), cmd.effective(), c.getReopenCount()));
            if (!cmd.effective()) {
                events.publishEvent(new CapaReopened(c.getId(), c.getCode(), refs(c), cmd.evidence().trim(),
                        c.getReopenCount()));
            }
        });
    }

    /** Closure by the quality manager only (capa:close), with the recurrence-prevention note. */
    public Detail close(long id, Close cmd) {
        CurrentUser me = users.current().orElse(null);
        if (me != null && !me.can(CapaPermissions.CLOSE)) {
            throw new AccessDeniedException("只有品管经理可以结案 / only the quality manager may close a CAPA");
        }
        return change(id, cmd.version(), "CLOSE", c -> {
            c.close(cmd.recurrencePrevention(), actor(), now());
            events.publishEvent(new CapaClosed(c.getId(), c.getCode(), refs(c)));
        });
    }

    public Detail addTeamMember(long id, AddTeamMember cmd) {
        return change(id, cmd.version(), "TEAM_MEMBER", c -> c.addTeamMember(cmd.name(), cmd.role(), actor(), now()));
    }

    // ---- reads (pages and API, within the reader's scope) ------------------------------------

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        Capa c = load(id);
        LocalDate today = today();
        List<Source> sources = c.getSources().stream().map(s -> new Source(s.getSourceType(), s.getSourceId(),
                s.getSourceCode(), odt(s.getAttachedAt()))).toList();
        List<Why> whys = c.getWhys().stream().map(w -> new Why(w.getRound(), w.getStepNo(), w.getAnswer())).toList();
        List<Action> actions = c.getActions().stream().map(a -> new Action(a.getId(), a.getRound(), a.getDescription(),
                a.getOwnerId(), a.getOwnerName(), a.getDueDate(), a.isDone(), odt(a.getDoneAt()), a.getDoneBy(),
                a.getEvidence(), c.getStatus() != CapaStatus.CLOSED && a.getRound() == c.getRound() && a.overdue(today),
                a.getRound() == c.getRound())).toList();
        List<Check> checks = c.getChecks().stream().map(k -> new Check(k.getId(), k.getRound(), k.isEffective(),
                k.getEvidence(), k.getDueDate(), odt(k.getCheckedAt()), k.getCheckedBy())).toList();
        List<TeamMember> team = c.getTeam().stream().map(t -> new TeamMember(t.getId(), t.getMemberName(),
                t.getMemberRole())).toList();
        List<TimelineEntry> timeline = c.getEvents().stream().map(e -> new TimelineEntry(e.getKind(),
                odt(e.getOccurredAt()), e.getActor(), texts.stored(e.getNoteText(), e.getNote()))).toList();
        return new Detail(c.getId(), c.getCode(), c.getVersion(), c.getStatus(), c.getProblem(), c.getCustomerId(),
                c.getDepartmentId(), departmentName(c.getDepartmentId()), c.isEightD(), c.getSourceKey(), sources,
                c.getContainment(), odt(c.getContainedAt()), c.getContainedBy(), whys, c.getFishbone(), c.getRootCause(),
                odt(c.getRootCauseAt()), c.getRootCauseBy(), c.getRound(), actions, odt(c.getActionsDoneAt()),
                c.getEffectivenessCheckDue(), odt(c.getVerificationStartedAt()), checks, c.getEffective(),
                c.getReopenCount(), c.getRecurrencePrevention(), odt(c.getClosedAt()), c.getClosedBy(),
                odt(c.getOpenedAt()), c.getOpenedByName(), team, timeline, summary(c),
                customerName(c.getCustomerId()));
    }

    /** The customer by name, as the reader may see it (the customer module's scope); null when not visible. */
    private String customerName(Long customerId) {
        return customerId == null || users.current().isEmpty() ? null
                : customers.card(customerId).map(CustomerCard::name).orElse(null);
    }

    /** The list, newest first, keyset-paged by id, within the reader's data scope. */
    @Transactional(readOnly = true)
    public Page search(Filter f, String cursor, int limit) {
        return search(f, null, cursor, limit);
    }

    /** The list's sortable columns (request key → SQL); ties broken by id. */
    static final Map<String, ListSort.Column> SORTS = Map.of(
            "code", ListSort.Column.text("c.code"),
            "status", ListSort.Column.text("c.status"),
            "problem", ListSort.Column.text("c.problem"),
            "department", ListSort.Column.text("coalesce(d.name, '')"),
            "openedAt", ListSort.Column.time("c.opened_at"));

    /** The list sorted by a column ('-' descending; default newest first), keyset-paged under that sort. */
    @Transactional(readOnly = true)
    public Page search(Filter f, String sort, String cursor, int limit) {
        ListSort order = ListSort.parse(sort, SORTS, "c.id", "-id");
        CurrentUser me = users.require();
        var scope = me.scope().condition("c.department_id", "c.opened_by");
        StringBuilder sql = new StringBuilder("""
                select c.id, c.code, c.status, c.problem, c.department_id, d.name, c.eight_d, c.opened_at,
                       c.reopen_count, c.effectiveness_check_due,
                       (select min(s.source_type) from capa_source s where s.capa_id = c.id) first_source,
                       (select count(*) from capa_source s where s.capa_id = c.id) sources,
                       case when""").append(' ').append(OVERDUE).append("""
                 then 1 else 0 end overdue""").append(order.selectColumn()).append("""
                 from capa c left join org_department d on d.id = c.department_id
                where (""").append(scope.sql())
                .append(" or exists (select 1 from capa_action o where o.capa_id = c.id and o.owner_id = :me))");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("me", me.id());
        params.put("today", today());
        Filter filter = f == null ? new Filter(null, null, null, null, null) : f;
        if (filter.status() != null) {
            sql.append(" and c.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.sourceType() != null && !filter.sourceType().isBlank()) {
            sql.append(" and exists (select 1 from capa_source s where s.capa_id = c.id and s.source_type = :sourceType)");
            params.put("sourceType", filter.sourceType());
        }
        if (filter.departmentId() != null) {
            sql.append(" and c.department_id = :department");
            params.put("department", filter.departmentId());
        }
        if (filter.customerId() != null) {
            sql.append(" and c.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.overdue() != null) {
            sql.append(filter.overdue() ? " and " : " and not ").append(OVERDUE);
        }
        drillDown(filter.drillDown(), sql, params);
        order.after(cursor, sql, params);
        sql.append(order.orderBy()).append(" limit :limit");
        params.put("limit", limit + 1);
        var slice = order.page(jdbc.sql(sql.toString()).params(params).query(order.mapper((rs, n) -> new Row(rs.getLong(1),
                rs.getString(2), CapaStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(11),
                Math.max(0, rs.getInt(12) - 1), rs.getObject(5, Long.class), rs.getString(6), rs.getBoolean(7),
                odt(rs.getTimestamp(8).toInstant()), rs.getInt(9), rs.getObject(10, LocalDate.class),
                rs.getInt(13) == 1))).list(), limit);
        return new Page(slice.items(), slice.nextCursor());
    }

    /** The conditions of the report figures' drill-downs (see {@link CapaViews.DrillDown}). */
    private void drillDown(CapaViews.DrillDown d, StringBuilder sql, Map<String, Object> params) {
        if (d == null) {
            return;
        }
        between(sql, params, "c.opened_at", "opened", d.openedFrom(), d.openedTo());
        between(sql, params, "c.closed_at", "closed", d.closedFrom(), d.closedTo());
        if (d.open() != null) {
            sql.append(d.open() ? " and c.status <> 'CLOSED'" : " and c.status = 'CLOSED'");
        }
        if (d.actionsDueFrom() != null || d.actionsDueTo() != null) {
            sql.append(" and exists (select 1 from capa_action da where da.capa_id = c.id");
            if (d.actionsDueFrom() != null) {
                sql.append(" and da.due_date >= :actionsDueFrom");
                params.put("actionsDueFrom", d.actionsDueFrom());
            }
            if (d.actionsDueTo() != null) {
                sql.append(" and da.due_date <= :actionsDueTo");
                params.put("actionsDueTo", d.actionsDueTo());
            }
            sql.append(')');
        }
        if (d.actionOwnerId() != null) {
            sql.append(" and c.status <> 'CLOSED' and exists (select 1 from capa_action oa where oa.capa_id = c.id"
                    + " and oa.owner_id = :actionOwner and oa.done = false and oa.round_no = c.round_no)");
            params.put("actionOwner", d.actionOwnerId());
        }
        if (d.openedById() != null) {
            sql.append(" and c.opened_by = :openedById");
            params.put("openedById", d.openedById());
        }
        if (d.checkedFrom() != null || d.checkedTo() != null) {
            sql.append(" and exists (select 1 from capa_check ck where ck.capa_id = c.id");
            between(sql, params, "ck.checked_at", "checked", d.checkedFrom(), d.checkedTo());
            sql.append(')');
        }
    }

    /** {@code column} (a timestamp) on the company days from..to, both included; either may be null. */
    private void between(StringBuilder sql, Map<String, Object> params, String column, String name, LocalDate from,
                         LocalDate to) {
        if (from != null) {
            sql.append(" and ").append(column).append(" >= :").append(name).append("From");
            params.put(name + "From", java.sql.Timestamp.from(from.atStartOfDay(zone).toInstant()));
        }
        if (to != null) {
            sql.append(" and ").append(column).append(" < :").append(name).append("To");
            params.put(name + "To", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
    }

    /** Overdue: a not-closed CAPA with an open action of its current round past its due date. */
    private static final String OVERDUE = """
            (c.status <> 'CLOSED' and exists (select 1 from capa_action a where a.capa_id = c.id and a.done = false
             and a.round_no = c.round_no and a.due_date < :today))""";

    // ---- helpers -----------------------------------------------------------------------------

    private Capa create(OpenCapa cmd) {
        if (cmd == null) {
            throw new InvalidInputException("command", "required", Text.of("error.capa.capa-open-required"));
        }
        CurrentUser me = users.current().orElse(null);
        Capa c = Capa.open(numbers.next(RECORD_TYPE), new Capa.Opening(cmd.sourceType(), cmd.sourceId(), cmd.sourceKey(),
                cmd.sourceCode(), cmd.problem(), cmd.customerId(), cmd.departmentId(), cmd.eightD()),
                me == null ? null : me.id(), actor(), now());
        capas.saveAndFlush(c);
        audit.created(c);
        events.publishEvent(new CapaOpened(c.getId(), c.getCode(), refs(c), c.getCustomerId()));
        return c;
    }

    private Detail change(long id, Long version, String action, Consumer<Capa> step) {
        Capa c = load(id);
        audit.change(c, version, c.getVersion(), action, step, capas::saveAndFlush);
        return detail(id);
    }

    /** The CAPA if the reader's scope reaches it (department, opener or action owner); the system reaches all. */
    private Capa load(long id) {
        Capa c = capas.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
        CurrentUser me = users.current().orElse(null);
        if (me != null && !me.scope().allows(c.getDepartmentId(), c.getOpenedBy())
                && c.getActions().stream().noneMatch(a -> a.getOwnerId() == me.id())) {
            throw new NotFoundException(RECORD_TYPE, id);
        }
        return c;
    }

    private CapaSummary summary(Capa c) {
        List<CapaAction> current = c.currentActions();
        int done = (int) current.stream().filter(CapaAction::isDone).count();
        return new CapaSummary(c.getId(), c.getCode(), c.getStatus(), current.size(), done, c.allActionsDone(),
                c.getEffective(), c.getReopenCount(), c.getEffectivenessCheckDue(), c.getClosedAt());
    }

    private static List<SourceRef> refs(Capa c) {
        return c.getSources().stream().map(s -> new SourceRef(s.getSourceType(), s.getSourceId(), s.getSourceCode()))
                .toList();
    }

    private String ownerName(String field, Long userId) {
        if (userId == null) {
            throw new InvalidInputException(field, "required", Text.of("error.capa.action-owner-required"));
        }
        return jdbc.sql("select display_name from org_user where id = :id and active = true").param("id", userId)
                .query(String.class).optional().orElseThrow(() -> new InvalidInputException(field, "exists",
                        Text.of("error.customer.no-active-user-0-2", userId)));
    }

    private void requireDepartment(long id) {
        if (jdbc.sql("select count(*) from org_department where id = :id and active = true").param("id", id)
                .query(Long.class).single() == 0) {
            throw new InvalidInputException("departmentId", "exists", Text.of("error.servicedesk.no-active-department-0", id));
        }
    }

    private String departmentName(Long id) {
        return id == null ? null : jdbc.sql("select name from org_department where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    private EffectivenessRule rule() {
        return new EffectivenessRule(zone, properties.effectivenessDays());
    }

    private String actor() {
        return users.current().map(CurrentUser::displayName).orElse(SYSTEM_ACTOR);
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    private OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
