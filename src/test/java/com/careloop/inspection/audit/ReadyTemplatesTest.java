package com.careloop.inspection.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.careloop.inspection.InspectionCommands.NewItem;
import com.careloop.inspection.InspectionCommands.NewSection;
import com.careloop.inspection.InspectionCommands.NewTemplate;
import com.careloop.inspection.ItemKind;

import org.junit.jupiter.api.Test;

/**
 * The shipped ready templates hold the seed's items, word for word (000-C2, 000-C3, 000-M4, 000-O1…O3 and the
 * pre-contract visit's photo lists of 签约前考察): if one is dropped or reworded, the test names it.
 */
class ReadyTemplatesTest {

    static NewTemplate template(String code) {
        return ReadyTemplates.all().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    static List<String> texts(NewSection s) {
        return s.items().stream().map(NewItem::textZhCn).toList();
    }

    static NewSection section(NewTemplate t, String title) {
        return t.sections().stream().filter(s -> s.titleZhCn().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void theSupplierInspectionScoresTheSixSAndChecksTheFiveClearsAndSixBatches() {
        NewTemplate t = template("SUPPLIER-6S");
        // "6S管理包括整理、整顿、清扫、清洁、安全及素养"
        NewSection sixS = section(t, "6S现场");
        assertThat(texts(sixS)).containsExactly("整理", "整顿", "清扫", "清洁", "安全", "素养");
        assertThat(sixS.items()).allMatch(i -> i.kind() == ItemKind.SCORE);
        // "五清指批次清、数量清、质量清、责任清、生产动态清；六分批指分批投料、分批加工、分批检验、分批出厂、分批保管、分批装配"
        String batch = String.join("、", texts(section(t, "五清六分批")));
        for (String word : List.of("批次清", "数量清", "质量清", "责任清", "生产动态清", "分批投料", "分批加工", "分批检验",
                "分批出厂", "分批保管", "分批装配")) {
            assertThat(batch).as(word).contains(word);
        }
    }

    @Test
    void theFactoryAuditHoldsTheHrItemsOfTheSeed() {
        assertThat(texts(section(template("FACTORY-HR"), "人事管理"))).containsExactly(
                "最低年龄证明（身份证核验）", "无歧视、无童工", "未成年工登记与体检", "人事档案完整", "劳动合同签订率100%",
                "五险缴纳", "工资不低于当地最低工资", "工时与考勤记录和财务、生产记录一致");
        // the age proof, no child labour and the minimum wage are red lines
        assertThat(section(template("FACTORY-HR"), "人事管理").items().stream().filter(i -> Boolean.TRUE.equals(i.redLine()))
                .map(NewItem::textZhCn)).containsExactly("最低年龄证明（身份证核验）", "无歧视、无童工", "工资不低于当地最低工资");
    }

    @Test
    void theMysteryShopperChecksTheGateTheContractorPassesAndTheGuard() {
        NewTemplate t = template("MYSTERY-GATE");
        // "形象岗应微笑并敬礼，并询问访客去向…通过对讲机同项目管理处前台联系…对来访人员进行登记并放行"
        assertThat(texts(section(t, "门岗接待"))).containsExactly("主动问候、敬礼", "询问来访去向", "对讲机与前台确认",
                "登记后放行");
        // "检查施工出入证相片是否与人相符、是否在有效期、证件的内容是否有涂改…过期的应有登记"
        assertThat(texts(section(t, "施工出入证"))).containsExactly("照片与本人相符", "出入证在有效期内且未涂改",
                "过期证件已登记");
        // "具备条件：年龄为25岁至30岁之间，身高180cm以上，体重65-75kg"; the appearance rules A–H and the taboos
        assertThat(texts(section(t, "岗位形象"))).containsExactly("形象岗条件：年龄25至30岁、身高180cm以上、体重65-75kg",
                "仪容仪表（A–H）", "无禁忌行为（吸烟、玩手机、离岗）", "岗位照片");
        assertThat(ReadyTemplates.tw(ReadyTemplates.GUARD_PROFILE)).isEqualTo("形象崗條件：年齡25至30歲、身高180cm以上、體重65-75kg");
    }

    @Test
    void thePreContractVisitTakesTheEightPhotosForEverySchemeAndFiveMoreForEms() {
        NewSection photos = section(template("PRE-CONTRACT-VISIT"), "现场照片");
        assertThat(photos.items()).allMatch(i -> i.kind() == ItemKind.PHOTO);
        // "4.1 QMS/FSMS/HACCP/OHSMS需提供以下图片资料：入口 厂区外貌 整体生产线 更衣室 洗手消毒区 原料仓库 成品仓库 检验室内貌"
        assertThat(photos.items().stream().filter(i -> i.schemes().contains("QMS")).map(NewItem::textZhCn))
                .containsExactly("入口", "厂区外貌", "整体生产线", "更衣室", "洗手消毒区", "原料仓库", "成品仓库", "检验室内貌");
        // "4.2 申请EMS认证除需提供4.1所需的图片资料外还需提供：废水排放口 废水处理装置 锅炉或工业窑炉及废气处理设施 工艺废气排放口 垃圾处理场"
        assertThat(photos.items().stream().filter(i -> i.schemes().equals("EMS")).map(NewItem::textZhCn))
                .containsExactly("废水排放口", "废水处理装置", "锅炉或工业窑炉及废气处理设施", "工艺废气排放口", "垃圾处理场");
        assertThat(photos.items().stream().filter(i -> i.schemes().contains("EMS"))).hasSize(13);
        for (String scheme : List.of("FSMS", "HACCP", "OHSMS")) {
            assertThat(photos.items().stream().filter(i -> i.schemes().contains(scheme))).as(scheme).hasSize(8);
        }
    }

    @Test
    void everyReadyItemHasItsTraditionalChineseText() {
        for (NewTemplate t : ReadyTemplates.all()) {
            for (NewSection s : t.sections()) {
                for (NewItem i : s.items()) {
                    assertThat(i.textZhTw()).as(t.code() + " " + i.textZhCn()).isNotBlank();
                }
            }
        }
    }
}
