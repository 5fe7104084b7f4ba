package com.careloop.callback.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import com.careloop.callback.TaskStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.callback.AssigneeRule;
import com.careloop.callback.CallbackCommands.Assign;
import com.careloop.callback.CallbackCommands.Cancel;
import com.careloop.callback.CallbackCommands.Complete;
import com.careloop.callback.CallbackCommands.CreateTask;
import com.careloop.callback.CallbackCommands.NotReached;
import com.careloop.callback.CallbackCommands.SavePlan;
import com.careloop.callback.CallbackMethod;
import com.careloop.callback.CallbackPermissions;
import com.careloop.callback.CallbackViews.Filter;
import com.careloop.callback.CallbackViews.GroupBy;
import com.careloop.callback.CallbackViews.KeyCustomerYear;
import com.careloop.callback.CallbackViews.StatsRow;
import com.careloop.callback.CallbackViews.Tab;
import com.careloop.callback.FollowUp;
import com.careloop.callback.PlanKind;
import com.careloop.callback.task.CallbackService;
import com.careloop.callback.task.CallbackStatistics;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NextStep;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Satisfaction;
import com.careloop.platform.excel.XlsxExport;
import com.careloop.servicedesk.RequestType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

import static com.careloop.platform.Forms.reject;

/**
 * The callback pages: the desk (due today, overdue, mine, all open; filters; one-click "not reached" via htmx),
 * the task page with its script and outcome form, manual tasks, the plans, statistics with chart and Excel,
 * and the annual key-customer follow-up.
 */
@Controller
class CallbackPages {

    private final CallbackService callbacks;
    private final CallbackStatistics statistics;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final CurrentUsers users;

    private final CallbackListExport export;

    CallbackPages(CallbackService callbacks, CallbackStatistics statistics, MessageSource messages, JsonMapper json,
                  Clock clock, CareLoopProperties platform, CallbackListExport export, CurrentUsers users) {
        this.export = export;
        this.users = users;
        this.callbacks = callbacks;
        this.statistics = statistics;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.zone = platform.zone();
    }

    // ---- desk and task -----------------------------------------------------------------------

    /** The desk's list as .xlsx: the page's tab, filters and sort, every page of it (audited). */
    @RequiresPermission(CallbackPermissions.VIEW)
    @GetMapping("/callbacks/export")
    void export(@RequestParam(required = false) Tab tab, @RequestParam(required = false) PlanKind plan,
                @RequestParam(required = false) Long assigneeId, @RequestParam(required = false) CallbackMethod method,
                @RequestParam(required = false) String sort, jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate plannedFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate plannedTo,
                @RequestParam(required = false) TaskStatus status,
                @RequestParam(required = false) com.careloop.platform.Satisfaction satisfaction) {
        export.write(new Filter(tab == null ? Tab.TODAY : tab, plan, assigneeId, method, status, null, plannedFrom,
                plannedTo, satisfaction), sort,
                request.getQueryString(), response);
    }

    @RequiresPermission(CallbackPermissions.VIEW)
    @GetMapping("/callbacks")
    String desk(@RequestParam(required = false) Tab tab, @RequestParam(required = false) PlanKind plan,
                @RequestParam(required = false) Long assigneeId, @RequestParam(required = false) CallbackMethod method,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
                Model model, @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate plannedFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate plannedTo,
                @RequestParam(required = false) TaskStatus status,
                @RequestParam(required = false) com.careloop.platform.Satisfaction satisfaction) {
        // planned dates, status and satisfaction: the drill-downs of the reporting figures
        Filter filter = new Filter(tab == null ? Tab.TODAY : tab, plan, assigneeId, method, status, null, plannedFrom,
                plannedTo, satisfaction);
        model.addAttribute("filter", filter);
        model.addAttribute("sort", sort);
        model.addAttribute("page", callbacks.search(filter, sort, cursor, 50));
        model.addAttribute("counters", callbacks.counters());
        model.addAttribute("tabs", List.of(Tab.TODAY, Tab.OVERDUE, Tab.MINE, Tab.OPEN));
        model.addAttribute("plans", PlanKind.values());
        model.addAttribute("methods", CallbackMethod.values());
        model.addAttribute("users", callbacks.assignableUsers());
        return "callback/desk";
    }

