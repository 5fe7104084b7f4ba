import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

/**
 * What joining the platform's published views (org_user, org_department; ADR 0043) costs on H2 against joining the
 * tables, for the three shapes other modules' SQL has: a page of a list with names, a count per person, and a data
 * scope by the assignee's department. PostgreSQL inlines a simple view, so there it costs nothing.
 *
 * java -cp ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar src/test/resources/bench/H2ViewJoin.java
 */
public class H2ViewJoin {

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:bench;OPTIMIZE_REUSE_RESULTS=FALSE")) {
            Statement s = c.createStatement();
            s.execute("create table department (id bigint primary key, code varchar(40), name varchar(100), active boolean)");
            s.execute("create table app_user (id bigint primary key, username varchar(50), display_name varchar(100),"
                    + " password_hash varchar(100), department_id bigint, active boolean)");
            s.execute("create table req (id bigint primary key, assignee_id bigint, department_id bigint)");
            s.execute("insert into department select x, 'D' || x, 'dept ' || x, true from system_range(1, 50)");
            s.execute("insert into app_user select x, 'u' || x, 'user ' || x, 'h', mod(x, 50) + 1, true from system_range(1, 2000)");
            s.execute("insert into req select x, mod(x, 2000) + 1, mod(x, 50) + 1 from system_range(1, 200000)");
            s.execute("create view org_user as select id, username, display_name, department_id, active from app_user");
            s.execute("create view org_department as select id, code, name, active from department");
            String[][] shapes = {
                {"page of 50 with names", "select r.id, u.display_name, d.name from req r left join %s u on u.id = r.assignee_id"
                        + " left join %s d on d.id = r.department_id where r.id < ? order by r.id desc limit 50"},
                {"count per person", "select u.display_name, count(*) from req r join %s u on u.id = r.assignee_id"
                        + " where r.id < ? group by u.display_name"},
                {"scope by assignee's department", "select count(*) from req r where r.id < ? and"
                        + " (select u.department_id from %s u where u.id = r.assignee_id) = 3"}};
            for (String[] shape : shapes) {
                String tables = shape[1].formatted("app_user", "department");
                String views = shape[1].formatted("org_user", "org_department");
                double[] t = new double[7];
                double[] v = new double[7];
                for (int round = 0; round < 9; round++) {
                    double tt = time(c, tables);
                    double vv = time(c, views);
                    if (round >= 2) {
                        t[round - 2] = tt;
                        v[round - 2] = vv;
                    }
                }
                Arrays.sort(t);
                Arrays.sort(v);
                System.out.printf("%-32s tables %8.3f ms  views %8.3f ms  ratio %.2f%n", shape[0], t[3], v[3], v[3] / t[3]);
            }
        }
    }

    /** The mean of 20 runs with changing parameters, so no result is reused. */
    private static double time(Connection c, String sql) throws Exception {
        try (var p = c.prepareStatement(sql)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                p.setLong(1, 200_001 - i);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        r.getObject(1);
                    }
                }
            }
            return (System.nanoTime() - t0) / 20e6;
        }
    }
}
