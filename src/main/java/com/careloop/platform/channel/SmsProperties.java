package com.careloop.platform.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code careloop.sms.*}: {@code provider} {@code none} (default) or {@code aliyun}; the template a
 * notification is sent with ({@code notificationTemplate}, one variable {@code ${title}}, approved at the provider);
 * Aliyun's access key, signature name and endpoint (a local fake in tests). {@code linkTemplate} is the template of
 * customer messages with a personal link (survey invitations, a request's progress link; variables {@code ${title}}
 * and {@code ${link}}): SMS to customers is on when it is set.
 */
@ConfigurationProperties("careloop.sms")
public record SmsProperties(@DefaultValue("none") String provider, String notificationTemplate, String linkTemplate,
                            @DefaultValue Aliyun aliyun) {

    /** Notifications to users by SMS. */
    public boolean configured() {
        return providerReady() && notificationTemplate != null && !notificationTemplate.isBlank();
    }

    /** Links to customers by SMS. */
    public boolean linksConfigured() {
        return providerReady() && linkTemplate != null && !linkTemplate.isBlank();
    }

    private boolean providerReady() {
        return "aliyun".equalsIgnoreCase(provider) && aliyun.accessKeyId() != null && !aliyun.accessKeyId().isBlank()
                && aliyun.accessKeySecret() != null;
    }

    public record Aliyun(String accessKeyId, String accessKeySecret, String signName,
                         @DefaultValue("https://dysmsapi.aliyuncs.com") String endpoint,
                         @DefaultValue("cn-hangzhou") String regionId) {
    }
}
