package com.careloop.servicedesk;

/** Sub-kinds of a field service (现场服务). */
public enum FieldServiceKind {
    /** 安装指导与调试 */
    INSTALLATION_COMMISSIONING,
    /** 售后服务 */
    AFTER_SALES,
    /** 现场改造 */
    ON_SITE_RETROFIT
}
