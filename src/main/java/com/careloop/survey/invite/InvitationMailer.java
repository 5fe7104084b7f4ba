package com.careloop.survey.invite;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.PageLocale;
import com.careloop.survey.PublicTitle;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The survey mails with the personal link, in the invitation's language. They are queued after the
 * transaction commits (a rolled-back send mails nothing, a mail outage never rolls back the campaign) and
 * sent on one background thread; each outcome (SENT, or FAILED with the reason) is written back to the
 * invitation, where the page shows it and a resend button retries.
 */
@Component
public class InvitationMailer {

    public enum Kind { INVITE, REMIND, SUPPLEMENTARY }

    /** One mail: the invitation, the address, the raw token (never stored) and its expiry. */
    public record Outgoing(long invitationId, String to, String customerName, String language, String token,
                           Instant expiresAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);
    private static final int WRITE_BACK = 500;

    private final ObjectProvider<JavaMailSender> mail;
    private final CareLoopProperties properties;
    private final MessageSource messages;
    private final InvitationStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "survey-mail");
        t.setDaemon(true);
        return t;
    });

    InvitationMailer(ObjectProvider<JavaMailSender> mail, CareLoopProperties properties, MessageSource messages,
                     InvitationStore store, TransactionTemplate tx, Clock clock) {
        this.mail = mail;
        this.properties = properties;
        this.messages = messages;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
    }

    /** Whether outgoing mail is configured ({@code spring.mail.host} set): said on the campaign page before a send. */
    public boolean configured() {
        return mail.getIfAvailable() != null;
    }

    /** Sends after the current transaction commits (at once without one); the mail names the survey's public title. */
    public void sendAfterCommit(PublicTitle title, Kind kind, List<Outgoing> mails) {
        if (mails.isEmpty()) {
            return;
        }
        List<Outgoing> copy = List.copyOf(mails);
        Runnable send = () -> worker.execute(() -> sendAll(title, kind, copy));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    private void sendAll(PublicTitle title, Kind kind, List<Outgoing> mails) {
        JavaMailSender sender = mail.getIfAvailable();
        List<Object[]> outcomes = new ArrayList<>();
        for (Outgoing m : mails) {
            String error = null;
            if (sender == null) {
                error = "SMTP not configured (spring.mail.host)";
            } else {
                try {
                    sender.send(message(title, kind, m));
                } catch (MailException | IllegalArgumentException e) {
                    error = String.valueOf(e.getMessage());
                    log.warn("Survey mail for invitation {} to {} failed: {}", m.invitationId(), m.to(), error);
                }
            }
            outcomes.add(new Object[] {error == null ? "SENT" : "FAILED",
                    error == null ? null : error.substring(0, Math.min(error.length(), 500)),
                    error == null ? Timestamp.from(Instant.now(clock)) : null, m.invitationId()});
            if (outcomes.size() == WRITE_BACK) {
                writeBack(outcomes);
            }
        }
        writeBack(outcomes);
    }

    private void writeBack(List<Object[]> outcomes) {
        if (!outcomes.isEmpty()) {
            List<Object[]> rows = new ArrayList<>(outcomes);
            outcomes.clear();
            tx.executeWithoutResult(s -> store.markMails(rows));
        }
    }

    SimpleMailMessage message(PublicTitle title, Kind kind, Outgoing m) {
        var locale = PageLocale.of(m.language());
        String campaignName = title(title, locale);
        String link = properties.baseUrl() + "/s/" + m.token();
        String expires = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(properties.zone())
                .format(m.expiresAt());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(m.to());
        message.setSubject(messages.getMessage("surveycampaign.mail.subject." + kind,
                new Object[] {properties.companyName(), campaignName}, locale));
        message.setText(messages.getMessage("surveycampaign.mail.body." + kind,
                new Object[] {m.customerName(), properties.companyName(), campaignName, link, expires}, locale));
        return message;
    }

    /** The survey's public title in {@code locale}, else the generic "customer satisfaction survey" in that language. */
    public String title(PublicTitle title, java.util.Locale locale) {
        String t = title == null ? null : title.in(locale);
        return t != null ? t : messages.getMessage("svpublic.defaultTitle", null, locale);
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
