package com.careloop.inspection.audit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.careloop.inspection.AuditKind;
import com.careloop.inspection.InspectionCommands.NewItem;
import com.careloop.inspection.InspectionCommands.NewSection;
import com.careloop.inspection.InspectionCommands.NewTemplate;
import com.careloop.inspection.ItemKind;

/** The ready templates of the seeds (000-A, 000-C, 000-F, 000-M, 000-O), loaded and published at first start. */
final class ReadyTemplates {

    static final String PHOTOS_BASE = "QMS,FSMS,HACCP,OHSMS,EMS";
    /** 000-O3 "形象岗…具备条件：年龄为25岁至30岁之间，身高180cm以上，体重65-75kg" (added in revision 2 of MYSTERY-GATE). */
    static final String GUARD_PROFILE = "形象岗条件：年龄25至30岁、身高180cm以上、体重65-75kg";

    /** The traditional-Chinese (zh-TW) text of every ready item, by its simplified text. */
    static final Map<String, String> ZH_TW = Map.ofEntries(
            Map.entry("工厂基本介绍（Facility Profile）已更新", "工廠基本介紹（Facility Profile）已更新"),
            Map.entry("已识别客户CSR门槛要求并形成《客户特殊要求事项清单》", "已識別客戶CSR門檻要求並形成《客戶特殊要求事項清單》"),
            Map.entry("员工总人数", "員工總人數"),
            Map.entry("无童工", "無童工"),
            Map.entry("无强迫劳动、无抵押金", "無強迫勞動、無抵押金"),
            Map.entry("无伪造记录（工时、工资）", "無偽造記錄（工時、工資）"),
            Map.entry("消防通道与安全出口畅通", "消防通道與安全出口暢通"),
            Map.entry("劳动合同齐全", "勞動合同齊全"),
            Map.entry("社会保险缴纳记录", "社會保險繳納記錄"),
            Map.entry("冲突矿产报告 CFSI_CMRT 已填写并上传客户平台", "衝突礦產報告 CFSI_CMRT 已填寫並上傳客戶平台"),
            Map.entry("SR FRA 摘要已完成", "SR FRA 摘要已完成"),
            Map.entry("最低年龄证明（身份证核验）", "最低年齡證明（身分證核驗）"),
            Map.entry("无歧视、无童工", "無歧視、無童工"),
            Map.entry("未成年工登记与体检", "未成年工登記與體檢"),
            Map.entry("人事档案完整", "人事檔案完整"),
            Map.entry("劳动合同签订率100%", "勞動合同簽訂率100%"),
            Map.entry("五险缴纳", "五險繳納"),
            Map.entry("工资不低于当地最低工资", "工資不低於當地最低工資"),
            Map.entry("工时与考勤记录和财务、生产记录一致", "工時與考勤記錄和財務、生產記錄一致"),
            Map.entry("整理", "整理"),
            Map.entry("整顿", "整頓"),
            Map.entry("清扫", "清掃"),
            Map.entry("清洁", "清潔"),
            Map.entry("安全", "安全"),
            Map.entry("素养", "素養"),
            Map.entry("批次清、数量清、质量清", "批次清、數量清、質量清"),
            Map.entry("责任清、生产动态清", "責任清、生產動態清"),
            Map.entry("分批投料、分批加工", "分批投料、分批加工"),
            Map.entry("分批检验、分批出厂", "分批檢驗、分批出廠"),
            Map.entry("分批保管、分批装配", "分批保管、分批裝配"),
            Map.entry("主动问候、敬礼", "主動問候、敬禮"),
            Map.entry("询问来访去向", "詢問來訪去向"),
            Map.entry("对讲机与前台确认", "對講機與前台確認"),
            Map.entry("登记后放行", "登記後放行"),
            Map.entry("照片与本人相符", "照片與本人相符"),
            Map.entry("出入证在有效期内且未涂改", "出入證在有效期內且未塗改"),
            Map.entry("过期证件已登记", "過期證件已登記"),
            Map.entry("形象岗条件：年龄25至30岁、身高180cm以上、体重65-75kg", "形象崗條件：年齡25至30歲、身高180cm以上、體重65-75kg"),
            Map.entry("仪容仪表（A–H）", "儀容儀表（A–H）"),
            Map.entry("无禁忌行为（吸烟、玩手机、离岗）", "無禁忌行為（吸菸、玩手機、離崗）"),
            Map.entry("岗位照片", "崗位照片"),
            Map.entry("入口", "入口"),
            Map.entry("厂区外貌", "廠區外貌"),
            Map.entry("整体生产线", "整體生產線"),
            Map.entry("更衣室", "更衣室"),
            Map.entry("洗手消毒区", "洗手消毒區"),
            Map.entry("原料仓库", "原料倉庫"),
            Map.entry("成品仓库", "成品倉庫"),
            Map.entry("检验室内貌", "檢驗室內貌"),
            Map.entry("废水排放口", "廢水排放口"),
            Map.entry("废水处理装置", "廢水處理裝置"),
            Map.entry("锅炉或工业窑炉及废气处理设施", "鍋爐或工業窯爐及廢氣處理設施"),
            Map.entry("工艺废气排放口", "工藝廢氣排放口"),
            Map.entry("垃圾处理场", "垃圾處理場"),
            Map.entry("按体系认证申请书要求提供相关附件", "按體系認證申請書要求提供相關附件"),
            Map.entry("现场观察到的风险", "現場觀察到的風險"));

