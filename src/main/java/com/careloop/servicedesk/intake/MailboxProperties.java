package com.careloop.servicedesk.intake;

import java.time.Duration;

import com.careloop.servicedesk.RequestType;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The inbound mailbox under {@code careloop.servicedesk.mailbox.*}: IMAP server, account and folder.
 * Intake by e-mail is off while {@code host} is empty. {@code requestType} is what a mail is registered
 * as until the front desk looks at it.
 */
@ConfigurationProperties("careloop.servicedesk.mailbox")
record MailboxProperties(String host, @DefaultValue("993") int port, @DefaultValue("imaps") String protocol,
                         String username, String password, @DefaultValue("INBOX") String folder,
                         @DefaultValue("1m") Duration pollInterval, @DefaultValue("CONSULTATION") RequestType requestType) {

    boolean enabled() {
        return host != null && !host.isBlank();
    }
}
