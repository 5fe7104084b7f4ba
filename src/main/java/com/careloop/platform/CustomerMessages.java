package com.careloop.platform;

import java.util.List;
import java.util.function.Consumer;

/**
 * Messages to customers (people without an account): a survey's personal link, a request's progress link. Each goes
 * by e-mail (the subject and text as given) or by SMS (the site's link template {@code careloop.sms.link-template}
 * with two parameters: {@code title}, cut to 35 characters, and {@code link}; SMS carries no free text). Sent after
 * the current transaction commits (a rolled-back change sends nothing, an outage never rolls the change back) on a
 * background thread; the caller gets the outcomes back to record them on its own rows.
 */
public interface CustomerMessages {

    enum Medium { EMAIL, SMS }

    /** One message; {@code reference} is the caller's (e.g. an invitation id), handed back with the outcome. */
    record Message(long reference, Medium medium, String to, String subject, String text, String title, String link) {
    }

    /** What happened: {@code error} null when the server or provider took the message. */
    record Outcome(long reference, Medium medium, String error, java.time.Instant sentAt) {
        public boolean sent() {
            return error == null;
        }
    }

    /** Whether the site can send by this medium (e-mail: {@code spring.mail.host}; SMS: provider and link template). */
    boolean available(Medium medium);

    /** Sends after commit (at once without a transaction); {@code outcomes} gets them in batches, on the sender thread. */
    void sendAfterCommit(List<Message> messages, Consumer<List<Outcome>> outcomes);

    /** A phone number as an SMS provider takes it (spaces and dashes removed), or null when there is none. */
    static String smsNumber(String phone) {
        if (phone == null) {
            return null;
        }
        String p = phone.replaceAll("[\\s()-]", "");
        return p.matches("\\+?\\d{6,20}") ? p : null;
    }
}
