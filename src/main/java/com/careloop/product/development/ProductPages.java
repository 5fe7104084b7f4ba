package com.careloop.product.development;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.product.DevelopmentStatus;
import com.careloop.product.ProductCommands;
import com.careloop.product.ProductDevelopments;
import com.careloop.product.ProductNode;
import com.careloop.product.ProductPermissions;
import com.careloop.product.ProductViews;
import com.careloop.product.ProductViews.Detail;
import com.careloop.product.ProductViews.Filter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The development pages: the board (one column per node, overdue nodes highlighted, filters by customer and
 * department), the list, the demand form that starts a development, the development with every node and the form of
 * the open node for the reader's department, the printable forms, and the key-node statistics with their export. A
 * refused step comes back as a message on the page it came from.
 */
@Controller
class ProductPages {

    static final int PER_COLUMN = 100;
    static final int FORM_LINES = 8;
    private static final String HOME = "/product-developments";
    private static final Pattern DEVELOPMENT_PATH = Pattern.compile("^/product-developments/(\\d+)");

    record Option(long id, String name) {
    }

    /** The demand form on the page (flat). */
    record StartForm(Long customerId, Long salespersonId, String productName, String application,
                     BigDecimal firstOrderQuantity, BigDecimal annualQuantity, String unit, BigDecimal targetPrice,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requiredOn, String requirements) {
    }

    private final ProductDevelopments developments;
    private final ProductPrint print;
    private final ProductExport export;
    private final JdbcClient jdbc;
    private final com.careloop.customer.CustomerDirectory customers;
    private final MessageSource messages;
    private final CurrentUsers users;
    private final java.time.Clock clock;
    private final java.time.ZoneId zone;

