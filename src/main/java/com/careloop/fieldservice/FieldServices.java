package com.careloop.fieldservice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.careloop.capa.CapaRef;
import com.careloop.capa.CapaSources;
import com.careloop.capa.CorrectiveActions;
import com.careloop.capa.OpenCapa;
import com.careloop.capa.PlannedAction;
import com.careloop.customer.CustomerVisited;
import com.careloop.fieldservice.FieldServiceCommands.Briefing;
import com.careloop.fieldservice.FieldServiceCommands.Checklist;
import com.careloop.fieldservice.FieldServiceCommands.CustomerSignature;
import com.careloop.fieldservice.FieldServiceCommands.DepartureException;
import com.careloop.fieldservice.FieldServiceCommands.Findings;
import com.careloop.fieldservice.FieldServiceCommands.FollowUp;
import com.careloop.fieldservice.FieldServiceCommands.Hours;
import com.careloop.fieldservice.FieldServiceCommands.LeaderSignature;
import com.careloop.fieldservice.FieldServiceCommands.Measurement;
import com.careloop.fieldservice.FieldServiceCommands.Moment;
import com.careloop.fieldservice.FieldServiceCommands.OpenPoint;
import com.careloop.fieldservice.FieldServiceCommands.PartUsed;
import com.careloop.fieldservice.FieldServiceCommands.Plan;
import com.careloop.fieldservice.FieldServiceCommands.Upload;
import com.careloop.fieldservice.FieldServiceCommands.WorkDone;
import com.careloop.fieldservice.FieldServiceViews.Detail;
import com.careloop.fieldservice.FieldServiceViews.Filter;
import com.careloop.fieldservice.FieldServiceViews.Page;
import com.careloop.fieldservice.FieldServiceViews.Row;
import com.careloop.fieldservice.trip.FieldService;
import com.careloop.fieldservice.trip.FieldServiceProperties;
import com.careloop.fieldservice.trip.FieldServiceRepository;
import com.careloop.fieldservice.trip.TeamMember;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DataScope;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.ListSort;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.Satisfaction;
import com.careloop.platform.StoredFiles;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.platform.UploadedFiles;
import com.careloop.platform.calendar.BusinessCalendar;
import com.careloop.platform.calendar.CalendarService;
import com.careloop.servicedesk.Priority;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskCommands;
import com.careloop.servicedesk.ServiceDeskViews;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Field service's management service and the module's public face. Each step is one transaction: the service, its
 * audit entry, its files and notifications commit together. A reader sees the services they are on, their
 * department's (a member of a department in their scope) and, with {@code fieldservice:manage}, all; others get 404.
 */
@Service
@Transactional
public class FieldServices {

    public static final String RECORD_TYPE = FieldService.RECORD_TYPE;
    public static final String REPORT_TYPE = FieldService.REPORT_TYPE;
    public static final String SYSTEM_ACTOR = "系统";
    /** File slots in the platform store: on-site photos, the customer's and our leader's signatures. */
    public static final String PHOTO = "PHOTO";
    public static final String CUSTOMER_SIGNATURE = "CUSTOMER_SIGNATURE";
    public static final String LEADER_SIGNATURE = "LEADER_SIGNATURE";
    static final int MAX_SIGNATURE_BYTES = 512 * 1024;

    private final FieldServiceRepository services;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final ServiceDesk desk;
    private final CorrectiveActions capas;
    private final Notifications notifications;
    private final StoredFiles files;
    private final CalendarService calendars;
    private final FieldServiceProperties settings;
    private final Texts texts;
    private final com.careloop.platform.IdempotentCreates idempotency;
    private final org.springframework.context.ApplicationEventPublisher events;
    public static final String API = "/api/v1/field-services";

    FieldServices(com.careloop.platform.IdempotentCreates idempotency, FieldServiceRepository services, RecordNumbers numbers, AuditTrail audit, CurrentUsers users,
                  JdbcClient jdbc, Clock clock, CareLoopProperties platform, ServiceDesk desk,
                  CorrectiveActions capas, Notifications notifications, StoredFiles files, CalendarService calendars,
                  FieldServiceProperties settings, Texts texts,
                  org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.services = services;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
        this.desk = desk;
        this.capas = capas;
        this.notifications = notifications;
        this.files = files;
        this.calendars = calendars;
        this.settings = settings;
        this.texts = texts;
        this.idempotency = idempotency;
        idempotency.marksCreatesOf(API);
    }

