package com.careloop.product.development;

import java.util.Locale;
import java.util.Map;

import com.careloop.platform.NotFoundException;
import com.careloop.platform.PrintDocuments;
import com.careloop.product.ProductDevelopments;
import com.careloop.product.ProductViews.Detail;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The paper forms of a development on the platform renderer: the customer's demand form (定制开发新品需求表), the
 * sample process sheet with its bill of materials (样品工艺单 · 物料清单) and the quotation (新品报价单). A form whose
 * node is not filled yet is 404.
 */
@Component
class ProductPrint {

    static final PrintDocuments.Form DEMAND = new PrintDocuments.Form("product/print/demand", null,
            "product.print.demand");
    static final PrintDocuments.Form PROCESS_SHEET = new PrintDocuments.Form("product/print/process-sheet", null,
            "product.print.processSheet");
    static final PrintDocuments.Form QUOTATION = new PrintDocuments.Form("product/print/quotation", null,
            "product.print.quotation");

    private final ProductDevelopments developments;
    private final PrintDocuments print;

    ProductPrint(ProductDevelopments developments, PrintDocuments print) {
        this.developments = developments;
        this.print = print;
    }

    String html(long id, String form, Locale locale) {
        Detail d = developments.detail(id);
        return print.html(form(d, form), d.number(), Map.of("d", d), locale);
    }

    ResponseEntity<byte[]> pdf(long id, String form, Locale locale) {
        Detail d = developments.detail(id);
        return print.download(form(d, form), d.number(), Map.of("d", d), locale);
    }

    private static PrintDocuments.Form form(Detail d, String form) {
        PrintDocuments.Form f = switch (form) {
            case "demand" -> d.demand() == null ? null : DEMAND;
            case "process-sheet" -> d.processSheet() == null ? null : PROCESS_SHEET;
            case "quotation" -> d.quotation() == null ? null : QUOTATION;
            default -> null;
        };
        if (f == null) {
            throw new NotFoundException("product-development-form", d.number() + "/" + form);
        }
        return f;
    }
}
