package com.careloop.platform.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.careloop.platform.CustomerMessages;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link CustomerMessages} over the channels' e-mail sender and SMS provider: one background thread per node sends
 * after commit and hands the outcomes back in batches of {@value #BATCH}.
 */
@Component
class CustomerMessenger implements CustomerMessages {

    private static final Logger log = LoggerFactory.getLogger(CustomerMessenger.class);
    static final int BATCH = 500;

    private final EmailChannel email;
    private final SmsProvider sms;
    private final SmsProperties smsProperties;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "customer-messages");
        t.setDaemon(true);
        return t;
    });

    CustomerMessenger(EmailChannel email, SmsProvider sms, SmsProperties smsProperties, Clock clock) {
        this.email = email;
        this.sms = sms;
        this.smsProperties = smsProperties;
        this.clock = clock;
    }

    @Override
    public boolean available(Medium medium) {
        return medium == Medium.EMAIL ? email.enabled() : smsProperties.linksConfigured();
    }

    @Override
    public void sendAfterCommit(List<Message> messages, Consumer<List<Outcome>> outcomes) {
        if (messages.isEmpty()) {
            return;
        }
        List<Message> copy = List.copyOf(messages);
        Runnable send = () -> worker.execute(() -> sendAll(copy, outcomes));
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

    private void sendAll(List<Message> messages, Consumer<List<Outcome>> outcomes) {
        List<Outcome> done = new ArrayList<>();
        for (Message m : messages) {
            String error = null;
            try {
                send(m);
            } catch (NotificationChannel.DeliveryFailure | RuntimeException e) {
                error = String.valueOf(e.getMessage());
                error = error.substring(0, Math.min(error.length(), 500));
                log.warn("Customer message {} by {} to {} failed: {}", m.reference(), m.medium(), m.to(), error);
            }
            done.add(new Outcome(m.reference(), m.medium(), error, error == null ? clock.instant() : null));
            if (done.size() == BATCH) {
                outcomes.accept(List.copyOf(done));
                done.clear();
            }
        }
        if (!done.isEmpty()) {
            outcomes.accept(List.copyOf(done));
        }
    }

    private void send(Message m) throws NotificationChannel.DeliveryFailure {
        if (m.medium() == Medium.EMAIL) {
            email.send(m.to(), m.subject(), m.text());
            return;
        }
        if (!smsProperties.linksConfigured()) {
            throw new NotificationChannel.DeliveryFailure("SMS not configured (careloop.sms.link-template)");
        }
        String number = CustomerMessages.smsNumber(m.to());
        if (number == null) {
            throw new NotificationChannel.DeliveryFailure("no-phone");
        }
        String title = m.title() == null ? "" : m.title();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("title", title.length() <= SmsChannel.MAX_PARAM ? title
                : title.substring(0, SmsChannel.MAX_PARAM - 1) + "…");
        params.put("link", m.link());
        sms.send(number, smsProperties.linkTemplate(), params);
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
