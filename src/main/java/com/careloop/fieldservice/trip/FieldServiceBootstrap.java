package com.careloop.fieldservice.trip;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import com.careloop.fieldservice.FieldServiceCommands;
import com.careloop.fieldservice.FieldServiceCommands.Member;
import com.careloop.fieldservice.FieldServiceCommands.Moment;
import com.careloop.fieldservice.FieldServiceViews.Detail;
import com.careloop.fieldservice.FieldServices;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.SignedInAs;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskViews;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record-number rules (XC field service, XB field-service report Q/JL081304; an administrator's later change is
 * kept) and, in demo mode while there is no field service, the commissioning trip to 江苏恒顺食品有限公司 planned from
 * the service desk's demo request: a team from four departments, briefed and checked, on site for three days, its
 * report signed by the customer and our leader. No open point, so nobody's work or any dashboard changes.
 */
@Component
@Order(64)
class FieldServiceBootstrap implements ApplicationRunner {

    private final RecordNumbers numbers;
    private final FieldServices services;
    private final ServiceDesk desk;
    private final JdbcClient jdbc;
    private final CareLoopProperties platform;
    private final SignedInAs signedIn;
    private final TransactionTemplate tx;
    private final Clock clock;

    FieldServiceBootstrap(RecordNumbers numbers, FieldServices services, ServiceDesk desk, JdbcClient jdbc,
                          CareLoopProperties platform, SignedInAs signedIn, TransactionTemplate tx, Clock clock) {
        this.numbers = numbers;
        this.services = services;
        this.desk = desk;
        this.jdbc = jdbc;
        this.platform = platform;
        this.signedIn = signedIn;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        numbers.define(FieldServices.RECORD_TYPE, "XC", 5, "现场服务计划");
        numbers.define(FieldServices.REPORT_TYPE, "XB", 5, "现场服务报告 Q/JL081304");
        boolean empty = jdbc.sql("select count(*) from field_service").query(Long.class).single() == 0;
        Long leader = user("depthead");
        if (!platform.demoData() || !empty || leader == null || user("manager") == null) {
            return;
        }
        Detail[] planned = new Detail[1];
        signedIn.run("manager", () -> tx.executeWithoutResult(s -> planned[0] = demo(leader)));
        if (planned[0] == null) {
            return;
        }
        signedIn.run("depthead", () -> tx.executeWithoutResult(s -> services.leaderSigns(planned[0].id(),
                new FieldServiceCommands.LeaderSignature(signature("陈志强"), null))));
    }

    private Detail demo(long leader) {
        List<ServiceDeskViews.Row> requests = desk.search(new ServiceDeskViews.Filter(null, RequestType.FIELD_SERVICE,
                null, null, null, null, null, null, null, "恒顺", null, null, null, null, null, null, null, null, null,
                null, null), null, 5).items();
        if (requests.isEmpty()) {
            return null;
        }
        ZoneId zone = platform.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate out = today.minusDays(9);
        Detail d = services.plan(new FieldServiceCommands.Plan(requests.get(0).id(), "江苏省镇江市丹徒区恒顺工业园 3号车间",
                "恒顺设备科 马工", "0511-85226666", out, out.plusDays(1), out.plusDays(3), out.plusDays(4),
                new Member(leader, "现场总负责：组织安装指导与调试，对顾客沟通", null),
                List.of(new Member(user("teamleader"), "机械安装指导与紧固件检查", null),
                        new Member(user("quality"), "调试数据测量与出厂检验复核", null),
                        new Member(user("sales"), "顾客培训与验收资料", null)),
                "公司商务车 苏L·A2631", List.of(new FieldServiceCommands.Tool("力矩扳手组", false, null),
                        new FieldServiceCommands.Tool("数字万用表 FLUKE 17B+", true, "校准有效期至 2027-03"),
                        new FieldServiceCommands.Tool("激光转速表", true, "计量室借用")),
                List.of(new FieldServiceCommands.Part("封口机加热片", new BigDecimal("4"), "片"),
                        new FieldServiceCommands.Part("输送带张紧轮", new BigDecimal("2"), "个")),
                "第1天：设备就位与机械安装指导；第2天：电气接线与空载调试；第3天：带料试运行、培训、验收。"));
        long id = d.id();
        services.brief(id, new FieldServiceCommands.Briefing("保安部 韩队长",
                "高处作业与临时用电安全；顾客厂区食品卫生规定；车辆行驶安全",
                d.team().stream().map(m -> m.userId()).toList(), null));
        services.checklist(id, new FieldServiceCommands.Checklist(d.checklist().stream().map(c -> c.code()).toList(),
                null));
        services.depart(id, new Moment(at(out, 7, 30), null));
        services.arrive(id, new Moment(at(out, 14, 10), null));
        Detail onSite = services.detail(id);
        for (var m : onSite.team()) {
            services.hours(id, new FieldServiceCommands.Hours(m.id(), at(out.plusDays(1), 8, 0),
                    at(out.plusDays(1), 17, 0), null));
            services.hours(id, new FieldServiceCommands.Hours(m.id(), at(out.plusDays(2), 8, 0),
                    at(out.plusDays(2), 16, 30), null));
            services.workDone(id, new FieldServiceCommands.WorkDone(m.id(), "已完成：" + m.task()));
        }
        services.measure(id, new FieldServiceCommands.Measurement("封口温度", "185", "℃", "设定 180±10"));
        services.measure(id, new FieldServiceCommands.Measurement("输送速度", "42", "包/分", "设计 40"));
        services.partUsed(id, new FieldServiceCommands.PartUsed(onSite.parts().get(0).id(), new BigDecimal("2")));
        services.findings(id, new FieldServiceCommands.Findings(
                "设备安装符合图纸；空载与带料试运行正常；一处加热片因运输受潮更换。", null));
        services.leaveSite(id, new Moment(at(out.plusDays(3), 11, 0), null));
        return services.customerSigns(id, new FieldServiceCommands.CustomerSignature("马建军", "VERY_SATISFIED",
                "指导认真，调试及时，培训到位。", signature("马建军"), null));
    }

    private OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(platform.zone()).toOffsetDateTime();
    }

    /** A drawn-looking signature stroke as a PNG data URL (the demo has no real pad). */
    static String signature(String seed) {
        BufferedImage img = new BufferedImage(240, 80, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(20, 30, 90));
        g.setStroke(new BasicStroke(3f));
        int h = Math.abs(seed.hashCode());
        int x = 10;
        int y = 50;
        for (int i = 0; i < 12; i++) {
            int nx = x + 15 + (h >> i) % 7;
            int ny = 20 + ((h >> (i + 3)) % 45);
            g.drawLine(x, y, nx, ny);
            x = nx;
            y = ny;
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Long user(String username) {
        return jdbc.sql("select id from org_user where username = :u").param("u", username).query(Long.class)
                .optional().orElse(null);
    }
}
