package com.careloop.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** What the modules ask of the database product (PostgreSQL-only SQL such as index-backed keyword search). */
public final class Databases {

    private Databases() {
    }

    /** Whether the data source is PostgreSQL (else H2, the development and test database). */
    public static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product", e);
        }
    }
}