    static String tw(String zhCn) {
        return ZH_TW.get(zhCn);
    }

    private ReadyTemplates() {
    }

    static List<NewTemplate> all() {
        return List.of(csr(), factory(), supplier(), mysteryShopper(), preContract());
    }

    static NewTemplate csr() {
        return new NewTemplate("CSR-AUDIT", AuditKind.CSR, "客户CSR稽查清单", 85, 70, List.of(
                section("CSR基本资料", "CSR基本資料", "CSR basic information",
                        yes("工厂基本介绍（Facility Profile）已更新", "Facility profile is up to date", false,
                                "工厂基本介绍\n营业执照", "GM"),
                        yes("已识别客户CSR门槛要求并形成《客户特殊要求事项清单》", "Customer CSR thresholds identified in the customer-specific requirements list", false,
                                "客户特殊要求事项清单", "QA"),
                        num("员工总人数", "Number of employees", 0, 100000)),
                section("CSR红线", "CSR紅線", "CSR red lines",
                        yes("无童工", "No child labour", true, "员工身份证复印件", "GM"),
                        yes("无强迫劳动、无抵押金", "No forced labour or deposits", true, null, "GM"),
                        yes("无伪造记录（工时、工资）", "No falsified records (hours, wages)", true, "考勤记录\n工资单", "FIN"),
                        yes("消防通道与安全出口畅通", "Fire exits and escape routes clear", true, null, "PROD")),
                section("CSR涉及的文件清单", "CSR涉及的文件清單", "CSR document list",
                        yes("劳动合同齐全", "Labour contracts complete", false, "劳动合同", "GM"),
                        yes("社会保险缴纳记录", "Social insurance payment records", false, "社保缴费凭证", "FIN"),
                        yes("冲突矿产报告 CFSI_CMRT 已填写并上传客户平台", "Conflict minerals report CFSI_CMRT filled in and uploaded", false,
                                "CFSI_CMRT", "PURCH"),
                        yes("SR FRA 摘要已完成", "SR FRA summary completed", false, "SR FRA summary", "QA"))));
    }

    static NewTemplate factory() {
        return new NewTemplate("FACTORY-HR", AuditKind.FACTORY, "验厂清单（人事）", 85, 70, List.of(
                section("人事管理", "人事管理", "Human resources",
                        yes("最低年龄证明（身份证核验）", "Minimum age proof (ID checked)", true, "身份证复印件", "GM"),
                        yes("无歧视、无童工", "No discrimination, no child labour", true, null, "GM"),
                        yes("未成年工登记与体检", "Juvenile workers registered and examined", false, "未成年工登记表", "GM"),
                        yes("人事档案完整", "Personnel files complete", false, "人事档案", "GM"),
                        yes("劳动合同签订率100%", "Labour contracts signed for all", false, "劳动合同", "GM"),
                        yes("五险缴纳", "Five social insurances paid", false, "社保缴费凭证", "FIN"),
                        yes("工资不低于当地最低工资", "Wages at or above the local minimum", true, "工资单", "FIN"),
                        yes("工时与考勤记录和财务、生产记录一致", "Hours and attendance consistent with finance and production records", false,
                                "考勤记录\n生产日报\n工资单", "PROD"))));
    }

    static NewTemplate supplier() {
        return new NewTemplate("SUPPLIER-6S", AuditKind.SUPPLIER, "供应商考察（6S与五清六分批）", 80, 60, List.of(
                section("6S现场", "6S現場", "6S on site",
                        score("整理", "Sort"), score("整顿", "Set in order"), score("清扫", "Shine"),
                        score("清洁", "Standardise"), score("安全", "Safety"), score("素养", "Sustain")),
                section("五清六分批", "五清六分批", "Batch management",
                        yes("批次清、数量清、质量清", "Batch, quantity and quality are clear", false, "批次记录", "QA"),
                        yes("责任清、生产动态清", "Responsibility and production status are clear", false, null, "QA"),
                        yes("分批投料、分批加工", "Feeding and processing by batch", false, null, "QA"),
                        yes("分批检验、分批出厂", "Inspection and dispatch by batch", false, "检验记录", "QA"),
                        yes("分批保管、分批装配", "Storage and assembly by batch", false, null, "QA"))));
    }

