package com.careloop.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.stereotype.Component;

/**
 * Several reads sent to the database together. On PostgreSQL they go as one multi-statement query, which pgjdbc
 * sends part after part before a single Sync: one round trip. The hand-offs of a round trip, not the statements'
 * execution, were most of a page's database time (seven round trips cost the backend 0.195 ms of CPU, the same
 * reads in one 0.11 ms; docs/BENCHMARKS.md, issue 21 §2). On H2, in the same process, they run one after the
 * other. The reads join the caller's transaction if there is one (they see its flushed writes); without one they
 * run on a connection in auto-commit mode, without BEGIN and COMMIT — each statement sees the data as of its own
 * start, as it would under READ COMMITTED in a transaction.
 */
@Component
public class OneRoundTrip {

    private static final SQLExceptionSubclassTranslator ERRORS = new SQLExceptionSubclassTranslator();

    private final DataSource dataSource;
    private final boolean postgres;

    public OneRoundTrip(DataSource dataSource) {
        this.dataSource = dataSource;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** A new, empty set of reads. */
    public Reads reads() {
        return new Reads();
    }

    /** The rows one read returned, available once {@link Reads#run()} has run. */
    public static final class Rows<T> {
        private final String sql;
        private final RowMapper<T> mapper;
        private final Object[] params;
        private List<T> rows;

        private Rows(String sql, RowMapper<T> mapper, Object[] params) {
            if (sql.indexOf(';') >= 0) {
                throw new IllegalArgumentException("one statement per read: " + sql);
            }
            this.sql = sql;
            this.mapper = mapper;
            this.params = params;
        }

        public List<T> list() {
            if (rows == null) {
                throw new IllegalStateException("the reads have not run");
            }
            return rows;
        }

        private void read(ResultSet rs) throws SQLException {
            List<T> out = new ArrayList<>();
            for (int n = 0; rs.next(); n++) {
                out.add(mapper.mapRow(rs, n));
            }
            rows = out;
        }

        private int bind(PreparedStatement ps, int first) throws SQLException {
            for (Object p : params) {
                ps.setObject(first++, p);
            }
            return first;
        }
    }

    /** Reads to send together; each one statement with positional {@code ?} parameters. */
    public final class Reads {
        private final List<Rows<?>> reads = new ArrayList<>();

        private Reads() {
        }

        public <T> Rows<T> add(String sql, RowMapper<T> mapper, Object... params) {
            Rows<T> rows = new Rows<>(sql, mapper, params);
            reads.add(rows);
            return rows;
        }

        public void run() {
            String sql = reads.stream().map(r -> r.sql).collect(Collectors.joining(";\n"));
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                if (postgres) {
                    together(connection, sql);
                } else {
                    for (Rows<?> read : reads) {
                        try (PreparedStatement ps = connection.prepareStatement(read.sql)) {
                            read.bind(ps, 1);
                            try (ResultSet rs = ps.executeQuery()) {
                                read.read(rs);
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                reads.forEach(read -> read.rows = null); // on H2 the reads before the failing one had run
                throw ERRORS.translate("reads in one round trip", sql, e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        private void together(Connection connection, String sql) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int next = 1;
                for (Rows<?> read : reads) {
                    next = read.bind(ps, next);
                }
                boolean resultSet = ps.execute();
                for (Rows<?> read : reads) {
                    if (!resultSet) {
                        throw new IllegalStateException("a read returned no rows: " + read.sql);
                    }
                    try (ResultSet rs = ps.getResultSet()) {
                        read.read(rs);
                    }
                    resultSet = ps.getMoreResults();
                }
            }
        }
    }
}
