package com.careloop.servicedesk.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.careloop.platform.Texts;
import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.Masking;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.ListSort;
import com.careloop.platform.SearchPlanning;
import com.careloop.platform.SearchWindows;
import com.careloop.servicedesk.Channel;
import com.careloop.servicedesk.FieldServiceKind;
import com.careloop.servicedesk.Priority;
import com.careloop.servicedesk.RequestStatus;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceDeskViews.CallbackView;
import com.careloop.servicedesk.ServiceDeskViews.Deadlines;
import com.careloop.servicedesk.ServiceDeskViews.Detail;
import com.careloop.servicedesk.ServiceDeskViews.Filter;
import com.careloop.servicedesk.ServiceDeskViews.MaterialView;
import com.careloop.servicedesk.ServiceDeskViews.NoteView;
import com.careloop.servicedesk.ServiceDeskViews.Page;
import com.careloop.servicedesk.ServiceDeskViews.PauseView;
import com.careloop.servicedesk.ServiceDeskViews.QueueCounts;
import com.careloop.servicedesk.ServiceDeskViews.Row;
import com.careloop.servicedesk.ServiceDeskViews.SignOffView;
import com.careloop.servicedesk.ServiceDeskViews.Target;
import com.careloop.servicedesk.ServiceDeskViews.TimelineEntry;
import com.careloop.platform.Text;
import com.careloop.platform.TextMatches;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The reads of the service desk as SQL projections: the queue (keyset-paged) and the request page. */
@Component
public class ServiceRequestQueries {

    /** A running deadline has passed (paused requests have their clock stopped). */
    static final String OVERDUE = """
            (r.status not in ('CLOSED', 'PAUSED') and ((r.responded_at is null and r.response_due_at < :now)
              or (r.completed_at is null and r.completion_due_at < :now)))""";

    /** Past the warning share of a running target, not yet overdue. */
    static final String DUE_SOON = "(r.status not in ('CLOSED', 'PAUSED') and not " + OVERDUE + """
             and ((r.responded_at is null and r.response_warn_at <= :now)
              or (r.completed_at is null and r.completion_warn_at <= :now)))""";

    /**
     * The earliest warning of a running target (null when none runs): past it is the same as the warning part of
     * {@link #DUE_SOON}. PostgreSQL indexes it over the requests whose clock runs (V161).
     */
    static final String RUNNING_WARNING = "least(case when r.responded_at is null then r.response_warn_at end,"
            + " case when r.completed_at is null then r.completion_warn_at end)";

    private final JdbcClient jdbc;
    /** On PostgreSQL the keyword goes through the bigram and trigram indexes; elsewhere a plain LIKE. */
    private final boolean postgres;

    /** How many of the newest requests a keyword search looks at first (careloop.servicedesk.search-window). */
    private final int searchWindow;
    private final Texts texts;
    private final java.time.ZoneId zone;
    private final OpenRequestTally tally;
    private final OpenAtTally openAtTally;

    ServiceRequestQueries(JdbcClient jdbc, javax.sql.DataSource dataSource,
                          @org.springframework.beans.factory.annotation.Value("${careloop.servicedesk.search-window:10000}")
                          int searchWindow, Texts texts, com.careloop.platform.CareLoopProperties platform,
                          OpenRequestTally tally, OpenAtTally openAtTally) {
        this.openAtTally = openAtTally;
        this.texts = texts;
        this.zone = platform.zone();
        this.jdbc = jdbc;
        this.searchWindow = searchWindow;
        this.postgres = com.careloop.platform.Databases.isPostgres(dataSource);
        this.tally = tally;
    }

    /**
     * The queue's sortable columns (request key → SQL over the request row alone, so every indexed keyword branch can
     * order by it too); ties broken by id.
     */
    public static final Map<String, ListSort.Column> SORTS = Map.of(
            "code", ListSort.Column.text("r.code"),
            "registeredAt", ListSort.Column.time("r.registered_at"),
            "status", ListSort.Column.text("r.status"),
            "priority", ListSort.Column.number(
                    "case r.priority when 'URGENT' then 4 when 'HIGH' then 3 when 'NORMAL' then 2 else 1 end"),
            "customer", ListSort.Column.text("coalesce(r.customer_name, '')"),
            "title", ListSort.Column.text("r.title"),
            "dueAt", ListSort.Column.time(
                    "case when r.responded_at is null then r.response_due_at else r.completion_due_at end"));

