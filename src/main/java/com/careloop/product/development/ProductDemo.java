package com.careloop.product.development;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.CareLoopProperties;
import com.careloop.product.ProductCommands;
import com.careloop.product.ProductCommands.BomLine;
import com.careloop.product.ProductCommands.Tier;
import com.careloop.product.ProductDevelopments;

import org.springframework.stereotype.Component;

/**
 * The demo company's developments, entered through the service so they are numbered and audited: a vinegar-cap liner
 * for 江苏恒顺 at the pilot stage (production's node open) and a door-handle insert for 浙江吉利 completed, its
 * quotation accepted and its special contract review started.
 */
@Component
class ProductDemo {

    private final ProductDevelopments developments;
    private final CustomerDirectory customers;
    private final Clock clock;
    private final CareLoopProperties platform;

    ProductDemo(ProductDevelopments developments, CustomerDirectory customers, Clock clock,
                CareLoopProperties platform) {
        this.developments = developments;
        this.customers = customers;
        this.clock = clock;
        this.platform = platform;
    }

    void load() {
        Long hengshun = customer("江苏恒顺食品有限公司");
        Long geely = customer("浙江吉利汽车零部件有限公司");
        if (hengshun == null || geely == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(platform.zone()));
        long liner = developments.start(new ProductCommands.Start(hengshun, null, new ProductCommands.Demand(
                "耐酸瓶盖内垫", "香醋 500ml 瓶盖密封", new BigDecimal("60000"), new BigDecimal("500000"), "片",
                new BigDecimal("0.30"), today.plusDays(60), "耐醋酸 72 h 不溶胀，无异味，符合食品接触材料要求"))).id();
        developments.rndReport(liner, new ProductCommands.RndReport("三种配方小样，B 配方耐酸 72 h 无溶胀",
                "溶胀率 0.8%，气味评定 0 级", true, "采用 B 配方", null));
        developments.processSheet(liner, new ProductCommands.ProcessSheet("混料 → 挤出发泡 → 复合 → 冲切 → 检验",
                "Φ28×1.2 mm", List.of(new BomLine("PE 粒料", "食品级 LDPE", new BigDecimal("0.012"), "kg"),
                new BomLine("EPE 发泡层", "1.0 mm", new BigDecimal("1"), "片")), null));

        long insert = developments.start(new ProductCommands.Start(geely, null, new ProductCommands.Demand(
                "门把手防滑嵌件", "车门内把手", new BigDecimal("20000"), new BigDecimal("240000"), "件",
                new BigDecimal("1.80"), today.plusDays(45), "TPE 包胶，邵氏 A 60±5，耐磨 5000 次"))).id();
        developments.rndReport(insert, new ProductCommands.RndReport("TPE 包胶试样两轮，第二轮硬度合格",
                "邵氏 A 61，耐磨 6000 次无露底", true, "可进入中试", null));
        developments.processSheet(insert, new ProductCommands.ProcessSheet("PP 骨架注塑 → TPE 二次包胶 → 去毛边 → 检验",
                "GL-H-0612", List.of(new BomLine("PP 骨架料", "PP-GF20", new BigDecimal("0.045"), "kg"),
                new BomLine("TPE 包胶料", "A60 黑", new BigDecimal("0.018"), "kg")), null));
        developments.pilot(insert, new ProductCommands.Pilot(today, new BigDecimal("1000"), new BigDecimal("960"),
                "缺胶 25，飞边 15", "良率达标，可量产", null));
        developments.cost(insert, new ProductCommands.Cost(List.of(new BigDecimal("14.20"), new BigDecimal("32.00")),
                new BigDecimal("0.35"), new BigDecimal("0.22"), "按中试良率 96% 分摊", null));
        developments.quotation(insert, new ProductCommands.Quotation(List.of(
                new Tier(new BigDecimal("10000"), new BigDecimal("1.95")),
                new Tier(new BigDecimal("50000"), new BigDecimal("1.82"))), today.plusDays(30), "含税，送货到厂", null));
        developments.send(insert, new ProductCommands.Send(today, "吉利采购部", null));
        developments.answer(insert, new ProductCommands.Answer(true, today, new BigDecimal("20000"),
                today.plusDays(40), "首单 2 万件", null));
    }

    private Long customer(String name) {
        return customers.lookUp(name, 1).stream().findFirst().map(CustomerCard::id).orElse(null);
    }
}
