package com.careloop.property.register;

import java.util.Locale;
import java.util.Map;

import com.careloop.platform.PrintDocuments;
import com.careloop.property.CustomerProperties;
import com.careloop.property.PropertyViews.Detail;
import com.careloop.property.PropertyViews.Filter;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The paper forms of the register on the platform renderer: the register 顾客财产登记表 R-QP-005-04 (the columns of
 * the paper form: 序号, 顾客名称, 财产名称, 数量, 接收日期, 接受人, 验收状况, 转交部门, 签收/日期, 备注) and the card of
 * one item with its movements and inspections, and the problem report 顾客财产问题报告单.
 */
@Component
class PropertyPrint {

    static final PrintDocuments.Form REGISTER = new PrintDocuments.Form("property/print/register", "R-QP-005-04",
            "property.register.title");
    static final PrintDocuments.Form CARD = new PrintDocuments.Form("property/print/card", "R-QP-005-04",
            "property.card.title");
    static final PrintDocuments.Form PROBLEM = new PrintDocuments.Form("property/print/problem", null,
            "property.report.title");
    static final int REGISTER_LINES = 500;

    private final CustomerProperties properties;
    private final PrintDocuments print;

    PropertyPrint(CustomerProperties properties, PrintDocuments print) {
        this.properties = properties;
        this.print = print;
    }

    String cardHtml(long id, Locale locale) {
        Detail d = properties.detail(id);
        return print.html(CARD, d.code(), Map.of("p", d), locale);
    }

    ResponseEntity<byte[]> cardPdf(long id, Locale locale) {
        Detail d = properties.detail(id);
        return print.download(CARD, d.code(), Map.of("p", d), locale);
    }

    /** The customer-property problem report (顾客财产问题报告单) with the item, the customer's decision and its task. */
    private Map<String, Object> problem(long problemId) {
        var x = properties.problem(problemId);
        return Map.of("x", x, "p", properties.detail(x.itemId()), "kinds", com.careloop.property.ProblemKind.values(),
                "decisions", com.careloop.property.CustomerDecision.values());
    }

    String problemHtml(long problemId, Locale locale) {
        Map<String, Object> model = problem(problemId);
        return print.html(PROBLEM, ((com.careloop.property.PropertyViews.Problem) model.get("x")).code(), model,
                locale);
    }

    ResponseEntity<byte[]> problemPdf(long problemId, Locale locale) {
        Map<String, Object> model = problem(problemId);
        return print.download(PROBLEM, ((com.careloop.property.PropertyViews.Problem) model.get("x")).code(), model,
                locale);
    }

    String registerHtml(Filter filter, Locale locale) {
        return print.html(REGISTER, null, Map.of("rows", properties.search(filter, null, null, REGISTER_LINES).items()),
                locale);
    }

    ResponseEntity<byte[]> registerPdf(Filter filter, Locale locale) {
        return print.download(REGISTER, "R-QP-005-04", Map.of("rows",
                properties.search(filter, null, null, REGISTER_LINES).items()), locale);
    }
}