    public Page search(Filter f, String cursor, int limit, CurrentUser me, Instant now) {
        return search(f, null, cursor, limit, me, now);
    }

    /**
     * The queue sorted by {@code sort} (a key of {@link #SORTS}, '-' descending; default newest first). The windows
     * over the newest ids below serve the default order only; another sort asks the whole table (keyset-paged under
     * that sort).
     */
    public Page search(Filter f, String sort, String cursor, int limit, CurrentUser me, Instant now) {
        ListSort order = ListSort.parse(sort, SORTS, "r.id", "-id");
        Filter filter = f == null ? Filter.none() : f;
        String q = filter.q() == null ? "" : filter.q().trim().toLowerCase();
        Long byNumber = q.isEmpty() ? null : TextMatches.byNumber(jdbc, "service_request", filter.q());
        if (byNumber != null) {
            // a whole request number: that request, one probe of the unique index of the number (a zero-padded one,
            // TM005000000, read ~9,000 pages of trigram posting lists at ten million: its trigrams are in most numbers)
            return page(filter, order, cursor, null, "", List.of(), limit, me, now, false, byNumber);
        }
        List<String> branches = postgres ? indexedKeyword(q) : List.of();
        boolean newestFirst = order.param().equals("-id");
        if (!newestFirst) {
            return page(filter, order, cursor, null, q, branches, limit, me, now, false);
        }
        Long before = cursor != null && !cursor.isBlank() ? parseCursor(cursor) : null;
        if (!branches.isEmpty()) {
            // Each branch must be planned for the keyword at hand (a frequent word walks the newest rows, a rare one
            // reads the index): a cached generic plan would walk a million rows for a rare one. SET LOCAL: this
            // transaction only (ServiceDesk.search is transactional).
            SearchPlanning.customPlans(jdbc, postgres);
            // Windows first, as the customer search does (SearchWindows). They bound the walk of the newest rows the
            // planner picks for a word it believes frequent: '漏水' in no description but in the statistics walked all
            // 1,000,000 requests (2.9 s). A window with some matches is widened by their density, unless their density
            // says the index reads all of them for less than a walk for a page (a phone's last four digits: a few
            // hundred matches in a million); one with none ends the windows the same way. Each look-up reads only the
            // ids below the one before (its matches are kept), so a small first window costs a keyword of middling
            // density nothing more than a large one would.
            long top = before != null ? before
                    : jdbc.sql("select coalesce(max(id), 0) + 1 from service_request").query(Long.class).single();
            List<Row> found = new ArrayList<>();
            String below = cursor;
            long window = searchWindow;
            for (int step = 0; step < WINDOW_STEPS && window < top / 2; step++) {
                long floor = top - window;
                String above = below;
                Page windowed = SearchPlanning.withoutBitmapScans(jdbc, postgres, () ->
                        rest(filter, order, above, floor, q, branches, limit, found, me, now, false));
                if (windowed != null) {
                    return windowed;
                }
                below = String.valueOf(floor);
                if (SearchWindows.indexCheaper(window, found.size(), limit, top)) {
                    // The planner's default estimate for the keyword (0.5 % for the bigram test) would still walk the
                    // newest ids looking for a page (0.7 s for a word in no description, 0.2 s for '1732'); ordering
                    // by an expression makes it read the index. First the matches among the newest ids the density
                    // says hold a page (the keyword's index intersected with the ids' block ranges, V200): at ten
                    // million requests '1900' reads 631 heap pages instead of 5,939.
                    if (!found.isEmpty() && postgres) {
                        long rareFloor = top - SearchWindows.wider(window, found.size(), limit);
                        String newer = below;
                        Page rare = SearchPlanning.withoutIndexScans(jdbc, true, () ->
                                rest(filter, order, newer, rareFloor, q, branches, limit, found, me, now, true));
                        if (rare != null) {
                            return rare;
                        }
                        below = String.valueOf(rareFloor);
                    }
                    return rest(filter, order, below, null, q, branches, limit, found, me, now, true);
                }
                window = SearchWindows.wider(window, found.size(), limit);
            }
            return rest(filter, order, below, null, q, branches, limit, found, me, now, false);
        }
        return page(filter, order, cursor, null, q, branches, limit, me, now, false);
    }

