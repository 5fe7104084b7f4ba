package com.careloop.platform.org;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.PermissionCatalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start: built-in roles, the administrator and (in demo mode) a demo company in Chinese.
 * Every step checks what exists first, so a restart never duplicates anything.
 */
@Component
@Order(10)
class OrgBootstrap implements ApplicationRunner {

    /** The password of every demo user except admin; shown on the login page in demo mode only. */
    static final String DEMO_PASSWORD = Accounts.DEMO_PASSWORD;

    private static final Logger log = LoggerFactory.getLogger(OrgBootstrap.class);

    private final RoleRepository roles;
    private final UserRepository users;
    private final DepartmentRepository departments;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final List<PermissionCatalog> catalogs;
    private final CareLoopProperties properties;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final PasswordPolicy policy;
    private final JobPositionRepository positions;

    OrgBootstrap(RoleRepository roles, UserRepository users, DepartmentRepository departments, PasswordEncoder passwords,
                 AuditTrail audit, List<PermissionCatalog> catalogs, CareLoopProperties properties, Clock clock,
                 org.springframework.jdbc.core.simple.JdbcClient jdbc, PasswordPolicy policy,
                 JobPositionRepository positions) {
        this.positions = positions;
        this.policy = policy;
        this.jdbc = jdbc;
        this.roles = roles;
        this.users = users;
        this.departments = departments;
        this.passwords = passwords;
        this.audit = audit;
        this.catalogs = catalogs;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ensureRoles();
        ensureAdmin();
        if (properties.demoData() && departments.count() == 0) {
            loadDemoCompany();
        }
        if (properties.demoData()) {
            ensureDemoPositions();
            ensureDemoPositionHolders();
        }
    }

    /**
     * One demo user per position the contract review chains name (销售副总经理, 总工程师, 仓库保管员), so the vice GM's,
     * chief engineer's and warehouse keeper's steps land in a person's inbox. Added to an existing demo company too
     * (when its department is there), each only while its user name is free: a restart duplicates nothing.
     */
    private void ensureDemoPositionHolders() {
        Object[][] people = {
                {"salesvp", "郑国强", "GM", "SALES_VP", "DEPT_HEAD", true},
                {"chiefeng", "林振华", "TECH", "CHIEF_ENGINEER", "DEPT_HEAD", true},
                {"keeper", "马秀英", "PROD", "WAREHOUSE_KEEPER", "STAFF", false}};
        for (Object[] p : people) {
            var department = departments.findByCode((String) p[2]);
            if (department.isPresent() && positions.existsByCode((String) p[3]) && !users.existsByUsername((String) p[0])) {
                createDemoUser(p, department.get().getId());
            }
        }
    }

    private void createDemoUser(Object[] p, Long departmentId) {
        AppUser u = AppUser.create((String) p[0], (String) p[1], passwords.encode(DEMO_PASSWORD), departmentId,
                (String) p[3], now());
        u.update((String) p[1], p[0] + "@demo.careloop.local", null, departmentId, (String) p[3],
                (Boolean) p[5], Set.of(roles.findByCode((String) p[4]).orElseThrow()), now());
        audit.created(users.saveAndFlush(u));
    }

    /** The positions the seeds' contract procedures name, as examples of positions an administrator adds. */
    private void ensureDemoPositions() {
        String[][] demo = {
                {"SALES_VP", "销售副总经理", "銷售副總經理", "Sales vice general manager"},
                {"CHIEF_ENGINEER", "总工程师", "總工程師", "Chief engineer"},
                {"CONTRACT_ADMIN", "合同管理员", "合約管理員", "Contract administrator"},
                {"BUSINESS_MANAGER", "业务部经理", "業務部經理", "Business department manager"}};
        int order = 200;
        for (String[] p : demo) {
            if (!positions.existsByCode(p[0])) {
                audit.created(positions.saveAndFlush(JobPosition.create(p[0], p[1], p[2], p[3], order, now())));
            }
            order += 10;
        }
    }

    /**
     * Built-in roles are created once; ADMIN is topped up with every permission a new module adds;
     * each module's default grants to the other built-in roles are applied once, when it first starts.
     */
    private void ensureRoles() {
        Set<String> every = new HashSet<>();
        catalogs.forEach(c -> every.addAll(c.permissions()));
        BuiltInRoles.all().values().forEach(def -> {
            if (roles.findByCode(def.code()).isEmpty()) {
                audit.created(roles.saveAndFlush(Role.create(def.code(), def.name(), def.scope(), Set.of(), true)));
            }
        });
        for (PermissionCatalog catalog : catalogs) {
            boolean applied = jdbc.sql("select count(*) from permission_module where module = :m")
                    .param("m", catalog.module()).query(Long.class).single() > 0;
            if (!applied) {
                catalog.defaultGrants().forEach((code, permissions) -> roles.findByCode(code)
                        .ifPresent(role -> grant(role, permissions, "GRANT_" + catalog.module().toUpperCase())));
                jdbc.sql("insert into permission_module (module, granted_at) values (:m, :at)")
                        .param("m", catalog.module()).param("at", java.sql.Timestamp.from(now())).update();
            }
        }
        roles.findByCode(BuiltInRoles.ADMIN).ifPresent(admin -> grant(admin, every, "GRANT_NEW_PERMISSIONS"));
    }

