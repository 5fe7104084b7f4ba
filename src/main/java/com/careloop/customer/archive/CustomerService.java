package com.careloop.customer.archive;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.careloop.customer.CustomerKind;
import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.Masking;
import com.careloop.customer.Segment;
import com.careloop.customer.archive.CustomerCommands.SaveCustomer;
import com.careloop.customer.archive.CustomerViews.ContactView;
import com.careloop.customer.archive.CustomerViews.Detail;
import com.careloop.customer.archive.CustomerViews.Duplicate;
import com.careloop.customer.archive.CustomerViews.Filter;
import com.careloop.customer.archive.CustomerViews.Page;
import com.careloop.customer.archive.CustomerViews.Row;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.SearchPlanning;
import com.careloop.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer archive: register, edit, deactivate, search. Every read applies the reader's data
 * scope (an account representative with own-records scope sees the customers they or their deputy
 * serve) and masks phone and ID numbers unless the reader may see them.
 */
@Service
@Transactional
public class CustomerService {

    public static final String RECORD_TYPE = "customer";

    private final CustomerRepository customers;
    private final CustomerBatchInsert bulk;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final RecordNumbers numbers;
    private final CurrentUsers users;
    private final Clock clock;
    private final boolean postgres;

    CustomerService(CustomerRepository customers, CustomerBatchInsert bulk, JdbcClient jdbc, AuditTrail audit,
                    RecordNumbers numbers, CurrentUsers users, Clock clock, javax.sql.DataSource dataSource,
                    @org.springframework.beans.factory.annotation.Value("${careloop.customer.search-window:20000}") int searchWindow) {
        this.searchWindow = searchWindow;
        this.postgres = com.careloop.platform.Databases.isPostgres(dataSource);
        this.customers = customers;
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.audit = audit;
        this.numbers = numbers;
        this.users = users;
        this.clock = clock;
    }

    // ---- writes ------------------------------------------------------------------------------

    /** Registers a customer; a possible duplicate (same name or phone) is refused unless confirmed. */
    public Detail register(SaveCustomer cmd) {
        if (!Boolean.TRUE.equals(cmd.confirmDuplicate())) {
            List<Duplicate> duplicates = duplicates(cmd.name(), cmd.phone(), null);
            if (!duplicates.isEmpty()) {
                throw new DomainException("customer.possible-duplicate", Text.of("error.customer.possible-duplicate"),
                        Map.of("duplicates", duplicates));
            }
        }
        Customer c = Customer.register(numbers.next(RECORD_TYPE), profile(cmd), departmentFor(cmd), contacts(cmd), now());
        customers.saveAndFlush(c);
        audit.created(c);
        return detail(c.getId());
    }

    /**
     * Registers customers whose rules and duplicates the caller has already checked (the Excel
     * import): the same aggregate factory, record numbers and audit entries as {@link #register},
     * but the numbers taken as one block, no per-customer duplicate query or read-back, and the rows
     * and audit entries written with JDBC batches ({@link CustomerBatchInsert},
     * {@link AuditTrail#createdAll}) instead of one JPA insert per row. The returned customers are
     * not managed by JPA: read them back through {@link #load} if you need the aggregate.
     */
    public List<Customer> registerAll(List<SaveCustomer> cmds) {
        List<String> codes = numbers.next(RECORD_TYPE, cmds.size());
        Map<List<Long>, Long> departments = new java.util.HashMap<>();
        Instant now = now();
        List<Customer> registered = new ArrayList<>(cmds.size());
        for (int i = 0; i < cmds.size(); i++) {
            SaveCustomer cmd = cmds.get(i);
            Long department = departments.computeIfAbsent(java.util.Arrays.asList(cmd.representativeId(), cmd.deputyId()),
                    k -> departmentFor(cmd));
            registered.add(Customer.register(codes.get(i), profile(cmd), department, contacts(cmd), now));
        }
        bulk.insert(registered, now);
        audit.createdAll(registered);
        return registered;
    }