    // ---- plan --------------------------------------------------------------------------------

    /**
     * Plans a field service from a FIELD_SERVICE request (another type: 422). The team's deadlines fall on working
     * days of the business calendar (a deadline on a holiday moves to the working day before; none given = the last
     * working day before travel out). Every member gets a notification with the link.
     */
    public Detail plan(Plan cmd) {
        if (cmd == null || cmd.requestId() == null) {
            throw new InvalidInputException("requestId", "required", Text.of("error.fieldservice.required", "requestId"));
        }
        ServiceDeskViews.Detail r = desk.detail(cmd.requestId());
        if (r.type() != RequestType.FIELD_SERVICE) {
            throw new InvalidInputException("requestId", "field-service", Text.of("error.fieldservice.not-field-request",
                    r.code()));
        }
        if (cmd.leader() == null || cmd.leader().userId() == null) {
            throw new InvalidInputException("leader.userId", "required", Text.of("error.fieldservice.required",
                    "leader.userId"));
        }
        BusinessCalendar calendar = calendars.standard();
        LocalDate travel = cmd.travelOutOn();
        FieldService.Assignment leader = assignment("leader", cmd.leader(), travel, calendar);
        List<FieldService.Assignment> members = new ArrayList<>();
        List<FieldServiceCommands.Member> given = cmd.members() == null ? List.of() : cmd.members();
        for (int i = 0; i < given.size(); i++) {
            members.add(assignment("members[" + i + "]", given.get(i), travel, calendar));
        }
        List<FieldService.ToolLine> tools = cmd.tools() == null ? List.of() : cmd.tools().stream()
                .map(t -> new FieldService.ToolLine(t.name(), Boolean.TRUE.equals(t.measuring()), t.note())).toList();
        List<FieldService.PartLine> parts = cmd.parts() != null
                ? cmd.parts().stream().map(p -> new FieldService.PartLine(p.name(), p.quantity(), p.unit())).toList()
                : r.materials().stream().map(m -> new FieldService.PartLine(m.item(), m.quantity(), m.unit())).toList();
        CurrentUser me = users.current().orElse(null);
        FieldService f = FieldService.plan(numbers.next(RECORD_TYPE),
                new FieldService.Request(r.id(), r.code(), r.customerId(), r.customerName(),
                        r.fieldKind() == null ? null : r.fieldKind().name(), r.title()),
                new FieldService.Plan(cmd.site() != null ? cmd.site() : r.location(),
                        cmd.siteContact() != null ? cmd.siteContact() : r.contactName(),
                        cmd.sitePhone() != null ? cmd.sitePhone() : r.contactPhone(), cmd.travelOutOn(),
                        cmd.onSiteFrom(), cmd.onSiteTo(), cmd.returnOn(), cmd.vehicles(), cmd.workPlan()),
                leader, members, tools, parts, settings.checklist(), me == null ? null : me.id(), actor(), now());
        services.saveAndFlush(f);
        audit.created(f);
        idempotency.created(API + "/" + f.getId());
        for (TeamMember m : f.getTeam()) {
            notifications.notify(m.getUserId(), Text.of("fieldservice.notify.planned.title", f.getCode()),
                    Text.of("fieldservice.notify.planned.body", f.getCustomerName() == null ? "" : f.getCustomerName(),
                            f.getSite(), f.getTravelOutOn().toString(), m.getTask(), m.getDueOn().toString()),
                    "/field-services/" + f.getId());
        }
        return view(f);
    }

    private FieldService.Assignment assignment(String field, FieldServiceCommands.Member m, LocalDate travel,
                                               BusinessCalendar calendar) {
        if (m == null || m.userId() == null) {
            throw new InvalidInputException(field + ".userId", "required", Text.of("error.fieldservice.required",
                    field + ".userId"));
        }
        TeamMember.Person p = jdbc.sql("""
                select u.id, u.display_name, u.department_id, d.name from org_user u
                left join org_department d on d.id = u.department_id where u.id = :id and u.active = true""")
                .param("id", m.userId())
                .query((rs, n) -> new TeamMember.Person(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
                        rs.getString(4)))
                .optional().orElseThrow(() -> new InvalidInputException(field + ".userId", "exists",
                        Text.of("error.fieldservice.no-user", m.userId())));
        LocalDate due = m.dueOn();
        if (due == null && travel != null) {
            due = travel.minusDays(1);
        }
        if (due == null) {
            throw new InvalidInputException("travelOutOn", "required", Text.of("error.fieldservice.required",
                    "travelOutOn"));
        }
        return new FieldService.Assignment(p, m.task(), workingDayOnOrBefore(due, calendar));
    }

