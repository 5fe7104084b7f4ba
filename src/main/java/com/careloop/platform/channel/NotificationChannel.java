package com.careloop.platform.channel;

import java.util.Locale;
import java.util.Optional;

/**
 * One way a notification reaches a person outside the app. {@link #compose} runs in the business transaction (the
 * text in the recipient's language is stored on the delivery row), {@link #send} later on a sender thread, once per
 * attempt; a {@link DeliveryFailure} makes the row retry with back-off.
 */
public interface NotificationChannel {

    Channel channel();

    /** Configured on this site (an SMTP server, WeCom credentials, an SMS provider). */
    boolean enabled();

    /** Where this channel reaches the recipient (address, user id, phone, robot URL); empty: it cannot. */
    Optional<String> address(Recipient recipient);

    /** The stored message: subject and body as this channel sends them. */
    default Composed compose(String title, String body, String absoluteLink, Locale language) {
        return new Composed(title, body == null ? "" : body);
    }

    void send(String address, String subject, String body) throws DeliveryFailure;

    /** A person notifications are addressed to, with everything a channel may need. */
    record Recipient(long id, String email, String phone, String wecomUserId, String wecomRobotUrl, Locale language) {
    }

    record Composed(String subject, String body) {
    }

    /** A failed attempt; {@code reason} is a short code kept on the row (shown to administrators). */
    final class DeliveryFailure extends Exception {

        public DeliveryFailure(String reason) {
            super(reason);
        }
    }
}
