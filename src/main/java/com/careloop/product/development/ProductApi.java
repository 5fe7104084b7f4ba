package com.careloop.product.development;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import com.careloop.platform.RequiresPermission;
import com.careloop.product.DevelopmentStatus;
import com.careloop.product.ProductCommands;
import com.careloop.product.ProductDevelopments;
import com.careloop.product.ProductNode;
import com.careloop.product.ProductPermissions;
import com.careloop.product.ProductViews;
import com.careloop.product.ProductViews.Detail;
import com.careloop.product.ProductViews.Filter;
import com.careloop.product.ProductViews.Page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Custom new-product development over JSON: start with the demand form, each node's form as a POST sub-resource in
 * the order of the procedure (out of order → 409), the list, the board, the key-node statistics with their Excel
 * export, the printable forms as PDF and the demand's attachments.
 */
@RestController
@RequestMapping(ProductApi.BASE)
class ProductApi {

    static final String BASE = "/api/v1/product-developments";

    private final ProductDevelopments developments;
    private final ProductPrint print;
    private final ProductExport export;

    ProductApi(ProductDevelopments developments, ProductPrint print, ProductExport export) {
        this.developments = developments;
        this.print = print;
        this.export = export;
    }

    @RequiresPermission(ProductPermissions.REQUEST)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail start(@RequestBody ProductCommands.Start request) {
        return developments.start(request);
    }

    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping
    Page search(@RequestParam(required = false) Long customerId, @RequestParam(required = false) Long departmentId,
                @RequestParam(required = false) DevelopmentStatus status,
                @RequestParam(required = false) ProductNode node, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return developments.search(new Filter(customerId, departmentId, status, node, q), sort, cursor, limit);
    }

    /** The register (the list's filters and sort, every page) as .xlsx, audited. */
    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping("/export")
    void export(@RequestParam(required = false) Long customerId, @RequestParam(required = false) Long departmentId,
                @RequestParam(required = false) DevelopmentStatus status,
                @RequestParam(required = false) ProductNode node, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, HttpServletRequest request,
                HttpServletResponse response) {
        export.register(new Filter(customerId, departmentId, status, node, q), sort, request.getQueryString(),
                response);
    }

    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping("/board")
    List<ProductViews.Column> board(@RequestParam(required = false) Long customerId,
                                    @RequestParam(required = false) Long departmentId) {
        return developments.board(customerId, departmentId, ProductPages.PER_COLUMN);
    }

    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping("/statistics")
    ProductViews.Statistics statistics(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return developments.statistics(from, to);
    }

    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping("/statistics/export")
    void exportStatistics(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          HttpServletRequest request, HttpServletResponse response) {
        export.nodes(from, to, request.getQueryString(), response);
    }

    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping("/{id}")
    Detail detail(@PathVariable long id) {
        return developments.detail(id);
    }

    @RequiresPermission(ProductPermissions.DEVELOP)
    @PostMapping("/{id}/rnd-report")
    Detail rndReport(@PathVariable long id, @RequestBody ProductCommands.RndReport request) {
        return developments.rndReport(id, request);
    }

    @RequiresPermission(ProductPermissions.DEVELOP)
    @PostMapping("/{id}/process-sheet")
    Detail processSheet(@PathVariable long id, @RequestBody ProductCommands.ProcessSheet request) {
        return developments.processSheet(id, request);
    }

    @RequiresPermission(ProductPermissions.DEVELOP)
    @PostMapping("/{id}/pilot")
    Detail pilot(@PathVariable long id, @RequestBody ProductCommands.Pilot request) {
        return developments.pilot(id, request);
    }

    @RequiresPermission(ProductPermissions.COST)
    @PostMapping("/{id}/cost")
    Detail cost(@PathVariable long id, @RequestBody ProductCommands.Cost request) {
        return developments.cost(id, request);
    }

    @RequiresPermission(ProductPermissions.QUOTE)
    @PostMapping("/{id}/quotation")
    Detail quotation(@PathVariable long id, @RequestBody ProductCommands.Quotation request) {
        return developments.quotation(id, request);
    }

    /** A new quotation revision after the customer rejected the quotation or its validity passed (else 409). */
    @RequiresPermission(ProductPermissions.QUOTE)
    @PostMapping("/{id}/requotation")
    Detail requote(@PathVariable long id, @RequestBody ProductCommands.Quotation request) {
        return developments.requote(id, request);
    }

    /** The quotation to the customer by a personal link (answered without login), mailed when an address is given. */
    @RequiresPermission(ProductPermissions.REQUEST)
    @PostMapping("/{id}/quotation/link")
    ProductViews.Link link(@PathVariable long id, @RequestBody(required = false) ProductCommands.SendLink request) {
        return developments.issueQuotationLink(id, request);
    }

    @RequiresPermission(ProductPermissions.REQUEST)
    @PostMapping("/{id}/quotation/sent")
    Detail send(@PathVariable long id, @RequestBody ProductCommands.Send request) {
        return developments.send(id, request);
    }

    @RequiresPermission(ProductPermissions.REQUEST)
    @PostMapping("/{id}/answer")
    Detail answer(@PathVariable long id, @RequestBody ProductCommands.Answer request) {
        return developments.answer(id, request);
    }

    @RequiresPermission(ProductPermissions.REQUEST)
    @PostMapping("/{id}/files")
    @ResponseStatus(HttpStatus.CREATED)
    ProductViews.Attachment attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file) {
        try {
            return developments.attach(id, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        return developments.download(id, fileId);
    }

    /** A paper form as PDF: demand (需求表), process-sheet (样品工艺单 · 物料清单) or quotation (新品报价单). */
    @RequiresPermission(ProductPermissions.VIEW)
    @GetMapping("/{id}/forms/{form}.pdf")
    ResponseEntity<byte[]> form(@PathVariable long id, @PathVariable String form) {
        return print.pdf(id, form, LocaleContextHolder.getLocale());
    }
}