    /** The deadline on the business calendar: the given day if it is a working day, else the working day before. */
    static LocalDate workingDayOnOrBefore(LocalDate day, BusinessCalendar calendar) {
        LocalDate d = day;
        for (int i = 0; i < 60 && !calendar.isWorkingDay(d); i++) {
            d = d.minusDays(1);
        }
        return d;
    }

    // ---- before departure --------------------------------------------------------------------

    public Detail brief(long id, Briefing cmd) {
        Briefing c = cmd == null ? new Briefing(null, null, null, null) : cmd;
        return change(id, c.version(), "BRIEFING", f -> f.brief(c.briefedBy() == null ? actor() : c.briefedBy(),
                c.topics(), c.acknowledgedUserIds(), now()));
    }

    /** The signed-in member acknowledges the briefing (their signature on the phone). */
    public Detail acknowledgeBriefing(long id) {
        CurrentUser me = users.require();
        return change(id, null, "ACKNOWLEDGE_BRIEFING", f -> f.acknowledge(me.id(), now()));
    }

    public Detail checklist(long id, Checklist cmd) {
        Checklist c = cmd == null ? new Checklist(null, null) : cmd;
        return change(id, c.version(), "CHECKLIST", f -> f.checklist(c.checked(), actor(), now()));
    }

    /** A manager ({@code fieldservice:manage}) lets the team depart without a completed briefing, with the reason. */
    public Detail departureException(long id, DepartureException cmd) {
        CurrentUser me = users.require();
        if (!me.can(FieldServicePermissions.MANAGE)) {
            throw new AccessDeniedException("只有经理可以记录例外 / only a manager records a departure exception");
        }
        DepartureException c = cmd == null ? new DepartureException(null, null) : cmd;
        return change(id, c.version(), "DEPARTURE_EXCEPTION", f -> f.departureException(c.reason(), actor(), now()));
    }

    /** Departure: refused with 409 {@code fieldservice.briefing-missing} until briefing and checklist are done. */
    public Detail depart(long id, Moment cmd) {
        Moment c = cmd == null ? new Moment(null, null) : cmd;
        return change(id, c.version(), "DEPART", f -> f.depart(instant(c.at()), now()));
    }

    // ---- on site -----------------------------------------------------------------------------

    public Detail arrive(long id, Moment cmd) {
        Moment c = cmd == null ? new Moment(null, null) : cmd;
        return change(id, c.version(), "ARRIVE", f -> f.arrive(instant(c.at()), now()));
    }

    public Detail leaveSite(long id, Moment cmd) {
        Moment c = cmd == null ? new Moment(null, null) : cmd;
        return change(id, c.version(), "LEAVE_SITE", f -> f.leaveSite(instant(c.at()), now()));
    }

    public Detail workDone(long id, WorkDone cmd) {
        WorkDone c = cmd == null ? new WorkDone(null, null) : cmd;
        if (c.memberId() == null) {
            throw new InvalidInputException("memberId", "required", Text.of("error.fieldservice.required", "memberId"));
        }
        return change(id, null, "WORK_DONE", f -> f.workDone(c.memberId(), c.workDone(), now()));
    }

    public Detail findings(long id, Findings cmd) {
        Findings c = cmd == null ? new Findings(null, null) : cmd;
        return change(id, c.version(), "FINDINGS", f -> f.findings(c.findings(), now()));
    }

    public Detail measure(long id, Measurement cmd) {
        Measurement c = cmd == null ? new Measurement(null, null, null, null) : cmd;
        return change(id, null, "MEASUREMENT", f -> f.measure(c.name(), c.value(), c.unit(), c.note(), now()));
    }