    public Detail update(long id, SaveCustomer cmd) {
        Customer c = load(id);
        com.careloop.platform.Versions.requireCurrent(cmd.version(), c.getVersion(), "customer", id);
        var before = c.auditState();
        c.apply(profile(cmd), departmentFor(cmd), contacts(cmd), now());
        customers.saveAndFlush(c);
        audit.changed(c, "UPDATE", before);
        return detail(id);
    }

    public Detail deactivate(long id) {
        Customer c = load(id);
        var before = c.auditState();
        c.deactivate(now());
        customers.saveAndFlush(c);
        audit.changed(c, "DEACTIVATE", before);
        return detail(id);
    }

    public Detail activate(long id) {
        Customer c = load(id);
        var before = c.auditState();
        c.activate(now());
        customers.saveAndFlush(c);
        audit.changed(c, "ACTIVATE", before);
        return detail(id);
    }

    /** The aggregate, if the current user's scope reaches it (otherwise: not found). */
    public Customer load(long id) {
        Customer c = customers.findById(id).orElseThrow(() -> new NotFoundException("customer", id));
        CurrentUser me = users.require();
        if (!me.scope().allows(c.getDepartmentId(), c.getRepresentativeId(), c.getDeputyId())) {
            throw new NotFoundException("customer", id);
        }
        return c;
    }

    private static Customer.Profile profile(SaveCustomer c) {
        return new Customer.Profile(c.name().trim(), c.kind(), blank(c.phone()), blank(c.email()), blank(c.idNumber()),
                c.birthday(), blank(c.occupation()), blank(c.address()), blank(c.project()), blank(c.room()),
                blank(c.industry()), blank(c.region()), blank(c.source()), blank(c.tags()), blank(c.remarks()),
                c.representativeId(), c.deputyId());
    }

    private static List<Customer.Contact> contacts(SaveCustomer c) {
        if (c.contacts() == null) {
            return List.of();
        }
        return c.contacts().stream().map(k -> new Customer.Contact(k.name().trim(), blank(k.title()), blank(k.phone()),
                blank(k.email()), Boolean.TRUE.equals(k.primary()), blank(k.remarks()))).toList();
    }

    /** The customer belongs to its representative's department (for department data scopes). */
    private Long departmentFor(SaveCustomer cmd) {
        Long rep = userDepartment("representativeId", cmd.representativeId());
        userDepartment("deputyId", cmd.deputyId());
        if (cmd.representativeId() != null && cmd.representativeId().equals(cmd.deputyId())) {
            throw new InvalidInputException("deputyId", "differs", Text.of("error.customer.deputy-someone-other-than"));
        }
        return cmd.representativeId() != null ? rep : users.current().map(CurrentUser::departmentId).orElse(null);
    }

    /** The department of an active user; 422 on {@code field} when there is no such user or they have no department. */
    private Long userDepartment(String field, Long userId) {
        if (userId == null) {
            return null;
        }
        // wrapped: a null department_id mapped as is would look like no row at all (optional() drops a null)
        Optional<Long> department = jdbc.sql("select department_id from org_user where id = :id and active = true")
                .param("id", userId).query((rs, n) -> Optional.ofNullable(rs.getObject(1, Long.class))).optional()
                .orElseThrow(() -> new InvalidInputException(field, "exists", Text.of("error.customer.no-active-user-0-2", userId)));
        return department.orElseThrow(() -> new InvalidInputException(field, "department",
                Text.of("error.customer.user-no-department", String.valueOf(userId))));

    }

