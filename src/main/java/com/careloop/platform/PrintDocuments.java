package com.careloop.platform;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one renderer of printable forms and reports (implemented in {@code platform.print}): a Thymeleaf print
 * template to A4 HTML for the browser's print view, and the same HTML to PDF with a CJK font embedded, the form's
 * header (company, form code, record number, title) on every page and page numbers. A module's print template
 * fills the body; the platform adds the frame.
 */
public interface PrintDocuments {

    /** The form's header: form code (e.g. {@code R-QP-005-08}, may be null), record number (may be null), title. */
    record Header(String formCode, String recordNumber, Text title) {
    }

    /** A4 HTML of {@code template} (a Thymeleaf template name, e.g. {@code reporting/print/weekly}) with the model. */
    String html(String template, Map<String, Object> model, Header header, Locale locale);

    /** The same document as PDF. */
    byte[] pdf(String template, Map<String, Object> model, Header header, Locale locale);

    /**
     * A printable form of a module: its print template, the procedure's form code (null when the form has none) and
     * the message code of its title. One constant per form; {@link #html(Form, String, Map, Locale)} and
     * {@link #download(Form, String, Map, Locale)} render one record of it.
     */
    record Form(String template, String formCode, String titleCode) {

        public Header header(String recordNumber, Object... titleArgs) {
            return new Header(formCode, recordNumber, Text.of(titleCode, titleArgs));
        }
    }

    /** The browser's print view of one record of {@code form}. */
    default String html(Form form, String recordNumber, Map<String, Object> model, Locale locale) {
        return html(form.template(), model, form.header(recordNumber), locale);
    }

    /** The PDF of one record of {@code form} as a download named after the record number. */
    default ResponseEntity<byte[]> download(Form form, String recordNumber, Map<String, Object> model, Locale locale) {
        return download(recordNumber, pdf(form.template(), model, form.header(recordNumber), locale));
    }

    /**
     * A PDF as a download: {@code application/pdf}, {@code Content-Disposition: attachment} named after the record
     * number ({@code TS2026-000001.pdf}), the same on a page and in the API.
     */
    static ResponseEntity<byte[]> download(String recordNumber, byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(recordNumber + ".pdf").build().toString())
                .body(pdf);
    }
}