    public Detail hours(long id, Hours cmd) {
        Hours c = cmd == null ? new Hours(null, null, null, null) : cmd;
        if (c.memberId() == null) {
            throw new InvalidInputException("memberId", "required", Text.of("error.fieldservice.required", "memberId"));
        }
        return change(id, null, "HOURS", f -> f.hours(c.memberId(), instantOrNull(c.from()), instantOrNull(c.to()),
                c.note(), now()));
    }

    public Detail partUsed(long id, PartUsed cmd) {
        PartUsed c = cmd == null ? new PartUsed(null, null) : cmd;
        if (c.partId() == null) {
            throw new InvalidInputException("partId", "required", Text.of("error.fieldservice.required", "partId"));
        }
        return change(id, null, "PART_USED", f -> f.partUsed(c.partId(), c.used(), now()));
    }

    /** A problem left open with an owner (a user); the owner is notified. */
    public Detail openPoint(long id, OpenPoint cmd) {
        OpenPoint c = cmd == null ? new OpenPoint(null, null, null) : cmd;
        if (c.ownerId() == null) {
            throw new InvalidInputException("ownerId", "required", Text.of("error.fieldservice.required", "ownerId"));
        }
        String owner = jdbc.sql("select display_name from org_user where id = :id and active = true")
                .param("id", c.ownerId()).query(String.class).optional()
                .orElseThrow(() -> new InvalidInputException("ownerId", "exists",
                        Text.of("error.fieldservice.no-user", c.ownerId())));
        Detail d = change(id, null, "OPEN_POINT", f -> f.openPoint(c.description(), c.ownerId(), owner, c.dueOn(),
                now()));
        notifications.notify(c.ownerId(), Text.of("fieldservice.notify.openPoint.title", d.code()),
                Text.literal(c.description()), "/field-services/" + id);
        return d;
    }

    /**
     * An open point becomes a follow-up FIELD_SERVICE request (service desk) or a CAPA (capa module), once (409 for a
     * second time).
     */
    public Detail followUp(long id, long pointId, FollowUp cmd) {
        String as = cmd == null || cmd.as() == null ? null : cmd.as().trim().toUpperCase(Locale.ROOT);
        if (!com.careloop.fieldservice.trip.OpenPoint.REQUEST.equals(as)
                && !com.careloop.fieldservice.trip.OpenPoint.CAPA.equals(as)) {
            throw new InvalidInputException("as", "one-of", Text.of("error.fieldservice.follow-up-as"));
        }
        FieldService f = load(id);
        var point = f.openPointOf(pointId);
        point.requireNoFollowUp();
        String problem = texts.render(Text.of("fieldservice.followUp.problem", f.getCode(),
                f.getCustomerName() == null ? "" : f.getCustomerName(), point.getDescription()), Locale.SIMPLIFIED_CHINESE);
        long recordId;
        String recordCode;
        if (com.careloop.fieldservice.trip.OpenPoint.CAPA.equals(as)) {
            OpenCapa open = new OpenCapa(CapaSources.FIELD_SERVICE, f.getId(), null, f.getCode(), problem,
                    f.getCustomerId(), departmentOf(point.getOwnerId()), false);
            CapaRef ref = point.getDueOn() == null ? capas.open(open)
                    : capas.open(open, new PlannedAction(point.getDescription(), point.getOwnerId(), point.getDueOn()));
            recordId = ref.id();
            recordCode = ref.code();
        } else {
            // on behalf of the CS department: the customer is the origin request's, so a department head leading the
            // team needs no reach into the CS customer archive (their own scope would refuse the customer)
            ServiceDeskViews.Registered r = desk.registerFollowUp(f.getRequestId(),
                    new ServiceDeskCommands.FollowUpRequest(truncate(texts.render(Text.of("fieldservice.followUp.title",
                            f.getCode(), point.getDescription()), Locale.SIMPLIFIED_CHINESE), 200), problem,
                            f.getSiteContact(), f.getSitePhone(), f.getSite(), Priority.NORMAL));
            recordId = r.id();
            recordCode = r.code();
        }
        Map<String, Object> before = f.auditState();
        f.followedUp(pointId, as, recordId, recordCode, now());
        services.saveAndFlush(f);
        audit.changed(f, "FOLLOW_UP", before);
        return view(f);
    }