    ProductPages(ProductDevelopments developments, ProductPrint print, ProductExport export, JdbcClient jdbc,
                 com.careloop.customer.CustomerDirectory customers, MessageSource messages, CurrentUsers users,
                 java.time.Clock clock, CareLoopProperties platform) {
        this.customers = customers;
        this.developments = developments;
        this.print = print;
        this.export = export;
        this.jdbc = jdbc;
        this.messages = messages;
        this.users = users;
        this.clock = clock;
        this.zone = platform.zone();
    }

    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping(HOME)
    String board(@RequestParam(required = false) Long customerId, @RequestParam(required = false) Long departmentId,
                 Model model) {
        model.addAttribute("columns", developments.board(customerId, departmentId, PER_COLUMN));
        model.addAttribute("customerId", customerId);
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("departments", departments());
        return "product/board";
    }

    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping(HOME + "/list")
    String list(@RequestParam(required = false) Long customerId, @RequestParam(required = false) Long departmentId,
                @RequestParam(required = false) DevelopmentStatus status,
                @RequestParam(required = false) ProductNode node, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
                Model model) {
        Filter f = new Filter(customerId, departmentId, status, node, q == null || q.isBlank() ? null : q.strip());
        model.addAttribute("filter", f);
        model.addAttribute("sort", sort);
        model.addAttribute("page", developments.search(f, sort, cursor, 50));
        model.addAttribute("statuses", DevelopmentStatus.values());
        model.addAttribute("nodes", ProductNode.values());
        model.addAttribute("departments", departments());
        return "product/list";
    }

    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping(HOME + "/list/export")
    void exportList(@RequestParam(required = false) Long customerId, @RequestParam(required = false) Long departmentId,
                    @RequestParam(required = false) DevelopmentStatus status,
                    @RequestParam(required = false) ProductNode node, @RequestParam(required = false) String q,
                    @RequestParam(required = false) String sort, HttpServletRequest request,
                    HttpServletResponse response) {
        export.register(new Filter(customerId, departmentId, status, node, q == null || q.isBlank() ? null
                : q.strip()), sort, request.getQueryString(), response);
    }

    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping(HOME + "/statistics")
    String statistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      Model model) {
        LocalDate today = today();
        LocalDate t = to == null ? today : to;
        LocalDate f = from == null ? t.withDayOfYear(1) : from;
        model.addAttribute("s", developments.statistics(f, t));
        return "product/statistics";
    }

    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping(HOME + "/statistics/export")
    void exportStatistics(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          HttpServletRequest request, HttpServletResponse response) {
        export.nodes(from, to, request.getQueryString(), response);
    }

    @RequiresPermission(ProductPermissions.REQUEST)
    @GetMapping(HOME + "/new")
    String newDevelopment(@RequestParam(required = false) Long customerId, @RequestParam(required = false) String customer,
                          Model model) {
        // the customer picker: the one the page came from, or found by name, code or phone
        model.addAttribute("customerId", customerId);
        model.addAttribute("customers", customers.choices(customerId, customer, 20));
        model.addAttribute("customerQuery", customer);
        model.addAttribute("today", today());
        return "product/new";
    }

    @RequiresPermission(ProductPermissions.REQUEST)
    @PostMapping(HOME + "/new")
    String start(@ModelAttribute StartForm form) {
        Detail d = developments.start(new ProductCommands.Start(form.customerId(), form.salespersonId(),
                new ProductCommands.Demand(form.productName(), form.application(), form.firstOrderQuantity(),
                        form.annualQuantity(), form.unit(), form.targetPrice(), form.requiredOn(),
                        form.requirements())));
        return "redirect:" + HOME + "/" + d.id();
    }

    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping(HOME + "/{id}")
    String detail(@PathVariable long id, Model model) {
        Detail d = developments.detail(id);
        CurrentUser me = users.require();
        model.addAttribute("d", d);
        model.addAttribute("today", today());
        model.addAttribute("lines", FORM_LINES);
        boolean mine = d.currentNode() != null && me.can(d.currentNode().permission())
                && (me.scope().kind() == com.careloop.platform.DataScope.Kind.ALL
                || java.util.Objects.equals(me.departmentId(), d.node(d.currentNode()).departmentId()));
        model.addAttribute("mine", mine);
        model.addAttribute("canAttach", me.can(ProductPermissions.REQUEST));
        model.addAttribute("canRequote", d.quotation() != null && me.can(ProductPermissions.QUOTE)
                && (d.status() == DevelopmentStatus.REJECTED || d.quotationExpired())
                && (me.scope().kind() == com.careloop.platform.DataScope.Kind.ALL
                || java.util.Objects.equals(me.departmentId(), d.node(ProductNode.QUOTATION).departmentId())));
        return "product/detail";
    }

    /** The browser's print view of a paper form: demand, process-sheet, quotation. */
    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping(value = HOME + "/{id}/forms/{form}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String form(@PathVariable long id, @PathVariable String form) {
        return print.html(id, form, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping(HOME + "/{id}/forms/{form}.pdf")
    ResponseEntity<byte[]> formPdf(@PathVariable long id, @PathVariable String form) {
        return print.pdf(id, form, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping(HOME + "/{id}/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        return developments.download(id, fileId);
    }

    // ---- node forms --------------------------------------------------------------------------------------------

    @RequiresPermission(ProductPermissions.DEVELOP)
    @PostMapping(HOME + "/{id}/rnd-report")
    String rndReport(@PathVariable long id, @ModelAttribute ProductCommands.RndReport form, RedirectAttributes flash) {
        developments.rndReport(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(ProductPermissions.DEVELOP)
    @PostMapping(HOME + "/{id}/process-sheet")
    String processSheet(@PathVariable long id, @RequestParam(required = false) String process,
                        @RequestParam(required = false) String spec,
                        @RequestParam(required = false) List<String> component,
                        @RequestParam(required = false) List<String> componentSpec,
                        @RequestParam(required = false) List<String> quantity,
                        @RequestParam(required = false) List<String> unit,
                        @RequestParam(required = false) Long version, RedirectAttributes flash) {
        List<ProductCommands.BomLine> bom = new ArrayList<>();
        int n = component == null ? 0 : component.size();
        for (int i = 0; i < n; i++) {
            String c = at(component, i);
            String s = at(componentSpec, i);
            String q = at(quantity, i);
            String u = at(unit, i);
            if (c == null && s == null && q == null && u == null) {
                continue;
            }
            bom.add(new ProductCommands.BomLine(c, s, decimal("bom[" + bom.size() + "].quantity", q), u));
        }
        developments.processSheet(id, new ProductCommands.ProcessSheet(process, spec, bom, version));
        return saved(id, flash);
    }

    @RequiresPermission(ProductPermissions.DEVELOP)
    @PostMapping(HOME + "/{id}/pilot")
    String pilot(@PathVariable long id, @ModelAttribute ProductCommands.Pilot form, RedirectAttributes flash) {
        developments.pilot(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(ProductPermissions.COST)
    @PostMapping(HOME + "/{id}/cost")
    String cost(@PathVariable long id, @RequestParam(required = false) List<String> unitCost,
                @RequestParam(required = false) BigDecimal labourCost,
                @RequestParam(required = false) BigDecimal overheadCost, @RequestParam(required = false) String note,
                @RequestParam(required = false) Long version, RedirectAttributes flash) {
        List<BigDecimal> costs = new ArrayList<>();
        for (int i = 0; unitCost != null && i < unitCost.size(); i++) {
            costs.add(decimal("unitCosts[" + i + "]", at(unitCost, i)));
        }
        developments.cost(id, new ProductCommands.Cost(costs, labourCost, overheadCost, note, version));
        return saved(id, flash);
    }

    @RequiresPermission(ProductPermissions.QUOTE)
    @PostMapping(HOME + "/{id}/quotation")
    String quotation(@PathVariable long id, @RequestParam(required = false) List<String> minQuantity,
                     @RequestParam(required = false) List<String> unitPrice,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
                     @RequestParam(required = false) String terms, @RequestParam(required = false) Long version,
                     RedirectAttributes flash) {
        developments.quotation(id, new ProductCommands.Quotation(tiers(minQuantity, unitPrice), validUntil, terms,
                version));
        return saved(id, flash);
    }

    /** A new quotation revision (after a rejection or expiry): the same form as the first quotation. */
    @RequiresPermission(ProductPermissions.QUOTE)
    @PostMapping(HOME + "/{id}/requotation")
    String requote(@PathVariable long id, @RequestParam(required = false) List<String> minQuantity,
                   @RequestParam(required = false) List<String> unitPrice,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
                   @RequestParam(required = false) String terms, @RequestParam(required = false) Long version,
                   RedirectAttributes flash) {
        developments.requote(id, new ProductCommands.Quotation(tiers(minQuantity, unitPrice), validUntil, terms,
                version));
        return saved(id, flash);
    }

    /** The quotation's personal link for the customer, mailed when an address is given; the url is shown once. */
    @RequiresPermission(ProductPermissions.REQUEST)
    @PostMapping(HOME + "/{id}/quotation/link")
    String link(@PathVariable long id, @ModelAttribute ProductCommands.SendLink form, RedirectAttributes flash) {
        ProductViews.Link link = developments.issueQuotationLink(id, form);
        flash.addFlashAttribute("quotationLink", link);
        return saved(id, flash);
    }

    private List<ProductCommands.Tier> tiers(List<String> minQuantity, List<String> unitPrice) {
        List<ProductCommands.Tier> tiers = new ArrayList<>();
        int n = minQuantity == null ? 0 : minQuantity.size();
        for (int i = 0; i < n; i++) {
            String q = at(minQuantity, i);
            String p = at(unitPrice, i);
            if (q == null && p == null) {
                continue;
            }
            tiers.add(new ProductCommands.Tier(decimal("tiers[" + tiers.size() + "].minQuantity", q),
                    decimal("tiers[" + tiers.size() + "].unitPrice", p)));
        }
        return tiers;
    }

    @RequiresPermission(ProductPermissions.REQUEST)
    @PostMapping(HOME + "/{id}/quotation/sent")
    String send(@PathVariable long id, @ModelAttribute ProductCommands.Send form, RedirectAttributes flash) {
        developments.send(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(ProductPermissions.REQUEST)
    @PostMapping(HOME + "/{id}/answer")
    String answer(@PathVariable long id, @ModelAttribute ProductCommands.Answer form, RedirectAttributes flash) {
        developments.answer(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(ProductPermissions.REQUEST)
    @PostMapping(HOME + "/{id}/files")
    String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
        try {
            developments.attach(id, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(), file == null || file.isEmpty() ? null : file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return saved(id, flash);
    }

    private static String saved(long id, RedirectAttributes flash) {
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + HOME + "/" + id;
    }

    /** A refused step (409), bad input (422) or a stale version: the message on the page it came from. */
    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        String message = ex instanceof OptimisticLockingFailureException
                ? messages.getMessage("product.error.stale", null, LocaleContextHolder.getLocale()) : ex.getMessage();
        if (ex instanceof InvalidInputException invalid) {
            message = invalid.field() + ": " + message;
        }
        flash.addFlashAttribute("error", message);
        Matcher m = DEVELOPMENT_PATH.matcher(request.getRequestURI());
        return m.find() ? "redirect:" + HOME + "/" + m.group(1) : "redirect:" + HOME + "/new";
    }

    private static String at(List<String> values, int i) {
        if (values == null || i >= values.size()) {
            return null;
        }
        String v = values.get(i);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static BigDecimal decimal(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "number", com.careloop.platform.Text.of("error.product.number",
                    field, value));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private List<Option> departments() {
        return jdbc.sql("select id, name from org_department where active = true order by sort_order, id")
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2))).list();
    }
}
