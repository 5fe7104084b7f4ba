package com.careloop.customer.liaison;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.careloop.customer.contactlog.ContactChannel;
import com.careloop.customer.contactlog.ContactKind;
import com.careloop.customer.contactlog.ContactLogCommands.AddEntry;
import com.careloop.customer.contactlog.DemoData;
import com.careloop.customer.liaison.LiaisonCommands.ContactInput;
import com.careloop.customer.liaison.LiaisonCommands.SaveParty;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo mode only: the liaison parties of a property-management company and a few visits; once. */
@Component
@Order(50)
class LiaisonBootstrap implements ApplicationRunner {

    private final LiaisonService parties;
    private final DemoData demoData;
    private final Clock clock;

    LiaisonBootstrap(LiaisonService parties, DemoData demoData, Clock clock) {
        this.parties = parties;
        this.demoData = demoData;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        demoData.loadOnce("liaison_party", this::demo);
    }

    private void demo() {
        Instant now = Instant.now(clock);
        long bureau = party("苏州市姑苏区房产管理局", LiaisonKind.GOVERNMENT_OFFICE, "0512-65223300", "苏州市姑苏区人民路1001号",
                "物业管理科 负责维修基金、物业备案", new ContactInput("张科长", "物管科科长", "13912340001", null));
        party("沧浪街道办事处", LiaisonKind.STREET_OFFICE, "0512-65101234", "苏州市姑苏区书院巷18号", "辖区街道，社区活动与防疫",
                new ContactInput("刘主任", "城管科", "13912340002", null));
        long police = party("姑苏公安分局沧浪派出所", LiaisonKind.POLICE_STATION, "0512-65209110", "苏州市姑苏区十全街66号",
                "社区民警联系", new ContactInput("王警官", "社区民警", "13912340003", null));
        party("苏州市自来水有限公司", LiaisonKind.UTILITY, "0512-68896986", "苏州市三香路588号", "停水通知、管网抢修",
                new ContactInput("陈工", "客服中心", "13912340004", null));
        party("国网苏州供电公司", LiaisonKind.UTILITY, "0512-65395598", "苏州市劳动路555号", "计划停电通知",
                new ContactInput("李工", "营业厅", "13912340005", null));
        party("苏州港华燃气有限公司", LiaisonKind.UTILITY, "0512-68661001", "苏州市金门路1111号", "燃气安检、抢修",
                new ContactInput("赵师傅", "安检组", "13912340006", null));
        party("中国电信苏州分公司", LiaisonKind.TELECOM, "0512-68110000", "苏州市干将西路1288号", "固话与宽带",
                new ContactInput("孙经理", "政企客户经理", "13912340007", null));
        party("苏州光网科技有限公司", LiaisonKind.TELECOM, "0512-68889900", "苏州工业园区星湖街328号", "小区光纤入户",
                new ContactInput("周工", "工程部", "13912340008", null));
        parties.addLog(bureau, new AddEntry(ContactKind.VISIT, ContactChannel.VISIT,
                now.minus(Duration.ofDays(12)).atOffset(ZoneOffset.UTC), null, "走访物管科，沟通维修基金使用审批流程"));
        parties.addLog(bureau, new AddEntry(ContactKind.HOLIDAY_GREETING, ContactChannel.LETTER,
                now.minus(Duration.ofDays(60)).atOffset(ZoneOffset.UTC), null, "中秋节慰问信"));
        parties.addLog(police, new AddEntry(ContactKind.CALL, ContactChannel.PHONE,
                now.minus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC), null, "约定小区治安联防会议时间"));
    }

    private long party(String name, LiaisonKind kind, String phone, String address, String remarks, ContactInput contact) {
        return parties.register(new SaveParty(name, kind, phone, address, remarks, List.of(contact), null)).id();
    }
}