    @RequiresPermission(CallbackPermissions.VIEW)
    @GetMapping("/callbacks/{id}")
    String task(@PathVariable long id, Model model) {
        var t = callbacks.detail(id);
        model.addAttribute("t", t);
        model.addAttribute("onRequestPage", t.timeline().stream().anyMatch(e -> "RECORDED_ON_REQUEST".equals(e.kind())));
        model.addAttribute("next", next(t, users.require()));
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("followUps", FollowUp.values());
        model.addAttribute("requestTypes", RequestType.values());
        model.addAttribute("users", callbacks.assignableUsers());
        return "callback/task";
    }

    /** An open task is its assignee's to call; without one, any handler's (the desk's). */
    static NextStep next(com.careloop.callback.CallbackViews.Detail t, CurrentUser me) {
        if (!t.status().isOpen()) {
            return null;
        }
        boolean mine = t.assigneeId() == null ? me.can(CallbackPermissions.HANDLE)
                : t.assigneeId() == me.id() && me.can(CallbackPermissions.HANDLE);
        return mine ? NextStep.act("complete", "cb.action.complete", "complete-form")
                : NextStep.waiting("complete", "cb.action.complete", "nextstep.wait.callbackTask",
                        t.assigneeId() == null ? NextStep.position("CS_SUPERVISOR") : t.assigneeName());
    }

    @RequiresPermission(CallbackPermissions.HANDLE)
    @PostMapping("/callbacks/{id}/not-reached")
    String notReached(@PathVariable long id, @Valid @ModelAttribute NotReached form, BindingResult errors,
                      RedirectAttributes flash, HttpServletRequest request, HttpServletResponse response) {
        return step(id, errors, flash, request, response, () -> callbacks.notReached(id, form));
    }

    @RequiresPermission(CallbackPermissions.HANDLE)
    @PostMapping("/callbacks/{id}/complete")
    String complete(@PathVariable long id, @Valid @ModelAttribute Complete form, BindingResult errors,
                    RedirectAttributes flash, HttpServletRequest request, HttpServletResponse response) {
        return step(id, errors, flash, request, response, () -> callbacks.complete(id, form));
    }

    @RequiresPermission(CallbackPermissions.MANAGE)
    @PostMapping("/callbacks/{id}/cancel")
    String cancel(@PathVariable long id, @Valid @ModelAttribute Cancel form, BindingResult errors,
                  RedirectAttributes flash, HttpServletRequest request, HttpServletResponse response) {
        return step(id, errors, flash, request, response, () -> callbacks.cancel(id, form));
    }

    @RequiresPermission(CallbackPermissions.MANAGE)
    @PostMapping("/callbacks/{id}/assign")
    String assign(@PathVariable long id, @Valid @ModelAttribute Assign form, BindingResult errors,
                  RedirectAttributes flash, HttpServletRequest request, HttpServletResponse response) {
        return step(id, errors, flash, request, response, () -> callbacks.assign(id, form));
    }

    @RequiresPermission(CallbackPermissions.HANDLE)
    @GetMapping("/callbacks/new")
    String newTask(@RequestParam(required = false) Long customerId, Model model) {
        model.addAttribute("customerId", customerId);
        model.addAttribute("today", today());
        model.addAttribute("methods", CallbackMethod.values());
        model.addAttribute("users", callbacks.assignableUsers());
        return "callback/new";
    }

    @RequiresPermission(CallbackPermissions.HANDLE)
    @PostMapping("/callbacks/new")
    String create(@Valid @ModelAttribute CreateTask form, BindingResult errors, RedirectAttributes flash) {
        if (reject(errors, flash)) {
            return "redirect:/callbacks/new" + (form.customerId() == null ? "" : "?customerId=" + form.customerId());
        }
        var created = callbacks.createManual(form);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/callbacks/" + created.id();
    }

