package com.careloop.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL one request sends, as sent (a bench's own context only: import {@link Config}). While {@link #start()}ed,
 * every prepared statement's text and its bound parameters are kept, so the bench can {@code EXPLAIN (ANALYZE,
 * BUFFERS)} exactly the statements of one search kind instead of a hand-written copy of them.
 */
final class SqlRecorder {

    /** One prepared statement: its text (with {@code ?}) and its parameters by index. */
    record Sent(String sql, Map<Integer, Object> params) {
    }

    private static volatile List<Sent> recording;

    private SqlRecorder() {
    }

    static void start() {
        recording = new CopyOnWriteArrayList<>();
    }

    static List<Sent> stop() {
        List<Sent> sent = recording;
        recording = null;
        return sent == null ? List.of() : List.copyOf(sent);
    }

    /** {@code EXPLAIN (ANALYZE, BUFFERS)} of one recorded select, its parameters bound as they were. */
    static List<String> explain(JdbcClient jdbc, Sent sent) {
        return jdbc.sql("explain (analyze, buffers) " + sent.sql())
                .params(new ArrayList<>(new TreeMap<>(sent.params()).values())).query(String.class).list();
    }

    // @TestConfiguration, not @Configuration: component scanning skips it, so only a context that imports it
    // (InspectionBench) wraps its data source. As a @Configuration it wrapped every context's (each JDBC call a
    // reflective proxy call, 3.3 % of the CPU samples of ServiceDeskBench's authenticated read).
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        static BeanPostProcessor sqlRecordingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds ? recording(ds) : bean;
                }
            };
        }
    }

    static DataSource recording(DataSource target) {
        return proxy(DataSource.class, target, (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    private static Connection connection(Connection target) {
        return proxy(Connection.class, target, (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")
                    && recording != null) {
                return statement(ps, (String) args[0]);
            }
            return result;
        });
    }

    private static PreparedStatement statement(PreparedStatement target, String sql) {
        Map<Integer, Object> params = new TreeMap<>();
        return proxy(PreparedStatement.class, target, (proxy, method, args) -> {
            String m = method.getName();
            if (m.equals("setNull") && args[0] instanceof Integer i) {
                params.put(i, null);
            } else if (m.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
                params.put(i, args[1]);
            } else if (m.startsWith("execute") && (args == null || args.length == 0)) {
                List<Sent> r = recording;
                if (r != null && sql.stripLeading().toLowerCase().startsWith("select")) {
                    r.add(new Sent(sql, new TreeMap<>(params)));
                }
            }
            return invoke(target, method, args);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