    // ---- reads -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Duplicate> duplicates(String name, String phone, Long excludeId) {
        String n = name == null ? "" : name.trim();
        String p = phone == null ? "" : phone.trim();
        if (n.isEmpty() && p.isEmpty()) {
            return List.of();
        }
        boolean mask = !users.current().map(u -> u.can(CustomerPermissions.VIEW_SENSITIVE)).orElse(false);
        return jdbc.sql("""
                select c.id, c.code, c.name, c.phone,
                       case when c.name = :name then 'name' else 'phone' end matched
                from customer c
                where c.active = true and c.id <> :exclude and (c.name = :name or (:phone <> '' and (c.phone = :phone
                      or exists (select 1 from customer_contact k where k.customer_id = c.id and k.phone = :phone))))
                order by c.id limit 5""")
                .param("name", n).param("phone", p).param("exclude", excludeId == null ? -1L : excludeId)
                .query((rs, i) -> new Duplicate(rs.getLong(1), rs.getString(2), rs.getString(3),
                        mask ? Masking.phone(rs.getString(4)) : rs.getString(4), rs.getString(5)))
                .list();
    }

    /**
     * How many of the newest customers a keyword search looks at first (careloop.customer.search-window), newest
     * first, before it widens the look to older ones: a common two-character name matches thousands of customers,
     * and reading all of them from the bigram index just to keep the newest 50 is what made such searches slow.
     */
    private final int searchWindow;

    /** Window look-ups at most before the unbounded one: 20,000, then wider by the density the last one found. */
    static final int WINDOW_STEPS = 3;

    /** Keyset-paged search, newest first, within the reader's scope. */
    @Transactional(readOnly = true)
    public Page search(Filter f, String cursor, int limit) {
        CurrentUser me = users.require();
        Long before = cursor != null && !cursor.isBlank() ? parseCursor(cursor) : null;
        if (postgres && f.q() != null && !f.q().isBlank()) {
            // Each look-up is planned for its own keyword (a generic plan cached by the driver would serve a phone
            // fragment with the plan of a common name); SET LOCAL: this read-only transaction only.
            SearchPlanning.customPlans(jdbc, postgres);
            // Windows first: the ids in [top - window, top). When one holds a full page, that page is exactly the
            // page of the whole archive (every id in the window is newer than any id below it) — whatever the
            // window's size, so it is computed from the id range alone (no count of rows) and widened by the
            // density of matches the last window found, until it would cover half the ids: then the unbounded look-up, which reads as much.
            long top = before != null ? before
                    : jdbc.sql("select coalesce(max(id), 0) + 1 from customer").query(Long.class).single();
            long window = searchWindow;
            for (int step = 0; step < WINDOW_STEPS && window < top / 2; step++) {
                Page windowed = page(f, before, top - window, limit, me);
                if (windowed.nextCursor() != null) {
                    return windowed;
                }
                window = com.careloop.platform.SearchWindows.wider(window, windowed.items().size(), limit);
            }
        }
        return page(f, before, null, limit, me);
    }

    private Page page(Filter f, Long before, Long floor, int limit, CurrentUser me) {
        var scope = me.scope().condition("c.department_id", "c.representative_id", "c.deputy_id");
        StringBuilder sql = new StringBuilder("""
                select c.id, c.code, c.name, c.kind, c.phone, c.project, c.room, c.region, c.key_customer, c.segment,
                       u.display_name rep, c.active
                from customer c left join org_user u on u.id = c.representative_id
                where""").append(' ').append(scope.sql());
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        if (floor != null) {
            params.put("floor", floor);
        }
        filter(f, sql, params);
        if (before != null) {
            sql.append(" and c.id < :before");
            params.put("before", before);
        }
        sql.append(" order by c.id desc limit :limit");
        params.put("limit", limit + 1);
        boolean mask = !me.can(CustomerPermissions.VIEW_SENSITIVE);
        List<Row> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        CustomerKind.valueOf(rs.getString("kind")),
                        mask ? Masking.phone(rs.getString("phone")) : rs.getString("phone"), rs.getString("project"),
                        rs.getString("room"), rs.getString("region"), rs.getBoolean("key_customer"),
                        rs.getString("segment") == null ? null : Segment.valueOf(rs.getString("segment")),
                        rs.getString("rep"), rs.getBoolean("active")))
                .list());
        String next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            next = String.valueOf(rows.get(limit - 1).id());
        }
        return new Page(rows, next);
    }

    /**
     * The filter part of the list query (table alias {@code c}), shared with the Excel export. On
     * PostgreSQL the keyword uses the bigram and trigram indexes of V4; elsewhere a plain LIKE.
     */
    public void filter(Filter f, StringBuilder sql, Map<String, Object> params) {
        appendFilter(f, sql, params, postgres);
    }

    /** The portable form of {@link #filter}. */
    public static void appendFilter(Filter f, StringBuilder sql, Map<String, Object> params) {
        appendFilter(f, sql, params, false);
    }

    private static void appendFilter(Filter f, StringBuilder sql, Map<String, Object> params, boolean postgres) {
        if (!Boolean.TRUE.equals(f.includeInactive())) {
            sql.append(" and c.active = true");
        }
        if (f.q() != null && !f.q().isBlank()) {
            String q = f.q().trim().toLowerCase();
            params.put("kw", "%" + q + "%");
            if (postgres) {
                // = any(array(...)): the matches first, then their rows by primary key. With "in (...)" the planner,
                // misled by the union's estimate, merge-joined it with a backward walk of the whole primary key
                // (375,853 rows for a name fragment with 134 matches: 0.5 s instead of 9 ms).
                sql.append(" and c.id = any(array(").append(indexedKeyword(q, params)).append("))");
            } else {
                sql.append(" and c.id in (").append("""
                        select s.id from customer s where lower(s.name) like :kw or lower(s.code) like :kw
                          or s.phone like :kw or s.room like :kw
                        union select k.customer_id from customer_contact k where k.name like :kw or k.phone like :kw""")
                        .append(")");
            }
        }
        if (f.kind() != null) {
            sql.append(" and c.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (Boolean.TRUE.equals(f.keyOnly())) {
            sql.append(" and c.key_customer = true");
        }
        if (f.segment() != null) {
            sql.append(" and c.segment = :segment");
            params.put("segment", f.segment().name());
        }
        if (f.representativeId() != null) {
            sql.append(" and c.representative_id = :rep");
            params.put("rep", f.representativeId());
        }
        if (f.region() != null && !f.region().isBlank()) {
            sql.append(" and c.region = :region");
            params.put("region", f.region().trim());
        }
    }

    /**
     * One union branch per index, each only for a column the keyword can occur in (docs/customers.md, "How
     * search works"): names and rooms always (rooms hold Chinese, names digits); record numbers only when the
     * keyword has nothing but letters, digits and '-' (the only characters of a number prefix, year and
     * sequence); phones only when it has nothing but digits and '-' (the only characters a valid phone has). A
     * keyword with a LIKE wildcard ('%', '_', '\\') could match any character, so it asks every column. Names
     * through their character bigrams up to 2 characters (trigrams cannot index those) or with a separator, through
     * trigrams from 3 letters and digits;
     * codes and phones through trigrams from 3 characters, rooms through the trigrams of the distinct room values
     * (V51) — shorter fragments of those match exactly.
     */
    private static String indexedKeyword(String q, Map<String, Object> params) {
        params.put("q", q);
        // inside a search window each branch also keeps to ids >= :floor, so PostgreSQL can AND the GIN
        // bitmap with a primary-key range bitmap and read only the window's matches from the table
        String customers = params.containsKey("floor") ? " and s.id >= :floor" : "";
        String contacts = params.containsKey("floor") ? " and k.customer_id >= :floor" : "";
        boolean wildcards = q.indexOf('%') >= 0 || q.indexOf('_') >= 0 || q.indexOf('\\') >= 0;
        boolean code = wildcards || q.chars().allMatch(ch -> ch == '-' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z'));
        boolean phone = wildcards || q.chars().allMatch(ch -> ch == '-' || (ch >= '0' && ch <= '9'));
        List<String> branches = new ArrayList<>();
        if (q.length() < 3 || wildcards || !q.codePoints().allMatch(Character::isLetterOrDigit)) {
            // the bigrams also keep a wildcard to its literal character in names, as they always did; and a
            // separator ("3-12", "a b") would split the keyword into padded short words for the trigrams, which
            // many names have
            branches.add("select s.id from customer s where careloop_bigrams(s.name) @> careloop_bigrams(:q)"
                    + " and lower(s.name) like :kw" + customers);
            branches.add("select k.customer_id from customer_contact k where careloop_bigrams(k.name) @> careloop_bigrams(:q)"
                    + " and lower(k.name) like :kw" + contacts);
        } else {
            branches.add("select s.id from customer s where lower(s.name) like :kw" + customers);
            branches.add("select k.customer_id from customer_contact k where lower(k.name) like :kw" + contacts);
        }
        if (q.length() < 3) {
            branches.add("select s.id from customer s where s.room = :q" + customers);
            if (code) {
                branches.add("select s.id from customer s where lower(s.code) = :q" + customers);
            }
            return String.join(" union ", branches);
        }
        // the room values matching, then their customers through (room, id) — V51
        branches.add("select s.id from customer s where s.room in (select v.room from customer_room_value v"
                + " where v.room like :kw)" + customers);
        if (code) {
            branches.add("select s.id from customer s where " + codeCondition(q, params) + customers);
        }
        if (phone) {
            branches.add("select s.id from customer s where s.phone like :kw" + customers);
            branches.add("select k.customer_id from customer_contact k where k.phone like :kw" + contacts);
        }
        return String.join(" union ", branches);
    }

    /**
     * {@code lower(s.code) like :kw}, faster for a whole record number: every number shares its prefix and year,
     * so their trigrams ("kb0", "b00", "202"…) are in every row and the trigram index would read posting lists as
     * long as the table. The index is asked for the last five characters only (the end of the sequence, the rare
     * part) unless they hold "00"; every code containing the keyword contains them, and strpos keeps exactly the
     * codes containing it.
     */
    static String codeCondition(String q, Map<String, Object> params) {
        // a tail with "00" (the zero padding: "00021") has trigrams in most numbers and gains nothing
        if (q.length() <= 5 || q.substring(q.length() - 5).contains("00") || q.indexOf('%') >= 0 || q.indexOf('_') >= 0
                || q.indexOf('\\') >= 0) {
            return "lower(s.code) like :kw";
        }
        params.put("codeTail", "%" + q.substring(q.length() - 5) + "%");
        return "lower(s.code) like :codeTail and strpos(lower(s.code), :q) > 0";
    }

    private static long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "format", Text.of("error.customer.invalid-cursor"));
        }
    }

    /** A customer the reader may not see is not found; that read must not doom the caller's transaction. */
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public Detail detail(long id) {
        Customer c = load(id);
        boolean mask = !users.require().can(CustomerPermissions.VIEW_SENSITIVE);
        List<ContactView> contacts = c.getContacts().stream().map(k -> new ContactView(k.getId(), k.getName(),
                k.getTitle(), mask ? Masking.phone(k.getPhone()) : k.getPhone(), k.getEmail(), k.isPrimary(),
                k.getRemarks())).toList();
        return new Detail(c.getId(), c.getCode(), c.getName(), c.getKind(),
                mask ? Masking.phone(c.getPhone()) : c.getPhone(), c.getEmail(),
                mask ? Masking.idNumber(c.getIdNumber()) : c.getIdNumber(), c.getBirthday(), c.getOccupation(),
                c.getAddress(), c.getProject(), c.getRoom(), c.getIndustry(), c.getRegion(), c.getSource(), c.getTags(),
                c.getRemarks(), c.getRepresentativeId(), userName(c.getRepresentativeId()), c.getDeputyId(),
                userName(c.getDeputyId()), c.getDepartmentId(), c.isKeyCustomer(), c.getKeyCriterion(), c.getKeySince(),
                c.getSegment(), c.isActive(), contacts, mask, c.getVersion());
    }

    private String userName(Long id) {
        return id == null ? null : jdbc.sql("select display_name from org_user where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
