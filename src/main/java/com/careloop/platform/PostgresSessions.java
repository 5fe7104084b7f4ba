package com.careloop.platform;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The application's PostgreSQL sessions run without JIT compilation (ADR 0039). PostgreSQL compiles a statement whose
 * estimated cost passes {@code jit_above_cost} (100,000 by default), and at ten million requests the statistics, the
 * survey report and a rare keyword's search pass it on every call: compiling took 80–100 ms of a complaint statistics
 * statement that runs in 55 ms without it. Our statements are built to run in milliseconds, where compiling never
 * pays. Set in the connection's start-up options (no extra round trip); a site that sets its own {@code options}
 * keeps them.
 */
@Component
class PostgresSessions implements BeanPostProcessor {

    static final String OPTIONS = "-c jit=off";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !pool.getDataSourceProperties().containsKey("options") && !pool.getJdbcUrl().contains("options=")) {
            pool.addDataSourceProperty("options", OPTIONS);
        }
        return bean;
    }
}
