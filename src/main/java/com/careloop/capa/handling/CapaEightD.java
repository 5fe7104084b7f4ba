package com.careloop.capa.handling;

import java.util.Locale;
import java.util.Map;

import com.careloop.capa.CapaViews.Detail;
import com.careloop.capa.CorrectiveActions;
import com.careloop.platform.PrintDocuments;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The 8D report of one CAPA on the platform renderer: the browser's print view and the PDF download (named after the
 * CAPA's number), both from the print template {@code capa/print/8d}. The procedure gives the 8D layout no form code.
 */
@Component
class CapaEightD {

    static final PrintDocuments.Form FORM = new PrintDocuments.Form("capa/print/8d", null, "capa.8d.title");

    private final CorrectiveActions capas;
    private final PrintDocuments print;

    CapaEightD(CorrectiveActions capas, PrintDocuments print) {
        this.capas = capas;
        this.print = print;
    }

    String html(long id, Locale locale) {
        Detail c = capas.detail(id);
        return print.html(FORM, c.code(), Map.of("c", c), locale);
    }

    ResponseEntity<byte[]> pdf(long id, Locale locale) {
        Detail c = capas.detail(id);
        return print.download(FORM, c.code(), Map.of("c", c), locale);
    }
}