    private void grant(Role role, Set<String> permissions, String action) {
        if (role.getPermissions().containsAll(permissions)) {
            return;
        }
        var before = role.auditState();
        Set<String> granted = new java.util.TreeSet<>(role.getPermissions());
        granted.addAll(permissions);
        role.redefine(role.getName(), role.getDataScope(), granted);
        roles.saveAndFlush(role);
        audit.changed(role, action, before);
    }

    private void ensureAdmin() {
        if (users.existsByUsername("admin")) {
            return;
        }
        String password = properties.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            do {
                password = generatePassword();
            } while (policy.violation(password) != null);
        } else if (policy.violation(password) != null) {
            throw new IllegalStateException("CARELOOP_ADMIN_PASSWORD breaks the password policy (" + policy.violation(password)
                    + "): at least " + PasswordPolicy.MIN_LENGTH + " characters and not a common password");
        }
        AppUser admin = AppUser.create("admin", "系统管理员", passwords.encode(password), null, Position.ADMINISTRATOR, now());
        admin.update("系统管理员", null, null, null, Position.ADMINISTRATOR, true,
                Set.of(roles.findByCode(BuiltInRoles.ADMIN).orElseThrow()), now());
        audit.created(users.saveAndFlush(admin));
        if (generated) {
            log.warn("""

                    ==========================================================
                     CareLoop administrator created: user 'admin'
                     generated password: {}
                     (shown once; set CARELOOP_ADMIN_PASSWORD to choose it)
                    ==========================================================""", password);
        }
    }

    private void loadDemoCompany() {
        Map<String, Long> ids = new HashMap<>();
        String[][] tree = {
                {"GM", "总经办", null}, {"CS", "客户服务部", "GM"}, {"SALES", "业务部（市场部）", "GM"},
                {"PROD", "生产部", "GM"}, {"QA", "品管部（质量部）", "GM"}, {"PURCH", "采购部", "GM"},
                {"FIN", "财务部", "GM"}, {"TECH", "技术部", "GM"}, {"ENG", "工程部", "GM"},
                {"ENG-REPAIR", "维修班", "ENG"}, {"PROP", "物业部", "GM"}, {"SEC", "保安部", "GM"}};
        int order = 0;
        for (String[] d : tree) {
            Department dept = departments.saveAndFlush(Department.create(d[0], d[1],
                    d[2] == null ? null : ids.get(d[2]), order++ * 10, now()));
            audit.created(dept);
            ids.put(d[0], dept.getId());
        }
        Object[][] people = {
                {"gm", "吴建国", "GM", Position.GENERAL_MANAGER, "GENERAL_MANAGER", true},
                {"manager", "王丽华", "CS", Position.CS_MANAGER, "CS_MANAGER", true},
                {"supervisor", "李明", "CS", Position.CS_SUPERVISOR, "CS_SUPERVISOR", true},
                {"frontdesk", "张小燕", "CS", Position.FRONT_DESK, "FRONT_DESK", false},
                {"complaints", "赵静", "CS", Position.COMPLAINT_SPECIALIST, "COMPLAINT_SPECIALIST", false},
                {"quality", "周卫东", "QA", Position.QUALITY_MANAGER, "QUALITY_MANAGER", true},
                {"depthead", "陈志强", "ENG", Position.DEPT_HEAD, "DEPT_HEAD", true},
                {"teamleader", "刘大伟", "ENG-REPAIR", Position.TEAM_LEADER, "TEAM_LEADER", true},
                {"staff", "孙师傅", "ENG-REPAIR", Position.STAFF, "STAFF", false},
                {"sales", "钱晓东", "SALES", Position.STAFF, "STAFF", false}};
        if (policy.violation(DEMO_PASSWORD) != null) {
            throw new IllegalStateException("the demo password breaks the password policy: " + policy.violation(DEMO_PASSWORD));
        }
        for (Object[] p : people) {
            createDemoUser(p, ids.get((String) p[2]));
        }
        log.info("Demo company '{}' loaded: {} departments, {} users (password {})", properties.companyName(),
                tree.length, people.length, DEMO_PASSWORD);
    }

    private static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
