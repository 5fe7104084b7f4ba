package com.careloop.contract.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.contract.ContractPermissions;
import com.careloop.contract.review.ContractShipments.Row;
import com.careloop.contract.review.ContractShipments.View;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.ListSort.Slice;
import com.careloop.platform.PrintDocuments;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shipping plan (出货计划, 002-A17) on pages: the list by planned date with overdue shipments highlighted and
 * filters (shipper, customer, status), its Excel export (platform {@link ListExport}, audited); one shipment with the
 * shipper's pack — the customer contract (the existing 合同评审表 printout), the production task notice and the carton
 * list 纸箱单 (platform {@link PrintDocuments}) — and the forms to record it shipped or cancel it; the plan form on the
 * contract page.
 */
@Controller
class ContractShipmentPages {

    static final PrintDocuments.Form CARTONS = new PrintDocuments.Form("contract/print/carton-list", null,
            "contract.shipment.cartons.title");
    static final String EXPORT_AUDIT = "contract-shipment-export";

    private static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("contract.shipment.number", Row::number),
            new Column<>("contract.shipment.plannedDate", Row::plannedDate),
            Column.label("contract.shipment.status", "contract.shipment.status.", Row::status),
            new Column<>("contract.number", Row::contractNumber),
            new Column<>("contract.customer", Row::customerName),
            new Column<>("contract.deliveryDate", Row::requiredDate),
            new Column<>("contract.shipment.shipper", Row::shipperName),
            new Column<>("contract.shipment.carrier", Row::carrier),
            new Column<>("contract.shipment.shippedOn", Row::shippedOn),
            new Column<>("contract.shipment.deliveryNote", Row::deliveryNote));

    private final ContractShipments shipments;
    private final PrintDocuments print;
    private final ListExport export;
    private final MessageSource messages;

    ContractShipmentPages(ContractShipments shipments, PrintDocuments print, ListExport export,
                          MessageSource messages) {
        this.shipments = shipments;
        this.print = print;
        this.export = export;
        this.messages = messages;
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(ContractShipments.PAGE)
    String list(@RequestParam(required = false) Long shipperId, @RequestParam(required = false) Long customerId,
                @RequestParam(required = false) String q,
                @RequestParam(required = false) ContractShipment.Status status, Model model) {
        model.addAttribute("rows", shipments.list(new ContractShipments.Filter(shipperId, customerId, q, status, null,
                null)));
        model.addAttribute("shippers", shipments.shippers());
        model.addAttribute("statuses", shipments.statuses());
        model.addAttribute("shipperId", shipperId);
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        return "contract/shipments";
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(ContractShipments.PAGE + "/export")
    void excel(@RequestParam(required = false) Long shipperId, @RequestParam(required = false) Long customerId,
               @RequestParam(required = false) String q,
               @RequestParam(required = false) ContractShipment.Status status,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               HttpServletRequest request, HttpServletResponse response) {
        excel(shipments, export, new ContractShipments.Filter(shipperId, customerId, q, status, from, to),
                request.getQueryString(), response);
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(ContractShipments.PAGE + "/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("s", shipments.get(id));
        return "contract/shipment";
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @PostMapping(ContractShipments.PAGE + "/{id}/ship")
    String ship(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash) {
        View s = shipments.get(id);
        List<ContractShipment.ShipLine> lines = new ArrayList<>();
        for (ContractShipments.Line l : s.lines()) {
            String q = form.getFirst("quantity_" + l.lineNo());
            lines.add(new ContractShipment.ShipLine(l.lineNo(), q == null || q.isBlank() ? null : decimal(q,
                    "lines[" + lines.size() + "].quantity")));
        }
        shipments.ship(s.contractId(), id, new ContractShipments.Ship(date(form.getFirst("shippedOn"), "shippedOn"),
                form.getFirst("deliveryNote"), lines, version(form)));
        flash.addFlashAttribute("success", "contract.shipment.shippedDone");
        return "redirect:" + ContractShipments.PAGE + "/" + id;
    }

    /** The change form on the shipment page: the day, the late reason and per line quantity, units per carton, marks. */
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping(ContractShipments.PAGE + "/{id}/edit")
    String edit(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash) {
        View s = shipments.get(id);
        List<ContractShipment.PlanLine> lines = new ArrayList<>();
        for (ContractShipments.Line l : s.lines()) {
            String field = "lines[" + lines.size() + "]";
            String q = form.getFirst("quantity_" + l.lineNo());
            String upc = form.getFirst("unitsPerCarton_" + l.lineNo());
            lines.add(new ContractShipment.PlanLine(l.lineNo(), q == null || q.isBlank() ? null
                    : decimal(q, field + ".quantity"), upc == null || upc.isBlank() ? null
                    : wholeNumber(upc, field + ".unitsPerCarton"), form.getFirst("marks_" + l.lineNo())));
        }
        shipments.edit(s.contractId(), id, new ContractShipments.Edit(date(form.getFirst("plannedDate"), "plannedDate"),
                form.getFirst("lateReason"), lines, version(form)));
        flash.addFlashAttribute("success", "contract.shipment.edited");
        return "redirect:" + ContractShipments.PAGE + "/" + id;
    }

    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping(ContractShipments.PAGE + "/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) Long version, RedirectAttributes flash) {
        View s = shipments.get(id);
        shipments.cancel(s.contractId(), id, new ContractShipments.Cancel(reason, version));
        flash.addFlashAttribute("success", "contract.shipment.cancelled");
        return "redirect:" + ContractShipments.PAGE + "/" + id;
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(value = ContractShipments.PAGE + "/{id}/carton-list", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String cartonList(@PathVariable long id) {
        View s = shipments.get(id);
        return print.html(CARTONS, s.number(), Map.of("s", s), LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(ContractShipments.PAGE + "/{id}/carton-list.pdf")
    ResponseEntity<byte[]> cartonListPdf(@PathVariable long id) {
        View s = shipments.get(id);
        return print.download(CARTONS, s.number(), Map.of("s", s), LocaleContextHolder.getLocale());
    }

    /** The plan form on the contract page: one quantity (and units per carton, marks) per contract line. */
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/contracts/{id}/shipments")
    String plan(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash) {
        List<ContractShipment.PlanLine> lines = new ArrayList<>();
        for (String key : form.keySet()) {
            if (!key.startsWith("quantity_")) {
                continue;
            }
            String q = form.getFirst(key);
            if (q == null || q.isBlank()) {
                continue;
            }
            String no = key.substring("quantity_".length());
            String field = "lines[" + lines.size() + "]";
            String upc = form.getFirst("unitsPerCarton_" + no);
            lines.add(new ContractShipment.PlanLine(Integer.valueOf(no), decimal(q, field + ".quantity"),
                    upc == null || upc.isBlank() ? null : decimal(upc, field + ".unitsPerCarton").intValue(),
                    form.getFirst("marks_" + no)));
        }
        String shipper = form.getFirst("shipperId");
        View s = shipments.plan(id, new ContractShipments.Plan(date(form.getFirst("plannedDate"), "plannedDate"),
                form.getFirst("lateReason"), form.getFirst("carrier"), form.getFirst("vehicle"),
                shipper == null || shipper.isBlank() ? null : Long.valueOf(shipper), lines));
        flash.addFlashAttribute("success", "contract.shipment.planned");
        return "redirect:" + ContractShipments.PAGE + "/" + s.id();
    }

    static void excel(ContractShipments shipments, ListExport export, ContractShipments.Filter filter,
                      String queryString, HttpServletResponse response) {
        List<Row> rows = shipments.list(filter);
        export.write(response, "shipping-plan", "nav.contractShipments", EXPORT_AUDIT, queryString, COLUMNS,
                cursor -> new Slice<>(rows, null));
    }

    static ResponseEntity<byte[]> cartonListPdf(ContractShipments shipments, PrintDocuments print, long contractId,
                                                long shipmentId, Locale locale) {
        View s = shipments.get(contractId, shipmentId);
        return print.download(CARTONS, s.number(), Map.of("s", s), locale);
    }

    private static BigDecimal decimal(String value, String field) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "number", com.careloop.platform.Text.of(
                    "error.contract.shipment-number", value));
        }
    }

    private static Integer wholeNumber(String value, String field) {
        BigDecimal d = decimal(value, field);
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidInputException(field, "number", com.careloop.platform.Text.of(
                    "error.contract.shipment-number", value));
        }
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "date", com.careloop.platform.Text.of(
                    "error.contract.shipment-date", value));
        }
    }

    private static Long version(MultiValueMap<String, String> form) {
        String v = form.getFirst("version");
        return v == null || v.isBlank() ? null : Long.valueOf(v);
    }

    /** A refusal (409, 422) comes back on the page it came from, in the reader's language. */
    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        flash.addFlashAttribute("error", ContractPages.refusal(messages, ex));
        String uri = request.getRequestURI();
        if (uri.startsWith("/contracts/")) {
            return "redirect:" + uri.substring(0, uri.length() - "/shipments".length()) + "#shipments";
        }
        return "redirect:" + uri.substring(0, uri.lastIndexOf('/'));
    }

    /** The shipping plan over JSON. */
    @Tag(name = "Contracts", description = "Contract and order review (合同评审) and the contract register (合同登记表)")
    @RestController
    static class Api {

        private final ContractShipments shipments;
        private final PrintDocuments print;
        private final ListExport export;

        Api(ContractShipments shipments, PrintDocuments print, ListExport export) {
            this.shipments = shipments;
            this.print = print;
            this.export = export;
        }

        @Operation(summary = "The contract's shipments (出货计划, 002-A17) by planned date")
        @RequiresPermission(ContractPermissions.VIEW)
        @GetMapping("/api/v1/contracts/{id}/shipments")
        List<View> of(@PathVariable long id) {
            return shipments.of(id);
        }

        @Operation(summary = "The contract's delivery progress per line: ordered, planned in open shipments, shipped")
        @RequiresPermission(ContractPermissions.VIEW)
        @GetMapping("/api/v1/contracts/{id}/shipments/progress")
        List<ContractShipments.Progress> progress(@PathVariable long id) {
            return shipments.progress(id);
        }

        @Operation(summary = "Plan a shipment by the customer's required delivery date", description = "plannedDate "
                + "(not in the past; after the contract's deliveryDate only with lateReason, else 422 on plannedDate), "
                + "shipperId (an active user: 发货员, notified, the shipment in their work), carrier, vehicle, lines "
                + "[{lineNo, quantity > 0, unitsPerCarton?, marks?}] — the planned and shipped quantities of a line never "
                + "above its ordered quantity (422 on lines[i].quantity). Only an accepted contract or one in production "
                + "(409 contract.shipment-contract-state). Nothing saved on a refusal.")
        @RequiresPermission(ContractPermissions.REGISTER)
        @PostMapping("/api/v1/contracts/{id}/shipments")
        @ResponseStatus(HttpStatus.CREATED)
        View plan(@PathVariable long id, @RequestBody(required = false) ContractShipments.Plan body) {
            return shipments.plan(id, body);
        }

        @Operation(summary = "One shipment of the contract, with the pack's papers (the production notice's id)")
        @RequiresPermission(ContractPermissions.VIEW)
        @GetMapping("/api/v1/contracts/{id}/shipments/{shipmentId}")
        View get(@PathVariable long id, @PathVariable long shipmentId) {
            return shipments.get(id, shipmentId);
        }

        @Operation(summary = "Record the shipment shipped (the shipper, or sales)", description = "shippedOn (not in "
                + "the future), deliveryNote (delivery note or tracking number), lines [{lineNo, quantity}] (none: as "
                + "planned; each 0 … planned, 422 on lines[i].quantity), version (stale → 409). Someone else than the "
                + "shipper without contract:register → 409 contract.shipment-not-shipper; not planned → 409 "
                + "contract.shipment-state. Every contract line shipped in full → the contract is DELIVERED.")
        @RequiresPermission(ContractPermissions.VIEW)
        @PostMapping("/api/v1/contracts/{id}/shipments/{shipmentId}/ship")
        View ship(@PathVariable long id, @PathVariable long shipmentId,
                  @RequestBody(required = false) ContractShipments.Ship body) {
            return shipments.ship(id, shipmentId, body);
        }

        @Operation(summary = "Change a planned shipment", description = "plannedDate (by the plan's rules: not in the "
                + "past unless unchanged, after the contract's deliveryDate only with lateReason — 422 on plannedDate), "
                + "lateReason, lines [{lineNo, quantity > 0, unitsPerCarton?, marks?}] — each one of the shipment's lines "
                + "(422 on lines[i].lineNo), its quantity never above what the contract's other shipments leave of the "
                + "line (422 on lines[i].quantity), unitsPerCarton > 0 or none (no carton size); lines not given keep "
                + "their values. version required (422), stale → 409; shipped or cancelled → 409 contract.shipment-state. "
                + "Nothing saved on a refusal; audited; the shipper is notified.")
        @RequiresPermission(ContractPermissions.REGISTER)
        @PutMapping("/api/v1/contracts/{id}/shipments/{shipmentId}")
        View edit(@PathVariable long id, @PathVariable long shipmentId,
                  @RequestBody(required = false) ContractShipments.Edit body) {
            return shipments.edit(id, shipmentId, body);
        }

        @Operation(summary = "Cancel a planned shipment", description = "reason required (422), version (stale → 409)")
        @RequiresPermission(ContractPermissions.REGISTER)
        @PostMapping("/api/v1/contracts/{id}/shipments/{shipmentId}/cancel")
        View cancel(@PathVariable long id, @PathVariable long shipmentId,
                    @RequestBody(required = false) ContractShipments.Cancel body) {
            return shipments.cancel(id, shipmentId, body);
        }

        @Operation(summary = "The shipment's carton list (纸箱单) as PDF: per line product, spec, quantity, cartons, marks")
        @RequiresPermission(ContractPermissions.VIEW)
        @GetMapping("/api/v1/contracts/{id}/shipments/{shipmentId}/carton-list.pdf")
        ResponseEntity<byte[]> cartonList(@PathVariable long id, @PathVariable long shipmentId) {
            return ContractShipmentPages.cartonListPdf(shipments, print, id, shipmentId,
                    LocaleContextHolder.getLocale());
        }

        @Operation(summary = "The shipping plan: shipments by planned date", description = "Filters shipperId, "
                + "customerId, q (customer, contract or shipment number), status (PLANNED, SHIPPED, CANCELLED), from, "
                + "to (planned date); the contracts within the reader's data scope and the shipments they ship. "
                + "overdue = planned and the planned date before today (company time).")
        @RequiresPermission(ContractPermissions.VIEW)
        @GetMapping("/api/v1/shipments")
        List<Row> list(@RequestParam(required = false) Long shipperId, @RequestParam(required = false) Long customerId,
                       @RequestParam(required = false) String q,
                       @RequestParam(required = false) ContractShipment.Status status,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
            return shipments.list(new ContractShipments.Filter(shipperId, customerId, q, status, from, to));
        }

        @Operation(summary = "The shipping plan as Excel (same filters, audited)")
        @RequiresPermission(ContractPermissions.VIEW)
        @GetMapping("/api/v1/shipments/export")
        void excel(@RequestParam(required = false) Long shipperId, @RequestParam(required = false) Long customerId,
                   @RequestParam(required = false) String q,
                   @RequestParam(required = false) ContractShipment.Status status,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   HttpServletRequest request, HttpServletResponse response) {
            ContractShipmentPages.excel(shipments, export, new ContractShipments.Filter(shipperId, customerId, q,
                    status, from, to), request.getQueryString(), response);
        }
    }
}