    // ---- the report --------------------------------------------------------------------------

    /**
     * The customer's evaluation and signature (drawn on the pad: a PNG/JPEG data URL; not an image: 422), only after
     * arrival (409 {@code fieldservice.signed-before-arrival}); the report (现场服务报告) gets its number.
     */
    public Detail customerSigns(long id, CustomerSignature cmd) {
        CustomerSignature c = cmd == null ? new CustomerSignature(null, null, null, null, null) : cmd;
        return customerSigns(id, c, dataUrl("signatureImage", c.signatureImage()));
    }

    /** The same with a scanned (uploaded) signed form: an image file (PNG or JPEG, by its bytes). */
    public Detail customerSigns(long id, CustomerSignature cmd, Upload scan) {
        FieldService f = load(id);
        com.careloop.platform.Versions.requireCurrentIfGiven(cmd.version(), f.getVersion(), RECORD_TYPE, f.getCode());
        f.requireSignable();
        Satisfaction evaluation = satisfaction(cmd.evaluation());
        StoredFiles.StoredFile stored = storeImage(f, CUSTOMER_SIGNATURE, "signatureImage", scan);
        Map<String, Object> before = f.auditState();
        f.customerSigned(numbers.next(REPORT_TYPE), cmd.signerName(), evaluation.name(), cmd.comment(), stored.id(),
                now());
        services.saveAndFlush(f);
        audit.changed(f, "CUSTOMER_SIGNED", before);
        events.publishEvent(new FieldServiceReportSigned(f.getId(), f.getCode(), f.getReportCode(), f.getRequestId(),
                f.getCustomerId(), f.getCustomerName(), f.getFindings(), f.getCustomerSignedAt()));
        contactLogged(f);
        return view(f);
    }

    /**
     * The signed report goes into the customer's contact log (the customer module listens to {@link CustomerVisited};
     * once per service, key {@code field-service:{id}}): when the team arrived, by the team leader, with the report's
     * and the service's numbers, the title, the site and the findings.
     */
    private void contactLogged(FieldService f) {
        if (f.getCustomerId() == null) {
            return;
        }
        Instant at = f.getArrivedAt() != null ? f.getArrivedAt() : f.getCustomerSignedAt();
        StringBuilder summary = new StringBuilder(f.getReportCode()).append(" · ").append(f.getCode());
        for (String part : new String[] {f.getTitle(), f.getSite(), f.getFindings()}) {
            if (part != null && !part.isBlank()) {
                summary.append(" · ").append(part.strip());
            }
        }
        events.publishEvent(new CustomerVisited(f.getCustomerId(), "field-service:" + f.getId(), at, f.getLeaderId(),
                summary.toString()));
    }

    public Detail leaderSigns(long id, LeaderSignature cmd) {
        LeaderSignature c = cmd == null ? new LeaderSignature(null, null) : cmd;
        FieldService f = load(id);
        com.careloop.platform.Versions.requireCurrentIfGiven(c.version(), f.getVersion(), RECORD_TYPE, f.getCode());
        CurrentUser me = users.current().orElse(null);
        if (me != null && me.id() != f.getLeaderId()) {
            throw new AccessDeniedException("只有组长可以签字 / only the team leader signs for us");
        }
        Upload image = dataUrl("signatureImage", c.signatureImage());
        if (f.getArrivedAt() == null) {
            f.leaderSigned(0, now()); // refuses: not arrived
        }
        StoredFiles.StoredFile stored = storeImage(f, LEADER_SIGNATURE, "signatureImage", image);
        Map<String, Object> before = f.auditState();
        f.leaderSigned(stored.id(), now());
        services.saveAndFlush(f);
        audit.changed(f, "LEADER_SIGNED", before);
        return view(f);
    }

