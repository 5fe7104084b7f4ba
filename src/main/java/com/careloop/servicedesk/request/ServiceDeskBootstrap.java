package com.careloop.servicedesk.request;

import java.math.BigDecimal;

import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Satisfaction;
import com.careloop.platform.SignedInAs;
import com.careloop.servicedesk.Channel;
import com.careloop.servicedesk.FieldServiceKind;
import com.careloop.servicedesk.PauseReason;
import com.careloop.servicedesk.Priority;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskCatalogViews.SaveCategory;
import com.careloop.servicedesk.ServiceDeskCommands.AddMaterial;
import com.careloop.servicedesk.ServiceDeskCommands.AddNote;
import com.careloop.servicedesk.ServiceDeskCommands.Callback;
import com.careloop.servicedesk.ServiceDeskCommands.Complete;
import com.careloop.servicedesk.ServiceDeskCommands.Dispatch;
import com.careloop.servicedesk.ServiceDeskCommands.Pause;
import com.careloop.servicedesk.ServiceDeskCommands.Register;
import com.careloop.servicedesk.ServiceDeskCommands.Step;
import com.careloop.servicedesk.catalog.ServiceCatalog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only, and only while there is no request yet: a few requests in different states, entered
 * through the service desk by the demo people who would do it (front desk, team leader, supervisor), so
 * they are numbered, timed and audited like real ones.
 */
@Component
@Order(50)
class ServiceDeskBootstrap implements ApplicationRunner {

    private final ServiceDesk desk;
    private final CustomerDirectory customers;
    private final JdbcClient jdbc;
    private final CareLoopProperties properties;
    private final SignedInAs signedIn;
    private final ServiceCatalog catalog;

    ServiceDeskBootstrap(ServiceDesk desk, CustomerDirectory customers, JdbcClient jdbc, CareLoopProperties properties,
                         SignedInAs signedIn, ServiceCatalog catalog) {
        this.catalog = catalog;
        this.desk = desk;
        this.customers = customers;
        this.jdbc = jdbc;
        this.properties = properties;
        this.signedIn = signedIn;
    }

    /** The demo company's department for each seeded category: dispatch suggests it (never 总经办). */
    private static final String[][] DEFAULT_DEPARTMENTS = {
            {"WATER-POWER", "ENG-REPAIR"}, {"DOOR-WINDOW", "ENG-REPAIR"}, {"ELEVATOR", "ENG-REPAIR"}, {"PIPE", "ENG-REPAIR"},
            {"PUBLIC-FACILITY", "ENG-REPAIR"}, {"PRODUCT-QUALITY", "QA"}, {"INSTALLATION", "TECH"}, {"RETROFIT", "TECH"},
            {"AFTER-SALES", "CS"}, {"DELIVERY", "SALES"}, {"BILLING", "FIN"}, {"CLEANING", "PROP"}, {"SECURITY", "SEC"},
            {"SERVICE-ATTITUDE", "CS"}, {"OTHER", "CS"}};

    @Override
    public void run(ApplicationArguments args) {
        suggestDepartments();
        boolean empty = jdbc.sql("select count(*) from service_request").query(Long.class).single() == 0;
        if (!properties.demoData() || !empty || id("select id from org_user where username = 'frontdesk'") == null) {
            return;
        }
        Long repairTeam = id("select id from org_department where code = 'ENG-REPAIR'");
        Long staff = id("select id from org_user where username = 'staff'");
        Long waterPower = id("select id from service_category where code = 'WATER-POWER'");
        as("frontdesk", () -> {
            long leak = register("陈美玲", RequestType.REPAIR, null, waterPower, "卫生间角阀漏水",
                    "业主来电：卫生间角阀滴水，地面有积水，请尽快上门。", Channel.PHONE, Priority.HIGH);
            desk.dispatch(leak, new Dispatch(repairTeam, staff, null, null));
            register("刘建华", RequestType.CONSULTATION, null, null, "咨询物业费缴纳方式", "是否可以按季度缴纳物业费？",
                    Channel.WALK_IN, Priority.NORMAL);
            register("江苏恒顺食品有限公司", RequestType.FIELD_SERVICE, FieldServiceKind.INSTALLATION_COMMISSIONING, null,
                    "新购包装线安装调试指导", "请派技术人员到厂指导安装并调试。", Channel.EMAIL, Priority.NORMAL);
            register("黄晓明", RequestType.COMPLAINT, null, null, "维修人员未按约定时间上门", "约定上午九点，十一点仍未到。",
                    Channel.PHONE, Priority.HIGH);
            long door = register("上海联华超市有限公司", RequestType.REPAIR, null,
                    id("select id from service_category where code = 'DOOR-WINDOW'"), "门店卷帘门无法关闭",
                    "门店卷帘门电机异响，无法完全关闭。", Channel.PHONE, Priority.NORMAL);
            desk.dispatch(door, new Dispatch(repairTeam, staff, null, null));
            as("staff", () -> {
                desk.start(leak, new Step(null));
                desk.pause(leak, new Pause(PauseReason.WAITING_CUSTOMER, "业主不在家，约定明早上门", null));
                desk.start(door, new Step(null));
                desk.addNote(door, new AddNote("电机碳刷磨损，需更换", false));
                desk.addMaterial(door, new AddMaterial("卷帘门电机碳刷", new BigDecimal("2"), "副"));
                desk.complete(door, new Complete("更换电机碳刷，卷帘门开关正常", null));
            });
            as("supervisor", () -> {
                desk.callback(door, new Callback(Satisfaction.SATISFIED, "门店李经理表示满意", null, null));
                desk.close(door, new Step(null));
            });
        });
    }

    /**
     * Demo mode, once: while no category has a default department yet, the demo company's departments, set through
     * the catalog (audited like an administrator's change).
     */
    private void suggestDepartments() {
        if (!properties.demoData() || catalog.categories(true).stream().anyMatch(c -> c.defaultDepartmentId() != null)) {
            return;
        }
        for (String[] d : DEFAULT_DEPARTMENTS) {
            Long department = id("select id from org_department where code = '" + d[1] + "'");
            catalog.categories(true).stream().filter(c -> c.code().equals(d[0]) && department != null).findFirst()
                    .ifPresent(c -> catalog.updateCategory(c.id(), new SaveCategory(c.code(), c.name(),
                            c.callbackRequired(), c.active(), c.sortOrder(), c.version(), department)));
        }
    }

    private long register(String customer, RequestType type, FieldServiceKind kind, Long category, String title,
                          String description, Channel channel, Priority priority) {
        Long customerId = customers.lookUp(customer, 1).stream().findFirst().map(CustomerCard::id).orElse(null);
        return desk.register(new Register(customerId, null, customerId == null ? customer : null,
                customerId == null ? "13800000000" : null, null, null, type, kind, category, title, description, channel,
                priority, null, null)).id();
    }

    private void as(String username, Runnable work) {
        signedIn.run(username, work);
    }

    private Long id(String sql) {
        return jdbc.sql(sql).query(Long.class).optional().orElse(null);
    }
}
