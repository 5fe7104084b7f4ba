package com.careloop.platform.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code careloop.sms.*}: {@code provider} {@code none} (default) or {@code aliyun}; the template a
 * notification is sent with ({@code notificationTemplate}, one variable {@code ${title}}, approved at the provider);
 * Aliyun's access key, signature name and endpoint (a local fake in tests).
 */
@ConfigurationProperties("careloop.sms")
public record SmsProperties(@DefaultValue("none") String provider, String notificationTemplate,
                            @DefaultValue Aliyun aliyun) {

    public boolean configured() {
        return "aliyun".equalsIgnoreCase(provider) && aliyun.accessKeyId() != null && !aliyun.accessKeyId().isBlank()
                && aliyun.accessKeySecret() != null && notificationTemplate != null && !notificationTemplate.isBlank();
    }

    public record Aliyun(String accessKeyId, String accessKeySecret, String signName,
                         @DefaultValue("https://dysmsapi.aliyuncs.com") String endpoint,
                         @DefaultValue("cn-hangzhou") String regionId) {
    }
}