    private static Satisfaction satisfaction(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("evaluation", "required", Text.of("error.fieldservice.required", "evaluation"));
        }
        try {
            return Satisfaction.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("evaluation", "one-of", Text.of("error.fieldservice.evaluation"));
        }
    }

    /** A signature from the pad: {@code data:image/png;base64,…} (or jpeg); anything else is 422. */
    static Upload dataUrl(String field, String dataUrl) {
        if (dataUrl == null || dataUrl.isBlank()) {
            throw new InvalidInputException(field, "required", Text.of("error.fieldservice.required", field));
        }
        var m = java.util.regex.Pattern.compile("^data:(image/(?:png|jpeg));base64,(.+)$",
                java.util.regex.Pattern.DOTALL).matcher(dataUrl.trim());
        if (!m.matches()) {
            throw new InvalidInputException(field, "image", Text.of("error.fieldservice.signature-not-image"));
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(m.group(2));
            return new Upload("signature." + (m.group(1).endsWith("png") ? "png" : "jpg"), m.group(1), bytes);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "image", Text.of("error.fieldservice.signature-not-image"));
        }
    }

    /** Checks the bytes are a PNG or JPEG image (422 naming the field otherwise) and stores them. */
    private StoredFiles.StoredFile storeImage(FieldService f, String slot, String field, Upload upload) {
        if (upload == null || upload.bytes() == null || upload.bytes().length == 0) {
            throw new InvalidInputException(field, "required", Text.of("error.fieldservice.required", field));
        }
        if (upload.bytes().length > MAX_SIGNATURE_BYTES || !isPngOrJpeg(upload.bytes())) {
            throw new InvalidInputException(field, "image", Text.of("error.fieldservice.signature-not-image"));
        }
        UploadedFiles.Checked checked = files.check(upload.fileName() == null ? "signature" : upload.fileName(),
                upload.contentType(), upload.bytes());
        return files.store(RECORD_TYPE, f.getId(), slot, checked);
    }

    static boolean isPngOrJpeg(byte[] b) {
        boolean png = b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean jpeg = b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
        return png || jpeg;
    }

    // ---- photos ------------------------------------------------------------------------------

    /** A photo taken on site (an image, checked by its bytes; 422 otherwise), only once the team departed. */
    public FieldServiceViews.File addPhoto(long id, Upload upload) {
        FieldService f = load(id);
        if (f.getStatus() == FieldServiceStatus.PLANNED) {
            throw new com.careloop.platform.DomainException("fieldservice.state", Text.of("error.fieldservice.state",
                    Text.label("fieldservice.status", f.getStatus()),
                    Text.of("fieldservice.step.photo")));
        }
        if (upload == null || upload.bytes() == null || upload.bytes().length == 0) {
            throw new InvalidInputException("file", "required", Text.of("error.fieldservice.required", "file"));
        }
        UploadedFiles.Checked checked = files.check(upload.fileName(), upload.contentType(), upload.bytes());
        if (!checked.contentType().startsWith("image/")) {
            throw new InvalidInputException("file", "image", Text.of("error.fieldservice.photo-not-image"));
        }
        StoredFiles.StoredFile s = files.store(RECORD_TYPE, f.getId(), PHOTO, checked);
        return fileView(s);
    }

    public ResponseEntity<byte[]> download(long id, long fileId) {
        StoredFiles.StoredFile f = fileOf(id, fileId);
        return UploadedFiles.download(f.fileName(), f.contentType(), files.content(f.id()));
    }

    public ResponseEntity<byte[]> thumbnail(long id, long fileId) {
        StoredFiles.StoredFile f = fileOf(id, fileId);
        byte[] jpeg = files.thumbnail(f.id()).orElseThrow(() -> new NotFoundException("stored-file-thumbnail", fileId));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).header("X-Content-Type-Options", "nosniff")
                .body(jpeg);
    }

    /** The bytes of a signature as a data URL for the printed report (null when none). */
    @Transactional(readOnly = true)
    public String signatureDataUrl(long id, String slot) {
        load(id);
        return files.list(RECORD_TYPE, id).stream().filter(x -> x.slot().equals(slot))
                .reduce((a, b) -> b)
                .map(x -> "data:" + x.contentType() + ";base64," + Base64.getEncoder().encodeToString(files.content(x.id())))
                .orElse(null);
    }

    private StoredFiles.StoredFile fileOf(long id, long fileId) {
        load(id);
        return files.find(fileId).filter(x -> RECORD_TYPE.equals(x.ownerType()) && x.ownerId() == id)
                .orElseThrow(() -> new NotFoundException("stored-file", fileId));
    }

    // ---- reads -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        return view(load(id));
    }

    static final Map<String, ListSort.Column> SORTS = Map.of(
            "code", ListSort.Column.text("f.code"),
            "travelOutOn", ListSort.Column.date("f.travel_out_on"));

    /** The list, newest first (or by a column), keyset-paged, within the reader's reach. */
    @Transactional(readOnly = true)
    public Page search(Filter filter, String sort, String cursor, int limit) {
        ListSort order = ListSort.parse(sort, SORTS, "f.id", "-id");
        CurrentUser me = users.require();
        Filter fl = filter == null ? Filter.none() : filter;
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("""
                select f.id, f.code, f.request_code, f.customer_name, f.title, f.site, f.travel_out_on, f.return_on,
                       f.leader_name, f.status, f.report_code""").append(order.selectColumn())
                .append(" from field_service f where ").append(visible(me, params));
        if (fl.status() != null) {
            sql.append(" and f.status = :status");
            params.put("status", fl.status().name());
        }
        if (fl.customerId() != null) {
            sql.append(" and f.customer_id = :customer");
            params.put("customer", fl.customerId());
        }
        if (Boolean.TRUE.equals(fl.mine())) {
            sql.append(" and exists (select 1 from field_service_member mm where mm.service_id = f.id and mm.user_id = :mine)");
            params.put("mine", me.id());
        }
        if (Boolean.TRUE.equals(fl.myDepartment())) {
            sql.append(" and exists (select 1 from field_service_member md where md.service_id = f.id"
                    + " and md.department_id = :myDepartment)");
            params.put("myDepartment", me.departmentId() == null ? -1L : me.departmentId());
        }
        if (fl.from() != null) {
            sql.append(" and f.travel_out_on >= :from");
            params.put("from", fl.from());
        }
        if (fl.to() != null) {
            sql.append(" and f.travel_out_on <= :to");
            params.put("to", fl.to());
        }
        if (fl.q() != null && !fl.q().isBlank()) {
            sql.append(" and (lower(f.code) like :q or lower(f.customer_name) like :q or lower(f.title) like :q"
                    + " or lower(f.site) like :q or lower(f.report_code) like :q)");
            params.put("q", "%" + fl.q().trim().toLowerCase(Locale.ROOT) + "%");
        }
        order.after(cursor, sql, params);
        sql.append(order.orderBy()).append(" limit :limit");
        params.put("limit", limit + 1);
        var slice = order.page(jdbc.sql(sql.toString()).params(params).query(order.mapper((rs, n) -> new Row(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
                FieldServiceStatus.valueOf(rs.getString(10)), rs.getString(11)))).list(), limit);
        return new Page(slice.items(), slice.nextCursor());
    }

    /** The reader's reach as SQL over {@code field_service f}. */
    private String visible(CurrentUser me, Map<String, Object> params) {
        if (me.can(FieldServicePermissions.MANAGE) || me.scope().kind() == DataScope.Kind.ALL) {
            return "1=1";
        }
        DataScope.SqlCondition c = me.scope().condition("m.department_id", "m.user_id");
        params.putAll(c.params());
        params.put("me", me.id());
        return "(f.created_by = :me or exists (select 1 from field_service_member m where m.service_id = f.id and ("
                + "m.user_id = :me or " + c.sql() + ")))";
    }

    /** The service if the reader may see it; the system sees all. Else 404. */
    private FieldService load(long id) {
        FieldService f = services.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
        CurrentUser me = users.current().orElse(null);
        if (me == null || me.can(FieldServicePermissions.MANAGE) || me.scope().kind() == DataScope.Kind.ALL
                || f.getCreatedBy() != null && f.getCreatedBy() == me.id()
                || f.getTeam().stream().anyMatch(m -> m.getUserId() == me.id()
                        || me.scope().allows(m.getDepartmentId(), m.getUserId()))) {
            return f;
        }
        throw new NotFoundException(RECORD_TYPE, id);
    }

    private Detail change(long id, Long version, String action, Consumer<FieldService> step) {
        FieldService f = load(id);
        audit.change(f, version, f.getVersion(), action, step, services::saveAndFlush);
        return view(f);
    }

    private Detail view(FieldService f) {
        Map<Long, String> names = new LinkedHashMap<>();
        f.getTeam().forEach(m -> names.put(m.getId(), m.getUserName()));
        List<FieldServiceViews.Hours> hours = f.getHours().stream().map(h -> new FieldServiceViews.Hours(h.getId(),
                h.getMemberId(), names.get(h.getMemberId()), odt(h.getStartedAt()), odt(h.getEndedAt()), h.hours(),
                h.getNote())).toList();
        List<FieldServiceViews.Member> team = f.getTeam().stream().map(m -> new FieldServiceViews.Member(m.getId(),
                m.getUserId(), m.getUserName(), m.getDepartmentId(), m.getDepartmentName(), m.isLeader(), m.getTask(),
                m.getDueOn(), m.getWorkDone(), odt(m.getAcknowledgedAt()), f.getHours().stream()
                        .filter(h -> h.getMemberId() == m.getId()).mapToDouble(h -> h.hours()).sum())).toList();
        List<StoredFiles.StoredFile> stored = files.list(RECORD_TYPE, f.getId());
        return new Detail(f.getId(), f.getCode(), f.getVersion(), f.getRequestId(), f.getRequestCode(),
                f.getCustomerId(), f.getCustomerName(), f.getKind(), f.getTitle(), f.getSite(), f.getSiteContact(),
                f.getSitePhone(), f.getTravelOutOn(), f.getOnSiteFrom(), f.getOnSiteTo(), f.getReturnOn(),
                f.getVehicles(), f.getWorkPlan(), f.getLeaderId(), f.getLeaderName(), f.getStatus(), team,
                f.getTools().stream().map(t -> new FieldServiceViews.Tool(t.getId(), t.getName(), t.isMeasuring(),
                        t.getNote())).toList(),
                f.getParts().stream().map(p -> new FieldServiceViews.Part(p.getId(), p.getName(), p.getUnit(),
                        p.getIssued().stripTrailingZeros(), p.getUsed().stripTrailingZeros())).toList(),
                new FieldServiceViews.Briefing(f.getBriefedBy(), f.getBriefingTopics(), odt(f.getBriefedAt()),
                        f.briefingDone(), f.checklistDone(), f.getExceptionReason(), f.getExceptionBy(),
                        odt(f.getExceptionAt()), f.readyToDepart() || f.getExceptionReason() != null),
                f.getChecklist().stream().map(c -> new FieldServiceViews.Check(c.getItemCode(), c.isChecked(),
                        c.getCheckedBy(), odt(c.getCheckedAt()))).toList(),
                odt(f.getDepartedAt()), odt(f.getArrivedAt()), odt(f.getLeftSiteAt()), f.getFindings(),
                f.getMeasurements().stream().map(m -> new FieldServiceViews.Measurement(m.getId(), m.getName(),
                        m.getValue(), m.getUnit(), m.getNote())).toList(),
                hours, hours.stream().mapToDouble(FieldServiceViews.Hours::hours).sum(),
                f.getOpenPoints().stream().map(p -> new FieldServiceViews.OpenPoint(p.getId(), p.getDescription(),
                        p.getOwnerId(), p.getOwnerName(), p.getDueOn(), p.getFollowUpKind(), p.getFollowUpId(),
                        p.getFollowUpCode())).toList(),
                stored.stream().filter(s -> PHOTO.equals(s.slot())).map(this::fileView).toList(),
                new FieldServiceViews.Report(f.getReportCode(), f.getEvaluation(), f.getCustomerComment(),
                        f.getCustomerSigner(), odt(f.getCustomerSignedAt()), f.getCustomerSignatureFile() != null,
                        odt(f.getLeaderSignedAt()), f.getLeaderSignatureFile() != null),
                f.getCreatedByName(), odt(f.getCreatedAt()));
    }

    private FieldServiceViews.File fileView(StoredFiles.StoredFile s) {
        return new FieldServiceViews.File(s.id(), s.slot(), s.fileName(), s.contentType(), s.size(), s.image(),
                odt(s.storedAt()));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Long departmentOf(long userId) {
        return jdbc.sql("select department_id from org_user where id = :id").param("id", userId)
                .query((rs, n) -> rs.getObject(1, Long.class)).optional().orElse(null);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private String actor() {
        return users.current().map(CurrentUser::displayName).orElse(SYSTEM_ACTOR);
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static Instant instantOrNull(OffsetDateTime at) {
        return instant(at);
    }

    private OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
