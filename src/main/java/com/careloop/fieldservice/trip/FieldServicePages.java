package com.careloop.fieldservice.trip;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.fieldservice.FieldServiceCommands;
import com.careloop.fieldservice.FieldServicePermissions;
import com.careloop.fieldservice.FieldServiceStatus;
import com.careloop.fieldservice.FieldServiceViews.Detail;
import com.careloop.fieldservice.FieldServiceViews.Filter;
import com.careloop.fieldservice.FieldServices;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Satisfaction;
import com.careloop.platform.Text;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskViews;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The field-service pages: the list (mine / my department / all within reach; status, customer, travel dates;
 * keyset paging), the plan form from a FIELD_SERVICE request, the service with its steps (briefing with the members'
 * acknowledgements, checklist, manager's exception, departure), the leader's 390 px on-site page (offline-tolerant
 * through {@code static/js/offline-forms.js}, signatures on the pad of {@code static/js/signature.js}) and the report's
 * print view (现场服务报告 Q/JL081304, the same document as the PDF). A refused step (409), bad input (422) or a stale
 * version comes back as a readable message on the page it came from; a step posted by the on-site page's script
 * ({@code X-Requested-With: fetch}) gets the message as a plain 4xx body instead.
 */
@Controller
class FieldServicePages {

    record Option(long id, String name) {
    }

    static final String PAGES = "/field-services";
    private static final Pattern SERVICE_PATH = Pattern.compile("^/field-services/(\\d+)(/on-site)?");
    /** Empty team rows the plan form offers besides the leader. */
    static final int MEMBER_ROWS = 6;

    private final FieldServices services;
    private final FieldServicePrint print;
    private final FieldServiceExport export;
    private final ServiceDesk desk;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final CurrentUsers users;
    private final ZoneId zone;

    FieldServicePages(FieldServices services, FieldServicePrint print, FieldServiceExport export, ServiceDesk desk,
                      JdbcClient jdbc, MessageSource messages, CurrentUsers users, CareLoopProperties platform) {
        this.services = services;
        this.print = print;
        this.export = export;
        this.desk = desk;
        this.jdbc = jdbc;
        this.messages = messages;
        this.users = users;
        this.zone = platform.zone();
    }

    // ---- list, plan --------------------------------------------------------------------------

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping(PAGES)
    String list(@RequestParam(required = false) FieldServiceStatus status,
                @RequestParam(required = false) Long customerId, @RequestParam(required = false) String reach,
                @RequestParam(required = false) Boolean mine, @RequestParam(required = false) String q,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
                Model model) {
        String r = reach(reach, mine);
        Filter filter = filter(status, customerId, r, q, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("reach", r);
        model.addAttribute("sort", sort);
        model.addAttribute("statuses", FieldServiceStatus.values());
        model.addAttribute("page", services.search(filter, sort, cursor, 50));
        return "fieldservice/list";
    }

    /** The list as .xlsx with the same filters, reach and sort. */
    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping(PAGES + "/export")
    void export(@RequestParam(required = false) FieldServiceStatus status,
                @RequestParam(required = false) Long customerId, @RequestParam(required = false) String reach,
                @RequestParam(required = false) Boolean mine, @RequestParam(required = false) String q,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String sort, HttpServletRequest request,
                HttpServletResponse response) {
        export.write(filter(status, customerId, reach(reach, mine), q, from, to), sort, request.getQueryString(),
                response);
    }

    private static String reach(String reach, Boolean mine) {
        return Boolean.TRUE.equals(mine) ? "mine" : reach == null || reach.isBlank() ? "all" : reach;
    }

    private static Filter filter(FieldServiceStatus status, Long customerId, String reach, String q, LocalDate from,
                                 LocalDate to) {
        return new Filter(status, customerId, "mine".equals(reach) ? Boolean.TRUE : null,
                q == null || q.isBlank() ? null : q.strip(), "department".equals(reach) ? Boolean.TRUE : null, from, to);
    }

    @RequiresPermission(FieldServicePermissions.PLAN)
    @GetMapping(PAGES + "/new")
    String planForm(@RequestParam(required = false) Long requestId, Model model) {
        if (requestId != null) {
            ServiceDeskViews.Detail r = desk.detail(requestId);
            model.addAttribute("r", r);
            StringBuilder parts = new StringBuilder();
            r.materials().forEach(m -> parts.append(m.item()).append(", ")
                    .append(m.quantity() == null ? "" : m.quantity().stripTrailingZeros().toPlainString()).append(", ")
                    .append(m.unit() == null ? "" : m.unit()).append('\n'));
            model.addAttribute("partsText", parts.toString());
        } else {
            model.addAttribute("requests", desk.search(ServiceDeskViews.Filter.of(null,
                    com.careloop.servicedesk.RequestType.FIELD_SERVICE, null, null, null, null, null, null, null, null,
                    null, null, null, null), null, 50).items());
        }
        model.addAttribute("requestId", requestId);
        model.addAttribute("people", people());
        model.addAttribute("memberRows", MEMBER_ROWS);
        model.addAttribute("today", LocalDate.now(zone));
        return "fieldservice/new";
    }

    @RequiresPermission(FieldServicePermissions.PLAN)
    @PostMapping(PAGES + "/new")
    String plan(@RequestParam(required = false) Long requestId, @RequestParam(required = false) String site,
                @RequestParam(required = false) String siteContact, @RequestParam(required = false) String sitePhone,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate travelOutOn,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate onSiteFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate onSiteTo,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnOn,
                @RequestParam(required = false) Long leaderId, @RequestParam(required = false) String leaderTask,
                @RequestParam(required = false) String leaderDueOn,
                @RequestParam(required = false) List<String> memberUserId,
                @RequestParam(required = false) List<String> memberTask,
                @RequestParam(required = false) List<String> memberDueOn,
                @RequestParam(required = false) String vehicles, @RequestParam(required = false) String toolsText,
                @RequestParam(required = false) String partsText, @RequestParam(required = false) String workPlan,
                RedirectAttributes flash) {
        List<FieldServiceCommands.Member> members = new ArrayList<>();
        List<String> ids = memberUserId == null ? List.of() : memberUserId;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank()) {
                continue;
            }
            members.add(new FieldServiceCommands.Member(Long.valueOf(id.trim()), at(memberTask, i),
                    date("memberDueOn", at(memberDueOn, i))));
        }
        Detail d = services.plan(new FieldServiceCommands.Plan(requestId, blank(site), blank(siteContact),
                blank(sitePhone), travelOutOn, onSiteFrom, onSiteTo, returnOn,
                leaderId == null ? null : new FieldServiceCommands.Member(leaderId, blank(leaderTask),
                        date("leaderDueOn", leaderDueOn)),
                members, blank(vehicles), tools(toolsText), parts(partsText), blank(workPlan)));
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + PAGES + "/" + d.id();
    }

    /** Tools, one a line; a line starting with {@code *} is a measuring instrument. */
    static List<FieldServiceCommands.Tool> tools(String text) {
        List<FieldServiceCommands.Tool> tools = new ArrayList<>();
        for (String line : lines(text)) {
            boolean measuring = line.startsWith("*");
            String name = measuring ? line.substring(1).trim() : line;
            if (!name.isEmpty()) {
                tools.add(new FieldServiceCommands.Tool(name, measuring, null));
            }
        }
        return tools;
    }

    /** Spare parts, one a line: {@code name, quantity, unit}; no line at all = the request's materials. */
    static List<FieldServiceCommands.Part> parts(String text) {
        List<String> lines = lines(text);
        if (lines.isEmpty()) {
            return null;
        }
        List<FieldServiceCommands.Part> parts = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split("[,，]", -1);
            BigDecimal quantity;
            try {
                quantity = cells.length > 1 && !cells[1].isBlank() ? new BigDecimal(cells[1].trim()) : BigDecimal.ONE;
            } catch (NumberFormatException e) {
                throw new InvalidInputException("partsText", "number", Text.of("error.fieldservice.part-line", line));
            }
            parts.add(new FieldServiceCommands.Part(cells[0].trim(), quantity,
                    cells.length > 2 && !cells[2].isBlank() ? cells[2].trim() : null));
        }
        return parts;
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    // ---- the service -------------------------------------------------------------------------

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping(PAGES + "/{id}")
    String detail(@PathVariable long id, Model model) {
        Detail f = services.detail(id);
        CurrentUser me = users.require();
        model.addAttribute("f", f);
        model.addAttribute("meMember", f.team().stream().filter(m -> m.userId() == me.id()).findFirst().orElse(null));
        model.addAttribute("isLeader", f.leaderId() == me.id());
        model.addAttribute("people", people());
        return "fieldservice/detail";
    }

    /** The leader's phone page: arrival and departure, work per task, findings, measurements, photos, parts, hours,
     * open points, the customer's signature on the pad and ours. */
    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping(PAGES + "/{id}/on-site")
    String onSite(@PathVariable long id, Model model) {
        Detail f = services.detail(id);
        CurrentUser me = users.require();
        model.addAttribute("f", f);
        model.addAttribute("isLeader", f.leaderId() == me.id());
        model.addAttribute("people", people());
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("now", LocalDateTime.now(zone).withSecond(0).withNano(0));
        return "fieldservice/on-site";
    }

    /** The browser's print view of the field-service report: the same document as the PDF, as A4 HTML. */
    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping(value = PAGES + "/{id}/report", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String report(@PathVariable long id) {
        return print.html(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping(PAGES + "/{id}/report.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable long id) {
        return print.pdf(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping(PAGES + "/{id}/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        return services.download(id, fileId);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping(PAGES + "/{id}/files/{fileId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id, @PathVariable long fileId) {
        return services.thumbnail(id, fileId);
    }

    // ---- before departure --------------------------------------------------------------------

    @RequiresPermission(FieldServicePermissions.BRIEF)
    @PostMapping(PAGES + "/{id}/briefing")
    String brief(@PathVariable long id, @RequestParam(required = false) String briefedBy,
                 @RequestParam(required = false) String topics,
                 @RequestParam(required = false) List<Long> acknowledged,
                 @RequestParam(required = false) Long version, RedirectAttributes flash) {
        services.brief(id, new FieldServiceCommands.Briefing(blank(briefedBy), blank(topics),
                acknowledged == null ? List.of() : acknowledged, version));
        return saved(id, flash, "");
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @PostMapping(PAGES + "/{id}/briefing/acknowledge")
    String acknowledge(@PathVariable long id, RedirectAttributes flash) {
        services.acknowledgeBriefing(id);
        return saved(id, flash, "");
    }

    @RequiresPermission(FieldServicePermissions.BRIEF)
    @PostMapping(PAGES + "/{id}/checklist")
    String checklist(@PathVariable long id, @RequestParam(required = false) List<String> checked,
                     @RequestParam(required = false) Long version, RedirectAttributes flash) {
        services.checklist(id, new FieldServiceCommands.Checklist(checked == null ? List.of() : checked, version));
        return saved(id, flash, "");
    }

    @RequiresPermission(FieldServicePermissions.MANAGE)
    @PostMapping(PAGES + "/{id}/departure-exception")
    String exception(@PathVariable long id, @RequestParam(required = false) String reason,
                     @RequestParam(required = false) Long version, RedirectAttributes flash) {
        services.departureException(id, new FieldServiceCommands.DepartureException(blank(reason), version));
        return saved(id, flash, "");
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(PAGES + "/{id}/depart")
    String depart(@PathVariable long id, @RequestParam(required = false) String at,
                  @RequestParam(required = false) Long version, @RequestParam(required = false) String back,
                  RedirectAttributes flash) {
        services.depart(id, new FieldServiceCommands.Moment(moment("at", at), version));
        return saved(id, flash, back);
    }

    // ---- on site -----------------------------------------------------------------------------

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(PAGES + "/{id}/arrive")
    String arrive(@PathVariable long id, @RequestParam(required = false) String at,
                  @RequestParam(required = false) String back, RedirectAttributes flash) {
        services.arrive(id, new FieldServiceCommands.Moment(moment("at", at), null));
        return saved(id, flash, back);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(PAGES + "/{id}/leave")
    String leave(@PathVariable long id, @RequestParam(required = false) String at,
                 @RequestParam(required = false) String back, RedirectAttributes flash) {
        services.leaveSite(id, new FieldServiceCommands.Moment(moment("at", at), null));
        return saved(id, flash, back);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(PAGES + "/{id}/work")
    String work(@PathVariable long id, @RequestParam(required = false) Long memberId,
                @RequestParam(required = false) String workDone, @RequestParam(required = false) String back,
                RedirectAttributes flash) {
        services.workDone(id, new FieldServiceCommands.WorkDone(memberId, blank(workDone)));
        return saved(id, flash, back);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(PAGES + "/{id}/findings")
    String findings(@PathVariable long id, @RequestParam(required = false) String findings,
                    @RequestParam(required = false) String back, RedirectAttributes flash) {
        services.findings(id, new FieldServiceCommands.Findings(blank(findings), null));
        return saved(id, flash, back);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(PAGES + "/{id}/measurements")
    String measure(@PathVariable long id, @RequestParam(required = false) String name,
                   @RequestParam(required = false) String value, @RequestParam(required = false) String unit,
                   @RequestParam(required = false) String note, @RequestParam(required = false) String back,
                   RedirectAttributes flash) {
        services.measure(id, new FieldServiceCommands.Measurement(blank(name), blank(value), blank(unit), blank(note)));
        return saved(id, flash, back);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(PAGES + "/{id}/hours")
    String hours(@PathVariable long id, @RequestParam(required = false) Long memberId,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String note, @RequestParam(required = false) String back,
                 RedirectAttributes flash) {
        services.hours(id, new FieldServiceCommands.Hours(memberId, moment("from", from), moment("to", to),
                blank(note)));
        return saved(id, flash, back);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(PAGES + "/{id}/parts-used")
    String partUsed(@PathVariable long id, @RequestParam(required = false) Long partId,
                    @RequestParam(required = false) BigDecimal used, @RequestParam(required = false) String back,
                    RedirectAttributes flash) {
        services.partUsed(id, new FieldServiceCommands.PartUsed(partId, used));
        return saved(id, flash, back);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(PAGES + "/{id}/open-points")
    String openPoint(@PathVariable long id, @RequestParam(required = false) String description,
                     @RequestParam(required = false) Long ownerId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                     @RequestParam(required = false) String back, RedirectAttributes flash) {
        services.openPoint(id, new FieldServiceCommands.OpenPoint(blank(description), ownerId, dueOn));
        return saved(id, flash, back);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(PAGES + "/{id}/open-points/{pointId}/follow-up")
    String followUp(@PathVariable long id, @PathVariable long pointId, @RequestParam(required = false) String as,
                    RedirectAttributes flash) {
        services.followUp(id, pointId, new FieldServiceCommands.FollowUp(as));
        return saved(id, flash, "");
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(PAGES + "/{id}/photos")
    String photo(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                 @RequestParam(required = false) String back, RedirectAttributes flash) {
        services.addPhoto(id, FieldServiceApi.upload(file));
        return saved(id, flash, back);
    }

    /** The customer's evaluation and signature: drawn on the pad (a PNG data URL) or a scanned signed form. */
    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(PAGES + "/{id}/customer-signature")
    String customerSigns(@PathVariable long id, @RequestParam(required = false) String signerName,
                         @RequestParam(required = false) String evaluation,
                         @RequestParam(required = false) String comment,
                         @RequestParam(required = false) String signatureImage,
                         @RequestParam(required = false) MultipartFile signature,
                         @RequestParam(required = false) Long version, @RequestParam(required = false) String back,
                         RedirectAttributes flash) {
        var cmd = new FieldServiceCommands.CustomerSignature(blank(signerName), blank(evaluation), blank(comment),
                blank(signatureImage), version);
        if (signature != null && !signature.isEmpty() && blank(signatureImage) == null) {
            services.customerSigns(id, cmd, FieldServiceApi.upload(signature));
        } else {
            services.customerSigns(id, cmd);
        }
        return saved(id, flash, back);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(PAGES + "/{id}/leader-signature")
    String leaderSigns(@PathVariable long id, @RequestParam(required = false) String signatureImage,
                       @RequestParam(required = false) Long version, @RequestParam(required = false) String back,
                       RedirectAttributes flash) {
        services.leaderSigns(id, new FieldServiceCommands.LeaderSignature(blank(signatureImage), version));
        return saved(id, flash, back);
    }

    // ---- outcomes ----------------------------------------------------------------------------

    private static String saved(long id, RedirectAttributes flash, String back) {
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + PAGES + "/" + id + ("on-site".equals(back) ? "/on-site" : "");
    }

    /**
     * A refused step (409), bad input (422) or a stale version: the message on the page it came from (the on-site
     * page's script gets it as the body of a 4xx and shows it; it does not keep such an answer to send again).
     */
    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    Object refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        String message = ex instanceof OptimisticLockingFailureException
                ? messages.getMessage("fieldservice.stale", null, LocaleContextHolder.getLocale()) : ex.getMessage();
        if (ex instanceof InvalidInputException invalid) {
            message = label(invalid.field()) + ": " + message;
        }
        if ("fetch".equals(request.getHeader("X-Requested-With"))) {
            HttpStatus status = ex instanceof InvalidInputException ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.CONFLICT;
            return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_PLAIN,
                    java.nio.charset.StandardCharsets.UTF_8)).body(message);
        }
        flash.addFlashAttribute("error", message);
        Matcher m = SERVICE_PATH.matcher(request.getRequestURI());
        if (m.find()) {
            boolean onSite = m.group(2) != null || "on-site".equals(request.getParameter("back"));
            return "redirect:" + PAGES + "/" + m.group(1) + (onSite ? "/on-site" : "");
        }
        String requestId = request.getParameter("requestId");
        return "redirect:" + PAGES + "/new" + (requestId == null || requestId.isBlank() ? "" : "?requestId=" + requestId);
    }

    /** A form field's label in the reader's language where there is one (else the field's name). */
    private String label(String field) {
        String key = field == null ? "" : field.replaceAll("\\[\\d+]", "").replaceAll("\\..*$", "");
        return messages.getMessage("fieldservice." + key, null, field, LocaleContextHolder.getLocale());
    }

    private List<Option> people() {
        return jdbc.sql("""
                select u.id, u.display_name, d.name from org_user u left join org_department d on d.id = u.department_id
                where u.active = true order by d.name, u.display_name, u.id""")
                .query((rs, n) -> new Option(rs.getLong(1), (rs.getString(3) == null ? "" : rs.getString(3) + " · ")
                        + rs.getString(2))).list();
    }

    /** A {@code datetime-local} value in the company's time zone (blank = null, the service takes now). */
    private OffsetDateTime moment(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(zone).toOffsetDateTime();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.trim());
            } catch (java.time.format.DateTimeParseException e2) {
                throw new InvalidInputException(field, "date-time", Text.of("error.fieldservice.date-time", value));
            }
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "date", Text.of("error.fieldservice.date-time", value));
        }
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : blank(values.get(i));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
