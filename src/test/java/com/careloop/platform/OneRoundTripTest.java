package com.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.careloop.support.ApiTestBase;
import com.careloop.support.StatementCounting;
import com.careloop.support.TestDatabases;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link OneRoundTrip}: each read gets its own parameters and rows, in the order added, whatever the number of
 * parameters of the reads before it; on PostgreSQL the reads are one statement sent once; inside a transaction they
 * see its writes; a failing read fails the whole set with Spring's exception and no read offers rows. Runs on H2 and on PostgreSQL.
 */
class OneRoundTripTest extends ApiTestBase {

    @Autowired
    OneRoundTrip trips;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void eachReadGetsItsOwnParametersAndRowsInOrder() {
        var reads = trips.reads();
        var none = reads.add("select 1 from app_user where id = ?", (rs, n) -> rs.getInt(1), -1L);
        var three = reads.add("select x from (select 1 x union all select 2 union all select 3) t where x between ? and ? order by x",
                (rs, n) -> rs.getInt(1), 1, 3);
        var text = reads.add("select cast(? as varchar(20)) || cast(? as varchar(20))", (rs, n) -> rs.getString(1), "甲", "乙");
        var last = reads.add("select ? + 1", (rs, n) -> rs.getLong(1), 41L);

        List<String> prepared = StatementCounting.executedBy(reads::run);

        assertThat(none.list()).isEmpty();
        assertThat(three.list()).containsExactly(1, 2, 3);
        assertThat(text.list()).containsExactly("甲乙");
        assertThat(last.list()).containsExactly(42L);
        assertThat(prepared).hasSize(TestDatabases.onPostgres() ? 1 : 4);
    }

    @Test
    void insideATransactionTheReadsSeeItsWrites() {
        String name = "往返-" + System.nanoTime();
        var inside = new TransactionTemplate(transactionManager).execute(s -> {
            jdbc.sql("insert into department (code, name, created_at, updated_at) values (:n, :n, current_timestamp, current_timestamp)").param("n", name).update();
            var reads = trips.reads();
            var found = reads.add("select name from department where name = ?", (rs, n) -> rs.getString(1), name);
            reads.run();
            s.setRollbackOnly();
            return found.list();
        });
        assertThat(inside).containsExactly(name);
        assertThat(jdbc.sql("select count(*) from department where name = :n").param("n", name).query(Long.class).single())
                .isZero();
    }

    @Test
    void aFailingReadFailsTheSetAndNoReadOffersRows() {
        var reads = trips.reads();
        var first = reads.add("select 1", (rs, n) -> rs.getInt(1));
        reads.add("select no_such_column from app_user", (rs, n) -> rs.getInt(1));
        assertThatThrownBy(reads::run).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(first::list).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> trips.reads().add("select 1; select 2", (rs, n) -> 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