    // ---- plans -------------------------------------------------------------------------------

    @RequiresPermission(CallbackPermissions.VIEW)
    @GetMapping("/callbacks/plans")
    String plans(Model model) {
        model.addAttribute("plans", callbacks.plans());
        model.addAttribute("rules", AssigneeRule.values());
        model.addAttribute("methods", CallbackMethod.values());
        model.addAttribute("requestTypes", RequestType.values());
        model.addAttribute("users", callbacks.assignableUsers());
        model.addAttribute("nl", "\n");
        return "callback/plans";
    }

    @RequiresPermission(CallbackPermissions.MANAGE)
    @PostMapping("/callbacks/plans/{id}")
    String savePlan(@PathVariable long id, @Valid @ModelAttribute SavePlan form, BindingResult errors,
                    RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            callbacks.savePlan(id, form);
            flash.addFlashAttribute("success", "saved");
        }
        return "redirect:/callbacks/plans";
    }

    // ---- statistics --------------------------------------------------------------------------

    @RequiresPermission(CallbackPermissions.STATS)
    @GetMapping("/callbacks/stats")
    String stats(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                 @RequestParam(required = false) GroupBy groupBy, Model model) {
        LocalDate start = from == null ? today().withDayOfMonth(1) : from;
        LocalDate end = to == null || to.isBefore(start) ? (to == null ? today() : start) : to;
        GroupBy by = groupBy == null ? GroupBy.PLAN : groupBy;
        List<StatsRow> rows = statistics.statistics(by, start, end);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("groupBy", by);
        model.addAttribute("groups", GroupBy.values());
        model.addAttribute("rows", rows);
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("chart", chart(by, rows));
        return "callback/stats";
    }

    @RequiresPermission(CallbackPermissions.STATS)
    @GetMapping("/callbacks/stats/export")
    void exportStats(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                     @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                     @RequestParam(required = false) GroupBy groupBy, HttpServletResponse response) throws IOException {
        GroupBy by = groupBy == null ? GroupBy.PLAN : groupBy;
        List<String> headers = new ArrayList<>(List.of(message("cb.stats.group." + by), message("cb.stats.due"),
                message("cb.stats.done"), message("cb.stats.coverage"), message("cb.stats.attempted"),
                message("cb.stats.reached"), message("cb.stats.reachRate"), message("cb.stats.averageScore")));
        for (Satisfaction s : Satisfaction.values()) {
            headers.add(message("satisfaction." + s));
        }
        xlsx(response, "callbacks-" + from + "-" + to, message("cb.stats.title"), headers, xlsx -> {
            for (StatsRow r : statistics.statistics(by, from, to)) {
                List<Object> cells = new ArrayList<>(List.of(groupLabel(by, r.key()), r.due(), r.done()));
                cells.add(r.coverage());
                cells.add(r.attempted());
                cells.add(r.reached());
                cells.add(r.reachRate());
                cells.add(r.averageScore());
                for (Satisfaction s : Satisfaction.values()) {
                    cells.add(r.satisfaction().get(s));
                }
                xlsx.row(cells.toArray());
            }
        });
    }

    @RequiresPermission(CallbackPermissions.STATS)
    @GetMapping("/callbacks/key-customers/annual")
    String annual(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? today().getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("rows", statistics.keyCustomerYear(y));
        return "callback/annual";
    }

    @RequiresPermission(CallbackPermissions.STATS)
    @GetMapping("/callbacks/key-customers/annual/export")
    void exportAnnual(@RequestParam int year, HttpServletResponse response) throws IOException {
        List<String> headers = List.of(message("cb.customer"), message("cb.customerCode"), message("cb.annual.planned"),
                message("cb.annual.done"), message("cb.annual.reached"), message("cb.stats.averageScore"),
                message("cb.annual.lastSatisfaction"), message("cb.annual.unsatisfied"), message("cb.annual.complaints"),
                message("cb.annual.openComplaints"), message("cb.annual.requests"), message("cb.annual.openRequests"),
                message("cb.annual.openCallbacks"));
        xlsx(response, "key-customer-callbacks-" + year, message("cb.annual.title"), headers, xlsx -> {
            for (KeyCustomerYear r : statistics.keyCustomerYear(year)) {
                xlsx.row(r.customerName(), r.customerCode(), r.planned(), r.done(), r.reached(), r.averageScore(),
                        r.lastSatisfaction() == null ? null : message("satisfaction." + r.lastSatisfaction()),
                        r.unsatisfied(), r.complaints(), r.openComplaints(), r.serviceRequests(),
                        r.openServiceRequests(), r.openCallbacks());
            }
        });
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static void xlsx(HttpServletResponse response, String file, String sheet, List<String> headers,
                             java.util.function.Consumer<XlsxExport> rows) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"");
        try (var xlsx = XlsxExport.open(response.getOutputStream(), sheet, headers)) {
            rows.accept(xlsx);
        }
    }

    /** A stacked bar per group of the satisfaction distribution, with coverage and reach rate as lines (%). */
    String chart(GroupBy by, List<StatsRow> rows) {
        List<StatsRow> groups = rows.stream().filter(r -> r.key() != null).toList();
        List<String> labels = groups.stream().map(r -> groupLabel(by, r.key())).toList();
        List<Object> series = new ArrayList<>();
        for (Satisfaction s : Satisfaction.values()) {
            series.add(Map.of("name", message("satisfaction." + s), "type", "bar", "stack", "satisfaction",
                    "data", groups.stream().map(r -> r.satisfaction().get(s)).toList()));
        }
        series.add(Map.of("name", message("cb.stats.coverage"), "type", "line", "yAxisIndex", 1,
                "data", groups.stream().map(r -> percent(r.coverage())).toList()));
        series.add(Map.of("name", message("cb.stats.reachRate"), "type", "line", "yAxisIndex", 1,
                "data", groups.stream().map(r -> percent(r.reachRate())).toList()));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of());
        option.put("xAxis", Map.of("type", "category", "data", labels));
        option.put("yAxis", List.of(Map.of("type", "value"), Map.of("type", "value", "max", 100)));
        option.put("series", series);
        return json.writeValueAsString(option);
    }

    private static Object percent(Double rate) {
        return rate == null ? "-" : Math.round(rate * 1000) / 10.0;
    }

    String groupLabel(GroupBy by, String key) {
        if (key == null) {
            return message("cb.stats.all");
        }
        return by == GroupBy.PLAN ? message("cb.plan." + key) : key;
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** A step from a form: bad fields flash their message; an htmx button gets the desk refreshed. */
    private static String step(long id, BindingResult errors, RedirectAttributes flash, HttpServletRequest request,
                               HttpServletResponse response, Runnable step) {
        if (reject(errors, flash)) {
            return "redirect:/callbacks/" + id;
        }
        step.run();
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Refresh", "true");
            return "callback/fragments :: outcome";
        }
        flash.addFlashAttribute("success", "saved");
        return "redirect:/callbacks/" + id;
    }

    /** A refused step or stale version: the message on the page (htmx: in the desk's message slot). */
    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash, Model model) {
        String text = ex instanceof OptimisticLockingFailureException ? message("cb.error.stale") : ex.getMessage();
        if (request.getHeader("HX-Request") != null) {
            model.addAttribute("message", text);
            return "callback/fragments :: outcome";
        }
        flash.addFlashAttribute("error", text);
        var m = java.util.regex.Pattern.compile("^/callbacks/(\\d+)/").matcher(request.getRequestURI());
        if (m.find()) {
            return "redirect:/callbacks/" + m.group(1);
        }
        return request.getRequestURI().startsWith("/callbacks/plans") ? "redirect:/callbacks/plans" : "redirect:/callbacks/new";
    }
}
