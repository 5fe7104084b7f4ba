package com.careloop.contract.tender;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.platform.ApprovalTrailEntry;
import com.careloop.platform.PrintDocuments;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * 投标评审表 on the platform renderer, in the paper layout of 合同评审表: the tender's facts, each department's verdict on
 * its aspect with signer and date, the sales manager's bid / no-bid and the general manager; print view and PDF, named
 * after the tender's number.
 */
@Component
class TenderReviewForm {

    static final PrintDocuments.Form FORM = new PrintDocuments.Form("contract/print/tender-review-form", null,
            "tender.form.title");

    /** One countersign task as the page and the printed form show it (texts rendered in the reader's language). */
    record Row(String aspect, String who, String state, String decider, String decidedAt, String comment, String due) {
    }

    private final Tenders tenders;
    private final PrintDocuments print;
    private final Texts texts;

    TenderReviewForm(Tenders tenders, PrintDocuments print, Texts texts) {
        this.tenders = tenders;
        this.print = print;
        this.texts = texts;
    }

    String html(long id, Locale locale) {
        TenderCommands.View t = tenders.detail(id);
        return print.html(FORM, t.number(), model(t, locale), locale);
    }

    ResponseEntity<byte[]> pdf(long id, Locale locale) {
        TenderCommands.View t = tenders.detail(id);
        return print.download(FORM, t.number(), model(t, locale), locale);
    }

    private Map<String, Object> model(TenderCommands.View t, Locale locale) {
        return Map.of("t", t, "rows", rows(tenders.trail(t.id()), locale), "meetings", tenders.meetings(t.id()));
    }

    /** The trail's entries as rows: aspect, who was asked, state or decision, who decided when, comment, due time. */
    List<Row> rows(List<ApprovalTrailEntry> trail, Locale locale) {
        return trail.stream().map(e -> new Row(
                e.aspectCode() == null ? "" : texts.render(Text.of(e.aspectCode()), locale),
                texts.render(e.assignee(), locale),
                texts.render(e.decision() == null ? Text.of("approvals.task.status." + e.state())
                        : Text.of("approvals.decision." + e.decision().name()), locale),
                e.deciderName() == null ? "" : e.deciderName(), time(e.decidedAt()),
                e.comment() == null ? "" : e.comment(), "OPEN".equals(e.state()) ? time(e.dueAt()) : "")).toList();
    }

    private String time(Instant at) {
        return at == null ? "" : texts.time(at);
    }
}
