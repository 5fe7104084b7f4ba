package com.careloop.servicedesk.intake;

import java.util.Properties;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the inbound mailbox over IMAP, once per cluster (ShedLock {@code servicedesk-mailbox-poll}):
 * every unseen message becomes a request ({@link MailIntake}) and is then flagged seen. The Message-ID
 * row written with the request is the real guard: a message seen again (a crash before the flag, a
 * second node, a copy re-delivered) creates nothing.
 */
@Component
class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    private static final String TIMEOUT_MS = "30000";

    private final MailboxProperties mailbox;
    private final MailIntake intake;

    MailboxPoller(MailboxProperties mailbox, MailIntake intake) {
        this.mailbox = mailbox;
        this.intake = intake;
    }

    @Scheduled(fixedDelayString = "${careloop.servicedesk.mailbox.poll-interval:PT1M}",
            initialDelayString = "${careloop.servicedesk.mailbox.poll-interval:PT1M}")
    @SchedulerLock(name = "servicedesk-mailbox-poll", lockAtMostFor = "PT10M")
    public void scheduled() {
        if (!mailbox.enabled()) {
            return;
        }
        try {
            int created = poll();
            if (created > 0) {
                log.info("Mailbox {}: {} new request(s)", mailbox.username(), created);
            }
        } catch (MessagingException | RuntimeException e) {
            log.warn("Mailbox {}@{} could not be read: {}", mailbox.username(), mailbox.host(), e.toString());
        }
    }

    /** One pass over the unseen messages; returns how many requests it registered. */
    public synchronized int poll() throws MessagingException {
        Properties props = new Properties();
        String p = mailbox.protocol();
        props.put("mail." + p + ".connectiontimeout", TIMEOUT_MS);
        props.put("mail." + p + ".timeout", TIMEOUT_MS);
        Store store = Session.getInstance(props).getStore(p);
        store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
        int created = 0;
        try {
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message m : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    try {
                        if (intake.take((MimeMessage) m)) {
                            created++;
                        }
                        m.setFlag(Flags.Flag.SEEN, true);
                    } catch (RuntimeException | MessagingException | java.io.IOException e) {
                        // left unseen: the next poll tries again; the others go on
                        log.warn("Mailbox: message {} not taken: {}", m.getMessageNumber(), e.toString());
                    }
                }
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
        return created;
    }
}
