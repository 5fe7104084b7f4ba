package com.careloop.platform.channel;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A text message to the recipient's phone: the configured notification template with one parameter, the title
 * (cut to 35 characters, the length Aliyun allows a template variable). The row's body keeps the parameters as JSON.
 */
@Component
class SmsChannel implements NotificationChannel {

    static final int MAX_PARAM = 35;

    private final SmsProperties properties;
    private final SmsProvider provider;
    private final JsonMapper json;

    SmsChannel(SmsProperties properties, SmsProvider provider, JsonMapper json) {
        this.properties = properties;
        this.provider = provider;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean enabled() {
        return properties.configured();
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        return Optional.ofNullable(recipient.phone()).map(p -> p.replaceAll("[\\s-]", "")).filter(p -> !p.isEmpty());
    }

    @Override
    public Composed compose(String title, String body, String absoluteLink, Locale language) {
        String param = title.length() <= MAX_PARAM ? title : title.substring(0, MAX_PARAM - 1) + "…";
        return new Composed(properties.notificationTemplate(), json.writeValueAsString(Map.of("title", param)));
    }

    @Override
    public void send(String address, String subject, String body) throws DeliveryFailure {
        provider.send(address, subject, json.readValue(body, new TypeReference<Map<String, String>>() { }));
    }
}
