package com.careloop.survey.invite;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CustomerMessages;
import com.careloop.platform.CustomerMessages.Medium;
import com.careloop.platform.CustomerMessages.Message;
import com.careloop.platform.CustomerMessages.Outcome;
import com.careloop.platform.PageLocale;
import com.careloop.survey.InvitationChannel;
import com.careloop.survey.PublicTitle;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The personal survey links, by e-mail or SMS (the platform's {@link CustomerMessages}), in the invitation's
 * language. Queued after the transaction commits (a rolled-back send sends nothing, an outage never rolls back the
 * campaign); each outcome (SENT, or FAILED with the reason) is written back to the invitation, where the page shows
 * it and a resend button retries.
 */
@Component
public class InvitationLinks {

    public enum Kind { INVITE, REMIND, SUPPLEMENTARY }

    /** One link: the invitation, its channel (EMAIL or SMS) and address, the raw token (never stored), its expiry. */
    public record Outgoing(long invitationId, InvitationChannel channel, String to, String customerName,
                           String language, String token, Instant expiresAt) {
    }

    private final CustomerMessages messages;
    private final CareLoopProperties properties;
    private final MessageSource texts;
    private final InvitationStore store;
    private final TransactionTemplate tx;

    InvitationLinks(CustomerMessages messages, CareLoopProperties properties, MessageSource texts,
                    InvitationStore store, TransactionTemplate tx) {
        this.messages = messages;
        this.properties = properties;
        this.texts = texts;
        this.store = store;
        this.tx = tx;
    }

    /** Whether outgoing mail is configured ({@code spring.mail.host} set): said on the campaign page before a send. */
    public boolean configured() {
        return messages.available(Medium.EMAIL);
    }

    /** Whether survey links can go by SMS (an SMS provider and {@code careloop.sms.link-template}). */
    public boolean smsConfigured() {
        return messages.available(Medium.SMS);
    }

    /** Sends after the current transaction commits (at once without one); the message names the survey's public title. */
    public void sendAfterCommit(PublicTitle title, Kind kind, List<Outgoing> links) {
        List<Message> out = new ArrayList<>(links.size());
        for (Outgoing o : links) {
            out.add(message(title, kind, o));
        }
        messages.sendAfterCommit(out, this::writeBack);
    }

    private void writeBack(List<Outcome> outcomes) {
        List<Object[]> rows = new ArrayList<>(outcomes.size());
        for (Outcome o : outcomes) {
            rows.add(new Object[] {o.sent() ? "SENT" : "FAILED", o.error(),
                    o.sentAt() == null ? null : java.sql.Timestamp.from(o.sentAt()), o.reference()});
        }
        tx.executeWithoutResult(s -> store.markMails(rows));
    }

    Message message(PublicTitle title, Kind kind, Outgoing m) {
        Locale locale = PageLocale.of(m.language());
        String campaignName = title(title, locale);
        String link = properties.baseUrl() + "/s/" + m.token();
        if (m.channel() == InvitationChannel.SMS) {
            return new Message(m.invitationId(), Medium.SMS, m.to(), null, null, campaignName, link);
        }
        String expires = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(properties.zone())
                .format(m.expiresAt());
        return new Message(m.invitationId(), Medium.EMAIL, m.to(),
                texts.getMessage("surveycampaign.mail.subject." + kind,
                        new Object[] {properties.companyName(), campaignName}, locale),
                texts.getMessage("surveycampaign.mail.body." + kind,
                        new Object[] {m.customerName(), properties.companyName(), campaignName, link, expires}, locale),
                campaignName, link);
    }

    /** The survey's public title in {@code locale}, else the generic "customer satisfaction survey" in that language. */
    public String title(PublicTitle title, Locale locale) {
        String t = title == null ? null : title.in(locale);
        return t != null ? t : texts.getMessage("svpublic.defaultTitle", null, locale);
    }
}
