package com.careloop.platform.channel;

import java.util.Locale;
import java.util.Optional;

import com.careloop.platform.CareLoopProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail through the configured SMTP server (spring.mail.*): what notifications always did, now retried. */
@Component
class EmailChannel implements NotificationChannel {

    private final ObjectProvider<JavaMailSender> mail;
    private final CareLoopProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> mail, CareLoopProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean enabled() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        return Optional.ofNullable(recipient.email()).filter(e -> !e.isBlank());
    }

    @Override
    public Composed compose(String title, String body, String absoluteLink, Locale language) {
        return new Composed("[CareLoop] " + title,
                (body == null ? "" : body) + (absoluteLink == null ? "" : "\n\n" + absoluteLink));
    }

    @Override
    public void send(String address, String subject, String body) throws DeliveryFailure {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new DeliveryFailure("not-configured");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(address);
        message.setSubject(subject);
        message.setText(body);
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new DeliveryFailure("smtp: " + e.getMessage());
        }
    }
}