    static NewTemplate mysteryShopper() {
        return new NewTemplate("MYSTERY-GATE", AuditKind.MYSTERY_SHOPPER, "神秘顾客（物业门岗）", 90, 75, List.of(
                section("门岗接待", "門崗接待", "Gate reception",
                        yes("主动问候、敬礼", "Greets and salutes the visitor", false, null, "SEC"),
                        yes("询问来访去向", "Asks where the visitor is going", false, null, "SEC"),
                        yes("对讲机与前台确认", "Confirms with the front desk by radio", false, null, "SEC"),
                        yes("登记后放行", "Registers the visitor and lets them pass", true, "来访登记簿", "SEC")),
                section("施工出入证", "施工出入證", "Contractor passes",
                        yes("照片与本人相符", "Photo matches the holder", false, null, "SEC"),
                        yes("出入证在有效期内且未涂改", "Pass valid and not altered", true, null, "SEC"),
                        yes("过期证件已登记", "Expired passes registered", false, "施工人员登记表", "SEC")),
                section("岗位形象", "崗位形象", "Guard appearance",
                        yes(GUARD_PROFILE, "Gate guard profile: aged 25 to 30, at least 180 cm, 65-75 kg", false, null,
                                "SEC"),
                        score("仪容仪表（A–H）", "Grooming and uniform (A–H)"),
                        yes("无禁忌行为（吸烟、玩手机、离岗）", "No taboos (smoking, phone, leaving post)", false, null, "SEC"),
                        photo("岗位照片", "Photo of the post", 1, null))));
    }

    static NewTemplate preContract() {
        String[][] base = {{"入口", "Entrance"}, {"厂区外貌", "Site exterior"}, {"整体生产线", "Production line"},
                {"更衣室", "Changing room"}, {"洗手消毒区", "Hand-washing and disinfection area"},
                {"原料仓库", "Raw material store"}, {"成品仓库", "Finished goods store"}, {"检验室内貌", "Laboratory"}};
        String[][] ems = {{"废水排放口", "Waste-water outlet"}, {"废水处理装置", "Waste-water treatment"},
                {"锅炉或工业窑炉及废气处理设施", "Boiler or kiln and exhaust treatment"},
                {"工艺废气排放口", "Process exhaust outlet"}, {"垃圾处理场", "Waste yard"}};
        List<NewItem> photos = new java.util.ArrayList<>();
        for (String[] b : base) {
            photos.add(photo(b[0], b[1], 1, PHOTOS_BASE));
        }
        for (String[] e : ems) {
            photos.add(photo(e[0], e[1], 1, "EMS"));
        }
        return new NewTemplate("PRE-CONTRACT-VISIT", AuditKind.PRE_CONTRACT, "签约前考察", 80, 60, List.of(
                new NewSection("现场照片", "現場照片", "Site photos", photos),
                section("申请与风险", "申請與風險", "Application and risk",
                        yes("按体系认证申请书要求提供相关附件", "Attachments required by the application form provided", false,
                                "营业执照\n组织机构图\n工艺流程图\n体系文件", "SALES"),
                        new NewItem("现场观察到的风险", "現場觀察到的風險", "Risks observed on site", ItemKind.TEXT, null,
                                null, null, null, 0, false, null, "SALES", null))));
    }

    private static NewSection section(String zh, String tw, String en, NewItem... items) {
        return new NewSection(zh, tw, en, List.of(items));
    }

    private static NewItem yes(String zh, String en, boolean redLine, String evidence, String dept) {
        return new NewItem(zh, tw(zh), en, ItemKind.YES_NO, null, null, null, null, redLine ? 3 : 1, redLine, evidence,
                dept, null);
    }

    private static NewItem score(String zh, String en) {
        return new NewItem(zh, tw(zh), en, ItemKind.SCORE, 5, null, null, null, 1, false, null, "QA", null);
    }

    private static NewItem num(String zh, String en, int min, int max) {
        return new NewItem(zh, tw(zh), en, ItemKind.NUMBER, null, BigDecimal.valueOf(min), BigDecimal.valueOf(max), null,
                0, false, null, null, null);
    }

    private static NewItem photo(String zh, String en, int min, String schemes) {
        return new NewItem(zh, tw(zh), en, ItemKind.PHOTO, null, null, null, min, 1, false, null, null, schemes);
    }
}
