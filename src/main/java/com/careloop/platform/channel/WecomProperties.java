package com.careloop.platform.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code careloop.wecom.*}: the WeCom (企业微信) self-built application that sends application
 * messages ({@code corpId}, {@code agentId}, {@code secret}); application messages are off while any is blank.
 * {@code baseUrl} is the API's origin (a local fake in tests, a proxy in some intranets).
 */
@ConfigurationProperties("careloop.wecom")
public record WecomProperties(String corpId, Long agentId, String secret,
                              @DefaultValue("https://qyapi.weixin.qq.com") String baseUrl) {

    public boolean configured() {
        return corpId != null && !corpId.isBlank() && agentId != null && secret != null && !secret.isBlank();
    }

    String api(String path) {
        return baseUrl.replaceAll("/+$", "") + path;
    }
}
