package com.careloop.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.careloop.contract.ContractClass;
import com.careloop.contract.ContractCommands;
import com.careloop.contract.ContractSource;
import com.careloop.contract.Contracts;
import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.CustomerLinks;
import com.careloop.platform.DataScope;
import com.careloop.platform.DomainException;
import com.careloop.platform.IdempotentCreates;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.ListSort;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.SignedInAs;
import com.careloop.platform.StoredFiles;
import com.careloop.platform.Text;
import com.careloop.platform.UploadedFiles;
import com.careloop.platform.calendar.CalendarService;
import com.careloop.product.ProductCommands.Demand;
import com.careloop.product.ProductViews.AnswerForm;
import com.careloop.product.ProductViews.CostSheet;
import com.careloop.product.ProductViews.DepartmentFigure;
import com.careloop.product.ProductViews.Detail;
import com.careloop.product.ProductViews.Filter;
import com.careloop.product.ProductViews.Node;
import com.careloop.product.ProductViews.NodeFigure;
import com.careloop.product.ProductViews.Page;
import com.careloop.product.ProductViews.PilotForm;
import com.careloop.product.ProductViews.ProcessSheetForm;
import com.careloop.product.ProductViews.QuotationForm;
import com.careloop.product.ProductViews.RndReportForm;
import com.careloop.product.ProductViews.Row;
import com.careloop.product.ProductViews.Statistics;
import com.careloop.product.development.DevelopmentNode;
import com.careloop.product.development.NodeForms;
import com.careloop.product.development.ProductDevelopment;
import com.careloop.product.development.ProductDevelopmentRepository;
import com.careloop.product.development.ProductProperties;
import com.careloop.product.development.WorkingDays;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Custom new-product development's service and the module's public face. Each command is one transaction: the node's
 * form, the next node opened with its due day, the audit entry and the notification of the next owner department
 * commit together; a stale version is refused with 409 ({@link AuditTrail#change}). A node is completed only by a
 * member of its owner department (or a reader whose scope is the whole company).
 */
@Service
@Transactional
public class ProductDevelopments {

    public static final String RECORD_TYPE = ProductDevelopment.RECORD_TYPE;
    public static final String NUMBER_TYPE = "product-development";
    static final String API = "/api/v1/product-developments";
    static final String FILE_SLOT = "DEMAND";

    private final ProductDevelopmentRepository developments;
    private final ProductProperties settings;
    private final CustomerDirectory customers;
    private final Contracts contracts;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final CalendarService calendars;
    private final StoredFiles files;
    private final IdempotentCreates idempotency;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final CustomerLinks links;
    private final SignedInAs signedInAs;
    private final Clock clock;
    private final ZoneId zone;

    ProductDevelopments(ProductDevelopmentRepository developments, ProductProperties settings,
                        CustomerDirectory customers, Contracts contracts, RecordNumbers numbers, AuditTrail audit,
                        CurrentUsers users, Notifications notifications, CalendarService calendars, StoredFiles files,
                        IdempotentCreates idempotency, JsonMapper json, JdbcClient jdbc, CustomerLinks links,
                        SignedInAs signedInAs, Clock clock, CareLoopProperties platform) {
        this.developments = developments;
        this.settings = settings;
        this.customers = customers;
        this.contracts = contracts;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.notifications = notifications;
        this.calendars = calendars;
        this.files = files;
        this.idempotency = idempotency;
        this.json = json;
        this.jdbc = jdbc;
        this.links = links;
        this.signedInAs = signedInAs;
        this.clock = clock;
        this.zone = platform.zone();
        idempotency.marksCreatesOf(API);
    }

    // ---- commands -----------------------------------------------------------------------------------------------

    /** Starts a development with the customer's demand form (node 1 done by the requester); R&D's node opens. */
    public Detail start(ProductCommands.Start cmd) {
        CurrentUser me = users.require();
        NodeForms.required("body", cmd);
        NodeForms.required("customerId", cmd.customerId());
        CustomerCard customer = customers.card(cmd.customerId()).filter(CustomerCard::active)
                .orElseThrow(() -> new InvalidInputException("customerId", "exists",
                        Text.of("error.product.no-customer", cmd.customerId())));
        Demand demand = NodeForms.demand(cmd.demand(), today());
        long salespersonId = cmd.salespersonId() == null ? me.id() : cmd.salespersonId();
        var salesperson = jdbc.sql("select display_name, department_id from org_user where id = :id and active = true")
                .param("id", salespersonId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, Long.class)}).optional()
                .orElseThrow(() -> new InvalidInputException("salespersonId", "exists",
                        Text.of("error.product.no-salesperson", salespersonId)));
        requireDepartment(me, departmentOf(ProductNode.DEMAND), ProductNode.DEMAND, null);
        ProductDevelopment d = ProductDevelopment.start(numbers.next(NUMBER_TYPE), customer.id(), customer.name(),
                demand.productName(), new ProductDevelopment.Actor(salespersonId, (String) salesperson[0]),
                (Long) salesperson[1], demand.requiredOn(), write(demand), plan(),
                new ProductDevelopment.Actor(me.id(), me.displayName()), today(), now(), workingDays());
        developments.saveAndFlush(d);
        audit.created(d);
        opened(d);
        idempotency.created(API + "/" + d.getId());
        return view(d);
    }

    public Detail rndReport(long id, ProductCommands.RndReport cmd) {
        RndReportForm form = NodeForms.rndReport(cmd);
        return complete(id, ProductNode.RND_REPORT, cmd.version(), d -> write(form));
    }

    public Detail processSheet(long id, ProductCommands.ProcessSheet cmd) {
        ProcessSheetForm form = NodeForms.processSheet(cmd);
        return complete(id, ProductNode.PROCESS_BOM, cmd.version(), d -> write(form));
    }

    public Detail pilot(long id, ProductCommands.Pilot cmd) {
        PilotForm form = NodeForms.pilot(cmd, today());
        return complete(id, ProductNode.PILOT, cmd.version(), d -> write(form));
    }

    /** Finance's cost calculation from the BOM (unit costs per line) and the pilot's yield. */
    public Detail cost(long id, ProductCommands.Cost cmd) {
        return complete(id, ProductNode.COST, cmd == null ? null : cmd.version(), d -> write(NodeForms.cost(cmd,
                read(d, ProductNode.PROCESS_BOM, ProcessSheetForm.class), read(d, ProductNode.PILOT, PilotForm.class))));
    }

    public Detail quotation(long id, ProductCommands.Quotation cmd) {
        return complete(id, ProductNode.QUOTATION, cmd == null ? null : cmd.version(), d -> write(NodeForms.quotation(
                cmd, read(d, ProductNode.DEMAND, Demand.class).unit(), read(d, ProductNode.COST, CostSheet.class),
                today())));
    }

    /** The quotation went to the customer: recorded on the open answer node (it stays open for the answer). */
    public Detail send(long id, ProductCommands.Send cmd) {
        ProductDevelopment d = load(id);
        CurrentUser me = users.require();
        DevelopmentNode n = d.requireOpen(ProductNode.CUSTOMER_ANSWER);
        requireDepartment(me, n.getDepartmentId(), ProductNode.CUSTOMER_ANSWER, d);
        QuotationForm sent = NodeForms.sent(read(d, ProductNode.QUOTATION, QuotationForm.class), cmd, today());
        audit.change(d, cmd.version(), d.getVersion(), "SEND_QUOTATION",
                x -> x.quotationSent(write(sent)), developments::saveAndFlush);
        return view(d);
    }

    /**
     * The customer's answer ends the development. Accepted (within the quotation's validity, else 409): a special
     * contract review is registered from the quotation (source QUOTATION, class SPECIAL, the line at the reached
     * tier's price) and submitted, and the development shows it.
     */
    public Detail answer(long id, ProductCommands.Answer cmd) {
        ProductDevelopment d = load(id);
        CurrentUser me = users.require();
        DevelopmentNode n = d.requireOpen(ProductNode.CUSTOMER_ANSWER);
        requireDepartment(me, n.getDepartmentId(), ProductNode.CUSTOMER_ANSWER, d);
        QuotationForm quotation = read(d, ProductNode.QUOTATION, QuotationForm.class);
        if (quotation == null || quotation.sentOn() == null) {
            throw DomainException.of("product.quotation-not-sent", d.getNumber());
        }
        AnswerForm form = NodeForms.answer(cmd, quotation, today());
        if (form.accepted() && form.answeredOn().isAfter(quotation.validUntil())) {
            throw DomainException.of("product.quotation-expired", d.getNumber(), quotation.validUntil().toString());
        }
        audit.change(d, cmd.version(), d.getVersion(), form.accepted() ? "ACCEPTED" : "REJECTED",
                x -> x.answer(form.accepted(), write(form), plan(), actor(me), today(), now(), workingDays()),
                developments::saveAndFlush);
        if (form.accepted()) {
            startContractReview(d, form);
        }
        return view(d);
    }

    /** The accepted quotation's special contract review: registered from the quotation and submitted. */
    private void startContractReview(ProductDevelopment d, AnswerForm form) {
        Demand demand = read(d, ProductNode.DEMAND, Demand.class);
        ProcessSheetForm sheet = read(d, ProductNode.PROCESS_BOM, ProcessSheetForm.class);
        var contract = contracts.register(new ContractCommands.Register(d.getCustomerId(), null,
                ContractSource.QUOTATION, ContractClass.SPECIAL, form.answeredOn(), form.deliveryDate(), null,
                demand.requirements(), d.getSalespersonId(), null, List.of(new ContractCommands.Line(
                        d.getProductName(), sheet.spec(), form.quantity(), demand.unit(), form.unitPrice(),
                        d.getNumber()))));
        var submitted = contracts.submit(contract.id(), new ContractCommands.Submit(contract.version()));
        audit.change(d, null, d.getVersion(), "CONTRACT_REVIEW",
                x -> x.linkContract(submitted.id(), submitted.number()), developments::saveAndFlush);
    }

    /**
     * Finance quotes again (新品报价单, a new revision with new tiers and validity) after the customer rejected the
     * quotation or once its validity passed without an answer; the earlier revision is kept with its outcome and the
     * customer's answer is awaited again (a new link is needed: the earlier one no longer answers). Else 409
     * {@code product.requote-not-allowed}.
     */
    public Detail requote(long id, ProductCommands.Quotation cmd) {
        ProductDevelopment d = load(id);
        CurrentUser me = users.require();
        requireDepartment(me, d.node(ProductNode.QUOTATION).getDepartmentId(), ProductNode.QUOTATION, d);
        QuotationForm current = read(d, ProductNode.QUOTATION, QuotationForm.class);
        boolean expired = current != null && today().isAfter(current.validUntil());
        if (d.getStatus() == DevelopmentStatus.ACCEPTED || !expired && d.getStatus() != DevelopmentStatus.REJECTED) {
            throw DomainException.of("product.requote-not-allowed", d.getNumber());
        }
        String form = write(NodeForms.quotation(cmd, read(d, ProductNode.DEMAND, Demand.class).unit(),
                read(d, ProductNode.COST, CostSheet.class), today()));
        audit.change(d, cmd.version(), d.getVersion(), "REQUOTE",
                x -> x.requote(form, expired, plan(), actor(me), today(), now(), workingDays()),
                developments::saveAndFlush);
        opened(d);
        return view(d);
    }

    // ---- the customer's personal link to the quotation --------------------------------------------------------

    /** The purpose of the quotation links (also the audit record type they are recorded under: the development). */
    public static final String LINK_PURPOSE = RECORD_TYPE;
    public static final String LINK_PATH = "/public/product-quotations/";
    public static final String CUSTOMER_ACTOR = "顾客（个人链接）";

    /**
     * The quotation to the customer by a personal link (platform {@link CustomerLinks}), valid through the
     * quotation's last day; mailed in the customer's language when an address is given. A quotation not yet
     * recorded as sent is recorded as sent today (to the address, or "personal link"). A new link replaces the
     * earlier one. The quotation's last day must be after today (409 {@code product.quotation-expired} otherwise).
     */
    public ProductViews.Link issueQuotationLink(long id, ProductCommands.SendLink cmd) {
        ProductDevelopment d = load(id);
        CurrentUser me = users.require();
        DevelopmentNode n = d.requireOpen(ProductNode.CUSTOMER_ANSWER);
        requireDepartment(me, n.getDepartmentId(), ProductNode.CUSTOMER_ANSWER, d);
        String email = cmd == null || cmd.email() == null || cmd.email().isBlank() ? null : cmd.email().strip();
        Locale language = cmd == null || cmd.language() == null || cmd.language().isBlank()
                ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(cmd.language().strip());
        QuotationForm quotation = read(d, ProductNode.QUOTATION, QuotationForm.class);
        long days = java.time.temporal.ChronoUnit.DAYS.between(today(), quotation.validUntil());
        if (days < 1) {
            throw DomainException.of("product.quotation-expired", d.getNumber(), quotation.validUntil().toString());
        }
        CustomerLinks.IssuedLink link = links.issue(LINK_PURPOSE, d.getId(), LINK_PATH, (int) days);
        QuotationForm sent = quotation.sentOn() != null ? quotation : NodeForms.sent(quotation,
                new ProductCommands.Send(today(), email != null ? email : CUSTOMER_LINK_SENT_TO, null), today());
        audit.change(d, cmd == null ? null : cmd.version(), d.getVersion(), "QUOTATION_LINK", x -> {
            x.quotationLinked(link.id());
            if (sent != quotation) {
                x.quotationSent(write(sent));
            }
        }, developments::saveAndFlush);
        if (email != null) {
            links.mail(link, email, language, Text.of("product.link.mail.subject", d.getNumber(), d.getProductName()),
                    Text.of("product.link.mail.body", d.getCustomerName(), d.getProductName(),
                            quotation.validUntil().toString()));
        }
        return new ProductViews.Link(link.url(), link.expiresOn());
    }

    static final String CUSTOMER_LINK_SENT_TO = "个人链接";

    /** What the quotation's link shows (also when expired or answered); empty for an unknown token. */
    @Transactional(readOnly = true)
    public java.util.Optional<ProductViews.PublicQuotation> byLink(String token) {
        return links.resolve(LINK_PURPOSE, token).flatMap(t -> developments.findById(t.recordId()).map(d -> {
            QuotationForm q = read(d, ProductNode.QUOTATION, QuotationForm.class);
            ProcessSheetForm sheet = read(d, ProductNode.PROCESS_BOM, ProcessSheetForm.class);
            boolean answered = t.answered() || !t.expired() && !d.answersCurrentQuotation(t.id());
            return new ProductViews.PublicQuotation(d.getNumber(), d.getCustomerName(), d.getProductName(),
                    sheet == null ? null : sheet.spec(), q.unit(), d.getQuotationRevision(), q.tiers(),
                    q.validUntil(), q.terms(), t.expiresOn(), t.expired(), answered);
        }));
    }

    /**
     * The customer's answer through the link, once, within the quotation's validity: accepted (ordered quantity of
     * at least the lowest tier, delivery date) starts the special contract review on the salesperson's behalf;
     * rejected needs the reason. Bad input 422 (the link stays open); answered 409 {@code link.answered}; expired
     * 409 {@code link.expired}; unknown 404. The salesperson is told.
     */
    public void answerByLink(String token, Boolean accepted, java.math.BigDecimal quantity, LocalDate deliveryDate,
                             String note) {
        CustomerLinks.LinkTarget target = links.resolve(LINK_PURPOSE, token)
                .orElseThrow(() -> new NotFoundException("customer-link", "token"));
        ProductDevelopment d = developments.findById(target.recordId())
                .orElseThrow(() -> new NotFoundException(RECORD_TYPE, target.recordId()));
        if (target.answered() || target.expired() || !d.answersCurrentQuotation(target.id())) {
            links.answer(LINK_PURPOSE, token);
            throw new DomainException("link.answered", Text.of("link.answered"));
        }
        if (Boolean.FALSE.equals(accepted) && (note == null || note.isBlank())) {
            throw new InvalidInputException("note", "required-when-rejected",
                    Text.of("error.product.reason-required"));
        }
        QuotationForm quotation = read(d, ProductNode.QUOTATION, QuotationForm.class);
        AnswerForm form = NodeForms.answer(new ProductCommands.Answer(accepted, today(), quantity, deliveryDate, note,
                null), quotation, today());
        links.answer(LINK_PURPOSE, token);
        audit.change(d, null, d.getVersion(), form.accepted() ? "ACCEPTED" : "REJECTED",
                x -> x.answer(form.accepted(), write(form), plan(), new ProductDevelopment.Actor(null, CUSTOMER_ACTOR),
                        today(), now(), workingDays()), developments::saveAndFlush);
        if (form.accepted()) {
            String username = jdbc.sql("select username from org_user where id = :id").param("id",
                    d.getSalespersonId()).query(String.class).single();
            signedInAs.run(username, () -> startContractReview(d, form));
        }
        notifications.notify(d.getSalespersonId(), Text.of(form.accepted() ? "product.notify.accepted.title"
                        : "product.notify.rejected.title", d.getNumber(), d.getCustomerName()),
                Text.of("product.notify.answer.body", d.getProductName(), form.note() == null ? "" : form.note()),
                "/product-developments/" + d.getId());
    }

    /** Attaches a file to the demand (drawings, the customer's specification); checked and kept in the file store. */
    public ProductViews.Attachment attach(long id, String fileName, String contentType, byte[] bytes) {
        ProductDevelopment d = load(id);
        NodeForms.required("file", bytes);
        StoredFiles.StoredFile f = files.store(RECORD_TYPE, d.getId(), FILE_SLOT,
                files.check(fileName, contentType, bytes));
        return attachment(f);
    }

    /** A file of the development as a download, after the reader's access was checked (404 otherwise). */
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> download(long id, long fileId) {
        ProductDevelopment d = load(id);
        StoredFiles.StoredFile f = files.find(fileId).filter(x -> RECORD_TYPE.equals(x.ownerType())
                && x.ownerId() == d.getId()).orElseThrow(() -> new NotFoundException("product-development-file",
                fileId));
        return UploadedFiles.download(f.fileName(), f.contentType(), files.content(f.id()));
    }

    private Detail complete(long id, ProductNode node, Long version,
                            java.util.function.Function<ProductDevelopment, String> form) {
        ProductDevelopment d = load(id);
        CurrentUser me = users.require();
        DevelopmentNode n = d.requireOpen(node);
        requireDepartment(me, n.getDepartmentId(), node, d);
        String written = form.apply(d);
        audit.change(d, version, d.getVersion(), "COMPLETE_" + node.name(),
                x -> x.complete(node, written, plan(), actor(me), today(), now(), workingDays()),
                developments::saveAndFlush);
        opened(d);
        return view(d);
    }

    /** The owner department of the node now open is told (notification to each of its active members). */
    private void opened(ProductDevelopment d) {
        if (d.getCurrentNode() == null) {
            return;
        }
        DevelopmentNode n = d.node(d.getCurrentNode());
        for (Long user : jdbc.sql("select id from org_user where department_id = :d and active = true")
                .param("d", n.getDepartmentId()).query(Long.class).list()) {
            notifications.notify(user, Text.of("product.notify.node.title", d.getNumber(),
                    Text.label("product.node", n.getNode())), Text.of("product.notify.node.body", d.getCustomerName(),
                    d.getProductName(), n.getDueOn().toString()), "/product-developments/" + d.getId());
        }
    }

    private void requireDepartment(CurrentUser me, long departmentId, ProductNode node, ProductDevelopment d) {
        if (!me.can(node.permission())) {
            throw new AccessDeniedException("missing " + node.permission());
        }
        if (me.scope().kind() != DataScope.Kind.ALL && !Objects.equals(me.departmentId(), departmentId)) {
            throw DomainException.of("product.not-your-node", d == null ? "" : d.getNumber(),
                    Text.label("product.node", node), departmentName(departmentId));
        }
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        return view(load(id));
    }

    /** The owner departments and lead times as configured (ids resolved from the department codes). */
    public ProductDevelopment.Plan plan() {
        Map<ProductNode, Long> departments = new EnumMap<>(ProductNode.class);
        for (ProductNode n : ProductNode.values()) {
            departments.put(n, departmentOf(n));
        }
        return new ProductDevelopment.Plan(departments, settings.allLeadDays(), settings.reminder());
    }

    private long departmentOf(ProductNode n) {
        String code = settings.departmentOf(n);
        return jdbc.sql("select id from org_department where code = :c and active = true").param("c", code)
                .query(Long.class).optional().orElseThrow(() -> DomainException.of("product.no-department",
                        Text.label("product.node", n), code));
    }

    /** The development if the reader's scope reaches it (department, salesperson, creator) or a node is theirs; else 404. */
    private ProductDevelopment load(long id) {
        ProductDevelopment d = developments.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
        CurrentUser me = users.current().orElse(null);
        if (me != null && !me.scope().allows(d.getDepartmentId(), d.getSalespersonId(), d.getCreatedBy())
                && d.getNodes().stream().noneMatch(n -> Objects.equals(me.departmentId(), n.getDepartmentId()))) {
            throw new NotFoundException(RECORD_TYPE, id);
        }
        return d;
    }

    private Detail view(ProductDevelopment d) {
        LocalDate today = today();
        List<Node> nodes = d.getNodes().stream().map(n -> new Node(n.getNode(), n.getDepartmentId(),
                departmentName(n.getDepartmentId()), n.getStatus(), n.getOpenedOn(), n.getDueOn(), n.overdue(today),
                n.getCompletedByName(), odt(n.getCompletedAt()), n.getWorkingDays(), n.getRemindOn(),
                n.dueSoon(today))).toList();
        QuotationForm quotation = read(d, ProductNode.QUOTATION, QuotationForm.class);
        List<ProductViews.EarlierQuotation> earlier = d.getRevisions().stream().map(r -> new ProductViews
                .EarlierQuotation(r.getRevision(), json.readValue(r.getQuotation(), QuotationForm.class),
                r.getAnswer() == null ? null : json.readValue(r.getAnswer(), AnswerForm.class), r.getOutcome(),
                r.getClosedByName(), odt(r.getClosedAt()))).toList();
        return new Detail(d.getId(), d.getNumber(), d.getVersion(), d.getCustomerId(), d.getCustomerName(),
                d.getProductName(), d.getSalespersonId(), d.getSalespersonName(), d.getDepartmentId(), d.getStatus(),
                d.getCurrentNode(), d.getRequiredOn(), d.getContractId(), d.getContractNumber(), d.getCreatedByName(),
                odt(d.getCreatedAt()), odt(d.getFinishedAt()), nodes, read(d, ProductNode.DEMAND, Demand.class),
                read(d, ProductNode.RND_REPORT, RndReportForm.class),
                read(d, ProductNode.PROCESS_BOM, ProcessSheetForm.class), read(d, ProductNode.PILOT, PilotForm.class),
                read(d, ProductNode.COST, CostSheet.class), quotation,
                read(d, ProductNode.CUSTOMER_ANSWER, AnswerForm.class),
                files.list(RECORD_TYPE, d.getId()).stream().map(this::attachment).toList(), d.getQuotationRevision(),
                earlier, quotation != null && d.getStatus() == DevelopmentStatus.IN_PROGRESS
                        && d.getCurrentNode() == ProductNode.CUSTOMER_ANSWER && today.isAfter(quotation.validUntil()));
    }

    private ProductViews.Attachment attachment(StoredFiles.StoredFile f) {
        return new ProductViews.Attachment(f.id(), f.fileName(), f.contentType(), f.size(), odt(f.storedAt()));
    }

    private <T> T read(ProductDevelopment d, ProductNode node, Class<T> type) {
        String form = d.form(node);
        if (form == null) {
            return null;
        }
        return json.readValue(form, type);
    }

    private String write(Object form) {
        return json.writeValueAsString(form);
    }

    /** The sortable columns of the list (request key → SQL); ties broken by id. */
    static final Map<String, ListSort.Column> SORTS = Map.of(
            "number", ListSort.Column.text("d.number"),
            "customer", ListSort.Column.text("d.customer_name"),
            "product", ListSort.Column.text("d.product_name"),
            "dueOn", ListSort.Column.date("n.due_on"),
            "requiredOn", ListSort.Column.date("d.required_on"),
            "createdAt", ListSort.Column.time("d.created_at"));

    /** The developments within the reader's scope (or with a node of their department), keyset-paged. */
    @Transactional(readOnly = true)
    public Page search(Filter f, String sort, String cursor, int limit) {
        ListSort order = ListSort.parse(sort, SORTS, "d.id", "-id");
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("""
                select d.id, d.number, d.customer_name, d.product_name, d.salesperson_name, d.status, d.current_node,
                       dep.name, n.due_on, d.required_on, d.contract_number, d.created_at""")
                .append(order.selectColumn()).append("""
                 from product_development d
                 left join product_development_node n on n.development_id = d.id and n.node = d.current_node
                 left join org_department dep on dep.id = n.department_id
                where """).append(visible(params));
        Filter filter = f == null ? Filter.none() : f;
        if (filter.customerId() != null) {
            sql.append(" and d.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.departmentId() != null) {
            sql.append(" and (n.department_id = :dept or d.department_id = :dept)");
            params.put("dept", filter.departmentId());
        }
        if (filter.status() != null) {
            sql.append(" and d.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.node() != null) {
            sql.append(" and d.current_node = :node");
            params.put("node", filter.node().name());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            sql.append(" and (lower(d.number) like :q or lower(d.customer_name) like :q"
                    + " or lower(d.product_name) like :q)");
            params.put("q", "%" + filter.q().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        order.after(cursor, sql, params);
        sql.append(order.orderBy()).append(" limit :limit");
        params.put("limit", limit + 1);
        LocalDate today = today();
        var slice = order.page(jdbc.sql(sql.toString()).params(params).query(order.mapper((rs, n) -> {
            LocalDate due = rs.getObject(9, LocalDate.class);
            String node = rs.getString(7);
            return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    DevelopmentStatus.valueOf(rs.getString(6)), node == null ? null : ProductNode.valueOf(node),
                    rs.getString(8), due, node != null && due != null && today.isAfter(due),
                    rs.getObject(10, LocalDate.class), rs.getString(11),
                    odt(rs.getTimestamp(12).toInstant()));
        })).list(), limit);
        return new Page(slice.items(), slice.nextCursor());
    }

    /** The board: the developments in progress by their open node, most urgent first, up to {@code perColumn} each. */
    @Transactional(readOnly = true)
    public List<ProductViews.Column> board(Long customerId, Long departmentId, int perColumn) {
        List<ProductViews.Column> columns = new ArrayList<>();
        for (ProductNode node : ProductNode.values()) {
            if (node == ProductNode.DEMAND) {
                continue;
            }
            List<Row> rows = search(new Filter(customerId, departmentId, DevelopmentStatus.IN_PROGRESS, node, null),
                    "dueOn", null, perColumn).items();
            columns.add(new ProductViews.Column(node, rows, rows.stream().filter(Row::overdue).count()));
        }
        return columns;
    }

    /**
     * Key-node performance indicators (关键节点绩效指标) of the period (company days, inclusive): per node the number
     * completed, their average and longest lead time in working days and the share on time; per department the on-time
     * rate and the nodes open past their due day now; developments started, completed, accepted and rejected.
     */
    @Transactional(readOnly = true)
    public Statistics statistics(LocalDate from, LocalDate to) {
        NodeForms.required("from", from);
        NodeForms.required("to", to);
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "after-from", Text.of("error.product.period", from.toString(),
                    to.toString()));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String scope = visible(params);
        params.put("from", from);
        params.put("to", to);
        params.put("today", today());
        params.put("fromAt", Timestamp.from(from.atStartOfDay(zone).toInstant()));
        params.put("toAt", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        List<NodeFigure> nodes = jdbc.sql("""
                select n.node, count(*), coalesce(sum(n.working_days), 0), coalesce(max(n.working_days), 0),
                       coalesce(sum(case when n.completed_on <= n.due_on then 1 else 0 end), 0)
                  from product_development_node n join product_development d on d.id = n.development_id
                 where n.status = 'DONE' and n.node <> 'DEMAND' and n.completed_on between :from and :to and """
                + scope + " group by n.node").params(params).query((rs, i) -> new NodeFigure(
                ProductNode.valueOf(rs.getString(1)), rs.getLong(2), average(rs.getLong(3), rs.getLong(2)),
                rs.getInt(4), rs.getLong(5), rate(rs.getLong(5), rs.getLong(2)))).list()
                .stream().sorted(java.util.Comparator.comparing(NodeFigure::node)).toList();
        List<DepartmentFigure> departments = jdbc.sql("""
                select n.department_id, dep.name,
                       coalesce(sum(case when n.status = 'DONE' and n.node <> 'DEMAND'
                                          and n.completed_on between :from and :to then 1 else 0 end), 0),
                       coalesce(sum(case when n.status = 'DONE' and n.node <> 'DEMAND'
                                          and n.completed_on between :from and :to
                                          and n.completed_on <= n.due_on then 1 else 0 end), 0),
                       coalesce(sum(case when n.status = 'OPEN' and n.due_on < :today then 1 else 0 end), 0)
                  from product_development_node n join product_development d on d.id = n.development_id
                  left join org_department dep on dep.id = n.department_id
                 where n.status <> 'WAITING' and """ + scope + " group by n.department_id, dep.name order by dep.name")
                .params(params).query((rs, i) -> new DepartmentFigure(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rate(rs.getLong(4), rs.getLong(3)), rs.getLong(5))).list()
                .stream().filter(x -> x.completed() > 0 || x.openOverdue() > 0).toList();
        long[] counts = jdbc.sql("""
                select coalesce(sum(case when d.created_at >= :fromAt and d.created_at < :toAt then 1 else 0 end), 0),
                       coalesce(sum(case when d.finished_at >= :fromAt and d.finished_at < :toAt then 1 else 0 end), 0),
                       coalesce(sum(case when d.finished_at >= :fromAt and d.finished_at < :toAt
                                          and d.status = 'ACCEPTED' then 1 else 0 end), 0),
                       coalesce(sum(case when d.finished_at >= :fromAt and d.finished_at < :toAt
                                          and d.status = 'REJECTED' then 1 else 0 end), 0)
                  from product_development d where """ + scope).params(params)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        return new Statistics(from, to, nodes, departments, counts[0], counts[1], counts[2], counts[3]);
    }

    /** One completed node of the period, the line behind the indicators (for the Excel export). */
    public record NodeRecord(long nodeId, String number, String customerName, String productName, ProductNode node,
                             String departmentName, LocalDate openedOn, LocalDate dueOn, LocalDate completedOn,
                             Integer workingDays, boolean onTime, String completedBy) {
    }

    /** The completed nodes of the period within the reader's scope, keyset-paged by node id. */
    @Transactional(readOnly = true)
    public ListSort.Slice<NodeRecord> nodeRecords(LocalDate from, LocalDate to, String cursor, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String scope = visible(params);
        params.put("from", from);
        params.put("to", to);
        params.put("after", cursor == null ? 0L : Long.parseLong(cursor));
        params.put("limit", limit + 1);
        List<NodeRecord> rows = jdbc.sql("""
                select n.id, d.number, d.customer_name, d.product_name, n.node, dep.name, n.opened_on, n.due_on,
                       n.completed_on, n.working_days, n.completed_by_name
                  from product_development_node n join product_development d on d.id = n.development_id
                  left join org_department dep on dep.id = n.department_id
                 where n.status = 'DONE' and n.node <> 'DEMAND' and n.completed_on between :from and :to
                   and n.id > :after and """ + scope + " order by n.id limit :limit").params(params)
                .query((rs, i) -> {
                    LocalDate due = rs.getObject(8, LocalDate.class);
                    LocalDate done = rs.getObject(9, LocalDate.class);
                    return new NodeRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            ProductNode.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDate.class),
                            due, done, rs.getObject(10, Integer.class), due != null && !done.isAfter(due),
                            rs.getString(11));
                }).list();
        boolean more = rows.size() > limit;
        List<NodeRecord> page = more ? rows.subList(0, limit) : rows;
        return new ListSort.Slice<>(page, more ? String.valueOf(page.get(page.size() - 1).nodeId()) : null);
    }

    /**
     * The open nodes of a department (its task list): count, how many are past their due day, and how many are due
     * soon (80 % of their lead time passed, not overdue yet: the reminder).
     */
    @Transactional(readOnly = true)
    public long[] openNodes(long departmentId) {
        return jdbc.sql("""
                select count(*), coalesce(sum(case when due_on < :today then 1 else 0 end), 0),
                       coalesce(sum(case when remind_on <= :today and due_on >= :today then 1 else 0 end), 0)
                  from product_development_node where status = 'OPEN' and department_id = :d""")
                .param("today", today()).param("d", departmentId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    private String visible(Map<String, Object> params) {
        CurrentUser me = users.require();
        var scope = me.scope().condition("d.department_id", "d.salesperson_id", "d.created_by");
        params.putAll(scope.params());
        if (me.departmentId() == null) {
            return "(" + scope.sql() + ")";
        }
        params.put("myDept", me.departmentId());
        return "((" + scope.sql() + ") or exists (select 1 from product_development_node mine"
                + " where mine.development_id = d.id and mine.department_id = :myDept))";
    }

    private static BigDecimal average(long sum, long count) {
        return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }

    private WorkingDays workingDays() {
        var calendar = calendars.standard();
        return new WorkingDays(calendar::isWorkingDay);
    }

    private String departmentName(long id) {
        return jdbc.sql("select name from org_department where id = :id").param("id", id).query(String.class).optional()
                .orElse(null);
    }

    private static ProductDevelopment.Actor actor(CurrentUser me) {
        return new ProductDevelopment.Actor(me.id(), me.displayName());
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
}
