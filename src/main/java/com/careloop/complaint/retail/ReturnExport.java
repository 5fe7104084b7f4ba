package com.careloop.complaint.retail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.careloop.complaint.RetailReturns;
import com.careloop.complaint.ReturnViews.Filter;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/** The return slips streamed as an .xlsx download, column headers in the reader's language (pages and API). */
@Component
class ReturnExport {

    static final List<String> COLUMNS = List.of("code", "customer", "product", "model", "receivedOn", "requestedOn",
            "reason", "goodsCondition", "refundAmount", "refundMethod", "status");

    private final RetailReturns returns;
    private final MessageSource messages;

    ReturnExport(RetailReturns returns, MessageSource messages) {
        this.returns = returns;
        this.messages = messages;
    }

    void xlsx(Filter filter, HttpServletResponse response) {
        List<String> headers = COLUMNS.stream()
                .map(c -> messages.getMessage("return." + c, null, c, LocaleContextHolder.getLocale())).toList();
        String name = "returns" + (filter.from() == null ? "" : "_" + filter.from())
                + (filter.to() == null ? "" : "_" + filter.to()) + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        try {
            returns.export(filter, headers, response.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
