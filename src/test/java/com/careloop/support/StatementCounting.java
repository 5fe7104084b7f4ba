package com.careloop.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL the application sends, for the tests that turn a cost into a deterministic figure (statements per
 * read, per acceptance) instead of a timing on a loaded machine. Part of the shared test context (every API and
 * browser test imports it), so those tests need no context of their own; counting is off unless a test asks for it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

    private static final ThreadLocal<List<String>> EXECUTED = new ThreadLocal<>();
    private static final List<String> PREPARED_ON_REQUEST_THREADS = new CopyOnWriteArrayList<>();
    private static volatile boolean requestThreads;

    /** The statements {@code work} executes on this thread, in order. */
    public static List<String> executedBy(Runnable work) {
        List<String> executed = new ArrayList<>();
        EXECUTED.set(executed);
        try {
            work.run();
        } finally {
            EXECUTED.remove();
        }
        return executed;
    }

    /**
     * The statements prepared on the server's request threads ("http-nio-…-exec-N") while {@code request} runs;
     * one test class at a time uses this (test classes of one JVM run one after another).
     */
    public static List<String> preparedOnRequestThreadsDuring(Supplier<?> request) {
        PREPARED_ON_REQUEST_THREADS.clear();
        requestThreads = true;
        try {
            request.get();
        } finally {
            requestThreads = false;
        }
        List<String> prepared = List.copyOf(PREPARED_ON_REQUEST_THREADS);
        PREPARED_ON_REQUEST_THREADS.clear();
        return prepared;
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return BeanWrapping.around(DataSource.class, "dataSource", StatementCounting::counting);
    }

    private static DataSource counting(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return connection(super.getConnection());
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return connection(super.getConnection(user, password));
            }
        };
    }

    private static Connection connection(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, m, args) -> {
                    boolean prepares = m.getName().startsWith("prepare") || m.getName().equals("createStatement");
                    String sql = args != null && args.length > 0 && args[0] instanceof String q ? q : "";
                    if (prepares && requestThreads && Thread.currentThread().getName().contains("-exec-")) {
                        PREPARED_ON_REQUEST_THREADS.add(sql.isEmpty() ? "<statement>" : sql);
                    }
                    Object r = invoke(m, c, args);
                    return prepares && r instanceof Statement st ? statement(st, sql) : r;
                });
    }

    private static Object statement(Statement s, String sql) {
        Class<?>[] api = s instanceof CallableStatement ? new Class<?>[] {CallableStatement.class}
                : s instanceof PreparedStatement ? new Class<?>[] {PreparedStatement.class}
                : new Class<?>[] {Statement.class};
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), api, (proxy, m, args) -> {
            List<String> executed = EXECUTED.get();
            if (executed != null && m.getName().startsWith("execute")) {
                executed.add(args != null && args.length > 0 && args[0] instanceof String q ? q : sql);
            }
            return invoke(m, s, args);
        });
    }

    private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