    /**
     * The matches in [floor, below) after the {@code found} ones above: the page when they complete it (the newest
     * {@code limit} and a cursor when more follow), else null with the new matches added to {@code found}. Without a
     * floor it is always the page.
     */
    private Page rest(Filter filter, ListSort order, String below, Long floor, String q, List<String> branches,
                      int limit, List<Row> found, CurrentUser me, Instant now, boolean rare) {
        // one more than the page still needs, so that a page completed exactly knows whether more follow
        int wanted = Math.max(limit - found.size(), 1);
        Page more = page(filter, order, below, floor, q, branches, wanted, me, now, rare);
        if (found.size() + more.items().size() > limit || more.nextCursor() != null) {
            List<Row> items = new ArrayList<>(found);
            items.addAll(more.items());
            List<Row> page = items.subList(0, limit);
            return new Page(List.copyOf(page), String.valueOf(page.get(limit - 1).id()));
        }
        found.addAll(more.items());
        return floor == null ? new Page(List.copyOf(found), null) : null;
    }

    /** Window look-ups at most before the unbounded one. */
    static final int WINDOW_STEPS = 3;

    private Page page(Filter filter, ListSort order, String cursor, Long floor, String q, List<String> branches, int limit,
                      CurrentUser me, Instant now, boolean rare) {
        return page(filter, order, cursor, floor, q, branches, limit, me, now, rare, null);
    }

    /** {@code byNumber}: the id of the request whose whole number is the keyword (then q is empty), or null. */
    private Page page(Filter filter, ListSort order, String cursor, Long floor, String q, List<String> branches, int limit,
                      CurrentUser me, Instant now, boolean rare, Long byNumber) {
        var scope = me.scope().condition("r.department_id", "r.assignee_id", "r.registered_by");
        // The conditions on the request row alone: scope, filters, the keyset position and the window.
        StringBuilder where = new StringBuilder(scope.sql());
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("now", Timestamp.from(now));
        params.put("limit", limit + 1);
        filter(filter, me, where, params);
        order.after(cursor, where, params);
        if (floor != null) {
            where.append(" and r.id >= :floor");
            params.put("floor", floor);
        }
        if (byNumber != null) {
            where.append(" and r.id = :byNumber");
            params.put("byNumber", byNumber);
        }
        // a phone number or its last digits: the caller, through the indexed last four digits (V60)
        var phone = com.careloop.platform.SearchProvider.Query.of(q);
        String phoneCondition = phone.digits() == null ? null
                : "(r.contact_phone_tail = :phoneTail and r.contact_phone_digits like :phoneDigits)";
        if (phoneCondition != null) {
            params.put("phoneTail", phone.phoneTail());
            params.put("phoneDigits", "%" + phone.digits());
        }
        if (!q.isEmpty()) {
            params.put("q", q);
            params.put("kw", "%" + q + "%");
            if (q.length() > 5) {
                params.put("codeTail", "%" + q.substring(q.length() - 5) + "%");
            }
        }
        StringBuilder sql = new StringBuilder("""
                select r.id, r.code, r.title, r.request_type, r.status, r.priority, r.channel, r.customer_id,
                       r.customer_name, r.key_customer, r.unit_room, r.department_id, d.name department_name,
                       r.assignee_id, u.display_name assignee_name, r.registered_at, r.response_due_at,
                       r.completion_due_at, r.version,
                       case when r.responded_at is null then r.response_due_at else r.completion_due_at end due_at,
                       case when""").append(' ').append(OVERDUE).append("""
                 then 1 else 0 end overdue,
                       case when""").append(' ').append(DUE_SOON).append("""
                 then 1 else 0 end due_soon""").append(order.selectColumn()).append("""
                from service_request r
                left join org_department d on d.id = r.department_id
                left join org_user u on u.id = r.assignee_id
                where""").append(' ');
        if (branches.isEmpty()) {
            sql.append(where);
            if (!q.isEmpty()) {
                sql.append(" ").append("""
                        and (lower(r.title) like :kw or lower(r.description) like :kw or lower(r.customer_name) like :kw
                          or r.unit_room like :kw or lower(r.code) like :kw""").append(
                        phoneCondition == null ? ")" : " or " + phoneCondition + ")");
            }
        } else {
            // The newest page of each indexed branch; the newest page of their union is among them.
            sql.append("r.id in (");
            if (phoneCondition != null) {
                branches = new ArrayList<>(branches);
                branches.add(phoneCondition);
            }
            for (int i = 0; i < branches.size(); i++) {
                sql.append(i == 0 ? "" : " union all ").append("(select r.id from service_request r where ").append(where)
                        .append(" and ").append(branches.get(i)).append(rare ? " order by r.id + 0 desc" : order.orderBy())
                        .append(" limit :limit)");
            }
            sql.append(")");
        }
        sql.append(order.orderBy()).append(" limit :limit");
        var slice = order.page(jdbc.sql(sql.toString()).params(params).query(order.mapper(this::row)).list(), limit);
        return new Page(slice.items(), slice.nextCursor());
    }

