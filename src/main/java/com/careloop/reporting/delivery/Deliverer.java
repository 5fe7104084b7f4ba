package com.careloop.reporting.delivery;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.ReportPeriod;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.reporting.delivery.DeliveryStore.Row;
import com.careloop.reporting.delivery.Recipients.Person;
import com.careloop.reporting.delivery.ReportSchedule.Format;
import com.careloop.reporting.report.ReportFiles;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one claimed delivery: the report of the period (generated when missing), its files in each recipient's
 * language, one mail per recipient; then SENT, or FAILED with the next attempt by the back-off (DEAD after the last).
 * Recipients already mailed by an earlier attempt are skipped, so a retry after a partial failure does not mail
 * them twice; a node that dies between a mail and the write-back may mail one recipient twice (at-least-once).
 */
@Component
class Deliverer {

    /** A failure with its code for the log ({@code delivery.error.<code>}). */
    static final class Failure extends RuntimeException {
        private final String code;

        Failure(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);
    private static final String PDF = "application/pdf";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final DeliveryStore store;
    private final ReportScheduleRepository schedules;
    private final Recipients recipients;
    private final ObjectProvider<ReportFiles> reports;
    private final ObjectProvider<JavaMailSender> mail;
    private final Texts texts;
    private final CareLoopProperties properties;

    Deliverer(DeliveryStore store, ReportScheduleRepository schedules, Recipients recipients,
              ObjectProvider<ReportFiles> reports, ObjectProvider<JavaMailSender> mail, Texts texts,
              CareLoopProperties properties) {
        this.store = store;
        this.schedules = schedules;
        this.recipients = recipients;
        this.reports = reports;
        this.mail = mail;
        this.texts = texts;
        this.properties = properties;
    }

    /** Delivers a row this node has claimed; {@code now} is the time failures and back-off are counted from. */
    DeliveryStatus deliver(long id, String node, Instant now) {
        Row row = store.find(id).orElseThrow();
        try {
            send(row, node);
            if (store.sent(id, node, now)) {
                return DeliveryStatus.SENT;
            }
            log.warn("Report delivery {} was sent but its lease had passed to another node", id);
            return DeliveryStatus.SENT;
        } catch (Failure f) {
            return fail(row, node, f.code(), f.getMessage(), now);
        } catch (MailException e) {
            return fail(row, node, "MAIL", message(e), now);
        } catch (RuntimeException e) {
            log.warn("Report delivery {}: the report could not be made", id, e);
            return fail(row, node, "REPORT", message(e), now);
        }
    }

    private DeliveryStatus fail(Row row, String node, String code, String message, Instant now) {
        Instant next = DeliveryTiming.nextAttempt(row.attempts(), now);
        log.warn("Report delivery {} attempt {} failed ({}): {}; {}", row.id(), row.attempts(), code, message,
                next == null ? "given up" : "next attempt at " + next);
        store.failed(row.id(), node, code, message, next);
        return next == null ? DeliveryStatus.DEAD : DeliveryStatus.FAILED;
    }

    private void send(Row row, String node) {
        ReportSchedule schedule = schedules.findById(row.scheduleId()).orElseThrow(
                () -> new Failure("SCHEDULE", "schedule " + row.scheduleId() + " no longer exists", null));
        ReportFiles files = reports.getIfAvailable();
        if (files == null) {
            throw new Failure("REPORT_SERVICE", "no report service in this application", null);
        }
        List<Person> people = recipients.people(schedule.getRecipients());
        List<Person> reachable = people.stream().filter(Person::reachable).toList();
        if (reachable.isEmpty()) {
            throw new Failure("NO_ADDRESS", "no recipient has an active account with an e-mail address", null);
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new Failure("NO_MAIL_SERVER", "outgoing mail is not configured (spring.mail.host)", null);
        }
        long reportId = files.ensure(schedule.getReportKind(), row.period(), schedule.getCustomerId());
        store.report(row.id(), node, reportId);
        Set<Long> sentTo = new LinkedHashSet<>(row.sentTo());
        Map<Locale, Map<Format, byte[]>> rendered = new HashMap<>();
        for (Person p : reachable) {
            if (sentTo.contains(p.id())) {
                continue;
            }
            Map<Format, byte[]> attachments = rendered.computeIfAbsent(p.locale(),
                    l -> render(files, reportId, schedule.formatSet(), l));
            sender.send(message(sender, files, reportId, row.period(), p, attachments));
            sentTo.add(p.id());
            store.mailed(row.id(), node, sentTo);
        }
    }

    private static Map<Format, byte[]> render(ReportFiles files, long reportId, Set<Format> formats, Locale locale) {
        Map<Format, byte[]> out = new java.util.EnumMap<>(Format.class);
        for (Format f : formats) {
            out.put(f, f == Format.PDF ? files.pdf(reportId, locale) : files.xlsx(reportId, locale));
        }
        return out;
    }

    private MimeMessage message(JavaMailSender sender, ReportFiles files, long reportId, ReportPeriod period,
                                Person to, Map<Format, byte[]> attachments) {
        Locale l = to.locale();
        String title = texts.render(files.title(reportId), l);
        String number = files.number(reportId);
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper m = new MimeMessageHelper(message, true, "UTF-8");
            m.setFrom(properties.mailFrom());
            m.setTo(to.email());
            m.setSubject(texts.render(Text.of("delivery.mail.subject", title), l));
            m.setText(texts.render(Text.of("delivery.mail.body", to.name(), title, number, period.label(),
                    properties.companyName(), properties.baseUrl() + "/report-schedules"), l));
            String base = fileName(number);
            for (var a : attachments.entrySet()) {
                boolean pdf = a.getKey() == Format.PDF;
                m.addAttachment(base + (pdf ? ".pdf" : ".xlsx"), new ByteArrayResource(a.getValue()), pdf ? PDF : XLSX);
            }
        } catch (MessagingException e) {
            throw new Failure("MAIL", message(e), e);
        }
        return message;
    }

    static String fileName(String number) {
        String n = number == null || number.isBlank() ? "report" : number.replaceAll("[\\\\/:*?\"<>|\\s]+", "-");
        return n;
    }

    private static String message(Throwable e) {
        Throwable t = e;
        String m = String.valueOf(e.getMessage());
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t != e && t.getMessage() != null && !m.contains(t.getMessage())) {
            m = m + ": " + t.getMessage();
        }
        return m.length() <= 500 ? m : m.substring(0, 500);
    }
}
