package com.careloop.property.sample;

import java.util.Locale;
import java.util.Map;

import com.careloop.platform.NotFoundException;
import com.careloop.platform.PrintDocuments;
import com.careloop.property.SampleViews.Detail;
import com.careloop.property.SampleViews.Filter;
import com.careloop.property.SampleViews.Round;
import com.careloop.property.Samples;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The paper forms of samples on the platform renderer: the sample production notice (样品生产通知单), the sample
 * inspection report (样品检查报告) of a round with its
 * measurements, and the sample dispatch register (样品发送登记表 R-QP-005-5, the printed form's code) with its columns.
 */
@Component
class SamplePrint {

    static final PrintDocuments.Form INSPECTION = new PrintDocuments.Form("samples/print/inspection", null,
            "sample.inspection.title");
    static final PrintDocuments.Form REGISTER = new PrintDocuments.Form("samples/print/register", "R-QP-005-5",
            "sample.register.title");
    static final PrintDocuments.Form NOTICE = new PrintDocuments.Form("samples/print/notice", null,
            "sample.notice.title");
    static final int REGISTER_LINES = 500;

    private final Samples samples;
    private final PrintDocuments print;

    SamplePrint(Samples samples, PrintDocuments print) {
        this.samples = samples;
        this.print = print;
    }

    private Map<String, Object> inspection(Detail d, int round) {
        Round r = d.rounds().stream().filter(x -> x.round() == round && x.inspectionCode() != null).findFirst()
                .orElseThrow(() -> new NotFoundException(Samples.INSPECTION_TYPE, d.code() + "/" + round));
        return Map.of("s", d, "r", r);
    }

    String inspectionHtml(long id, int round, Locale locale) {
        Detail d = samples.detail(id);
        Map<String, Object> model = inspection(d, round);
        return print.html(INSPECTION, ((Round) model.get("r")).inspectionCode(), model, locale);
    }

    ResponseEntity<byte[]> inspectionPdf(long id, int round, Locale locale) {
        Detail d = samples.detail(id);
        Map<String, Object> model = inspection(d, round);
        return print.download(INSPECTION, ((Round) model.get("r")).inspectionCode(), model, locale);
    }

    /** The sample production notice (样品生产通知单): the notice, its attachments and production's receipt. */
    private Map<String, Object> notice(Detail d) {
        var entries = d.timeline();
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("s", d);
        model.put("issuedAt", entries.stream().filter(e -> "REQUESTED".equals(e.kind())).findFirst()
                .map(e -> e.at()).orElse(null));
        model.put("accepted", entries.stream().filter(e -> "ACCEPTED".equals(e.kind())).findFirst().orElse(null));
        return model;
    }

    String noticeHtml(long id, Locale locale) {
        Detail d = samples.detail(id);
        return print.html(NOTICE, d.code(), notice(d), locale);
    }

    ResponseEntity<byte[]> noticePdf(long id, Locale locale) {
        Detail d = samples.detail(id);
        return print.download(NOTICE, d.code(), notice(d), locale);
    }

    String registerHtml(Filter filter, Locale locale) {
        return print.html(REGISTER, null, Map.of("rows", samples.search(filter, null, null, REGISTER_LINES).items()),
                locale);
    }

    ResponseEntity<byte[]> registerPdf(Filter filter, Locale locale) {
        return print.download(REGISTER, "R-QP-005-5", Map.of("rows",
                samples.search(filter, null, null, REGISTER_LINES).items()), locale);
    }
}