    /**
     * The searched text of a request as one string (V178 indexes it twice: trigrams and character bigrams): title,
     * description, customer and record number, separated by chr(1), which no keyword holds, so a keyword never matches
     * across two fields. The index expressions of V178 must stay the same as this one.
     */
    static final String SEARCH_TEXT = "r.title || chr(1) || coalesce(r.description, '') || chr(1)"
            + " || coalesce(r.customer_name, '') || chr(1) || r.code";

    /**
     * The keyword as conditions that an index serves (PostgreSQL), each asked for its newest page: the searched text
     * (V178) and the room (V51). On the text, a 2-character fragment goes through the character bigrams (containing
     * the fragment's only bigram is the same as containing the fragment), 3 or more letters and digits through the
     * trigrams, 3 or more with a separator through the bigrams again (trigrams would split "12-05" into padded short
     * words that half the titles have, and the index would hand back tens of thousands of rows to check); strpos is
     * the same test as LIKE, cheap, run first where the planner walks the newest rows instead. A keyword of letters,
     * digits and '-' longer than 5 characters may be a record number, whose prefix and year are in every row: the
     * index is asked for its last 5 characters and strpos keeps exactly the rows containing the whole keyword. An
     * empty list means the portable LIKE: no keyword, a single character, or LIKE wildcards in it (which the index
     * conditions would not interpret).
     */
    static List<String> indexedKeyword(String q) {
        if (q.length() < 2 || q.indexOf('%') >= 0 || q.indexOf('_') >= 0 || q.indexOf('\\') >= 0) {
            return List.of();
        }
        String text = "lower(" + SEARCH_TEXT + ")";
        String contains = "strpos(" + text + ", :q) > 0";
        if (q.length() == 2 || !q.codePoints().allMatch(Character::isLetterOrDigit)) {
            return List.of("careloop_bigrams(" + SEARCH_TEXT + ") @> careloop_bigrams(:q) and " + contains, ROOM);
        }
        boolean code = q.chars().allMatch(ch -> ch == '-' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z'));
        // a tail with "00" (the zero padding: "00021") has trigrams in most numbers and gains nothing
        boolean byTail = code && q.length() > 5 && !q.substring(q.length() - 5).contains("00");
        return List.of(byTail ? text + " like :codeTail and " + contains : text + " like :kw", ROOM);
    }

    /** The room values matching, then their requests through (unit_room, id) — V51. */
    private static final String ROOM =
            "r.unit_room in (select v.unit_room from service_request_room_value v where v.unit_room like :kw)";

    /**
     * All the queue counters of the open requests in scope. On PostgreSQL the ones fixed by a request's group
     * (status, department, assignee, registrar, key customer) are summed over the open-request tally's groups (V160,
     * O(groups)), and only the time-dependent two (due soon, overdue) read requests: those past a warning or a
     * deadline (the earliest running warning, V161). Elsewhere one pass over the open requests.
     */
    public QueueCounts counts(CurrentUser me, Instant now) {
        var scope = me.scope().condition("r.department_id", "r.assignee_id", "r.registered_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("now", Timestamp.from(now));
        params.put("me", me.id());
        params.put("myDepartment", me.departmentId() == null ? -1L : me.departmentId());
        String n = tally.kept() ? "n" : "1";
        String grouped = "select coalesce(sum(" + n + "), 0) open_count,"
                + " coalesce(sum(case when r.assignee_id = :me then " + n + " else 0 end), 0) mine,"
                + " coalesce(sum(case when r.department_id = :myDepartment then " + n + " else 0 end), 0) department,"
                + " coalesce(sum(case when r.status = 'REGISTERED' then " + n + " else 0 end), 0) unassigned,"
                + " coalesce(sum(case when r.status = 'PAUSED' then " + n + " else 0 end), 0) paused,"
                + " coalesce(sum(case when r.key_customer = true then " + n + " else 0 end), 0) key_customers";
        String timed = " coalesce(sum(case when " + DUE_SOON + " then 1 else 0 end), 0) due_soon,"
                + " coalesce(sum(case when " + OVERDUE + " then 1 else 0 end), 0) overdue"
                + " from service_request r where r.status <> 'CLOSED' and " + scope.sql();
        String sql = tally.kept()
                ? "select g.*, t.* from (" + grouped + " from " + OpenRequestTally.GROUPS + " where " + scope.sql()
                        + ") g cross join (select" + timed + " and " + PAST_WARNING_OR_DEADLINE + ") t"
                : grouped + "," + timed;
        return jdbc.sql(sql).params(params).query((rs, k) -> new QueueCounts(rs.getLong("open_count"),
                rs.getLong("mine"), rs.getLong("department"), rs.getLong("unassigned"), rs.getLong("due_soon"),
                rs.getLong("overdue"), rs.getLong("paused"), rs.getLong("key_customers"))).single();
    }

    /**
     * A running target past its warning (every due-soon or overdue request: a warning comes before its deadline,
     * careloop.servicedesk.warn-at is at most 0.99 of the target), so PostgreSQL reads only those requests through
     * the index of V161.
     */
    static final String PAST_WARNING_OR_DEADLINE = "r.status not in ('CLOSED', 'PAUSED') and " + RUNNING_WARNING
            + " <= :now";

    private void filter(Filter f, CurrentUser me, StringBuilder sql, Map<String, Object> params) {
        if (f.status() != null) {
            sql.append(" and r.status = :status");
            if (f.status() != RequestStatus.CLOSED) {
                // said as a constant, so that a generic plan may read the index of the open statuses too (V189)
                sql.append(" and r.status <> 'CLOSED'");
            }
            params.put("status", f.status().name());
        }
        if (f.type() != null) {
            sql.append(" and r.request_type = :type");
            params.put("type", f.type().name());
        }
        if (f.departmentId() != null) {
            sql.append(" and r.department_id = :department");
            params.put("department", f.departmentId());
        }
        if (f.assigneeId() != null) {
            sql.append(" and r.assignee_id = :assignee");
            params.put("assignee", f.assigneeId());
        }
        if (Boolean.TRUE.equals(f.mine())) {
            sql.append(" and r.assignee_id = :me");
            params.put("me", me.id());
        }
        if (Boolean.TRUE.equals(f.unassigned())) {
            sql.append(" and r.status = 'REGISTERED'");
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            sql.append(" and ").append(OVERDUE);
        }
        if (Boolean.TRUE.equals(f.dueSoon())) {
            sql.append(" and ").append(DUE_SOON);
            if (postgres) {
                // the same requests, said so that the index of V161 finds them
                sql.append(" and ").append(RUNNING_WARNING).append(" <= :now");
            }
        }
        if (f.customerId() != null) {
            sql.append(" and r.customer_id = :customer");
            params.put("customer", f.customerId());
        }
        if (f.categoryId() != null) {
            sql.append(" and r.category_id = :category");
            params.put("category", f.categoryId());
        }
        if (f.priority() != null) {
            sql.append(" and r.priority = :priority");
            params.put("priority", f.priority().name());
        }
        if (Boolean.TRUE.equals(f.paused())) {
            sql.append(" and r.status = 'PAUSED'");
        }
        if (Boolean.TRUE.equals(f.keyOnly())) {
            sql.append(" and r.key_customer = true");
        }
        if (f.channel() != null) {
            sql.append(" and r.channel = :channel");
            params.put("channel", f.channel().name());
        }
        // company days, both included: [first midnight, midnight after the last)
        if (f.registeredFrom() != null) {
            sql.append(" and r.registered_at >= :registeredFrom");
            params.put("registeredFrom", midnight(f.registeredFrom(), zone));
        }
        if (f.registeredTo() != null) {
            sql.append(" and r.registered_at < :registeredTo");
            params.put("registeredTo", midnight(f.registeredTo().plusDays(1), zone));
        }
        if (f.completedFrom() != null) {
            sql.append(" and r.completed_at >= :completedFrom");
            params.put("completedFrom", midnight(f.completedFrom(), zone));
        }
        if (f.completedTo() != null) {
            sql.append(" and r.completed_at < :completedTo");
            params.put("completedTo", midnight(f.completedTo().plusDays(1), zone));
        }
        if (f.openOn() != null) {
            sql.append(" and ").append(OPEN_AT);
            params.put("openAt", midnight(f.openOn().plusDays(1), zone));
        }
        registeredIds(f, sql, params);
        if (f.dueOn() != null) {
            sql.append(" and ").append(DUE_BETWEEN);
            params.put("dueFrom", midnight(f.dueOn(), zone));
            params.put("dueTo", midnight(f.dueOn().plusDays(1), zone));
        }
    }

    /**
     * The id range of the requests the period filters let through (PostgreSQL, from the registration rows of the
     * open-at tally, V191): implied by the filters, so the answer is the same, but the newest-first walk of the
     * primary key starts at the period's newest request instead of today's (a week a year back: 105,825 buffers at
     * ten million requests) and stops at its oldest.
     */
    private void registeredIds(Filter f, StringBuilder sql, Map<String, Object> params) {
        if (!openAtTally.kept()) {
            return;
        }
        if (f.registeredFrom() != null) {
            Long first = openAtTally.firstIdFrom(midnight(f.registeredFrom(), zone).toInstant());
            if (first != null) {
                sql.append(" and r.id >= :registeredFirstId");
                params.put("registeredFirstId", first);
            }
        }
        java.time.LocalDate lastDay = f.registeredTo();
        if (f.openOn() != null && (lastDay == null || f.openOn().isBefore(lastDay))) {
            lastDay = f.openOn(); // open on a day: registered before its end
        }
        if (lastDay != null) {
            Long last = openAtTally.lastIdBefore(midnight(lastDay.plusDays(1), zone).toInstant());
            if (last != null) {
                sql.append(" and r.id <= :registeredLastId");
                params.put("registeredLastId", last);
            }
        }
    }

    /** Registered before {@code :openAt} and not closed by then (a request closed later was open at that time). */
    static final String OPEN_AT = "(r.registered_at < :openAt and (r.closed_at is null or r.closed_at >= :openAt))";

    /** A running deadline (response until responded, completion until completed) in [:dueFrom, :dueTo). */
    static final String DUE_BETWEEN = """
            (r.status not in ('CLOSED', 'PAUSED') and ((r.responded_at is null and r.response_due_at >= :dueFrom
              and r.response_due_at < :dueTo) or (r.completed_at is null and r.completion_due_at >= :dueFrom
              and r.completion_due_at < :dueTo)))""";

    static Timestamp midnight(java.time.LocalDate day, java.time.ZoneId zone) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                RequestType.valueOf(rs.getString("request_type")), RequestStatus.valueOf(rs.getString("status")),
                Priority.valueOf(rs.getString("priority")), Channel.valueOf(rs.getString("channel")),
                (Long) rs.getObject("customer_id", Long.class), rs.getString("customer_name"),
                rs.getBoolean("key_customer"), rs.getString("unit_room"), (Long) rs.getObject("department_id", Long.class),
                rs.getString("department_name"), (Long) rs.getObject("assignee_id", Long.class),
                rs.getString("assignee_name"), instant(rs, "registered_at"), instant(rs, "response_due_at"),
                instant(rs, "completion_due_at"), rs.getInt("overdue") == 1, rs.getLong("version"),
                instant(rs, "due_at"), rs.getInt("due_soon") == 1);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "format", Text.of("error.customer.invalid-cursor"));
        }
    }
}
