package com.careloop.survey.template;

import java.math.BigDecimal;
import java.util.List;

import com.careloop.survey.template.TemplateDraft.Dimension;
import com.careloop.survey.template.TemplateDraft.Item;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The two ready templates, published on startup when their code is absent (product content, not demo data): the
 * paper mill's 顾客满意度调查表 R-QP-005-01 (four levels 20/18/10/0, method SCORE, each of the five items 20 % so the
 * weighted index is the mean of the item scores) and a J.D.-Power-style after-sales questionnaire with the SPEC §7
 * weights (five levels, method SCORE).
 */
@Component
@Order(60)
class ReadyTemplates implements ApplicationRunner {

    static final String PAPER_MILL = "R-QP-005-01";
    static final String JD_POWER = "JDP-SERVICE";

    private final SurveyTemplates templates;

    ReadyTemplates(SurveyTemplates templates) {
        this.templates = templates;
    }

    @Override
    public void run(ApplicationArguments args) {
        templates.seedIfAbsent(paperMill());
        templates.seedIfAbsent(jdPower());
    }

    static TemplateDraft paperMill() {
        return new TemplateDraft(PAPER_MILL, "顾客满意度调查表", "Customer satisfaction questionnaire (R-QP-005-01)",
                Scale.FOUR_LEVEL, Method.SCORE, new BigDecimal("90"), new BigDecimal("70"), "看法与建议",
                List.of(dim("质量", "質量", "Quality", "40",
                                item("Q1", "产品质量水平", "產品質量水平", "Product quality level"),
                                item("Q2", "异常处理能力", "異常處理能力", "Handling of abnormalities")),
                        dim("交期配合", "交期配合", "Delivery", "20",
                                item("D1", "交期确保", "交期確保", "Delivery assurance")),
                        dim("服务", "服務", "Service", "20",
                                item("S1", "查询、售后服务", "查詢、售後服務", "Inquiries and after-sales service")),
                        dim("技术能力", "技術能力", "Technical capability", "20",
                                item("T1", "技术改善", "技術改善", "Technical improvement"))), null);
    }

    static TemplateDraft jdPower() {
        return new TemplateDraft(JD_POWER, "售后服务满意度调查（加权指数）", "After-sales service satisfaction (weighted index)",
                Scale.FIVE_LEVEL, Method.SCORE, new BigDecimal("90"), new BigDecimal("70"), "您对我们的服务还有什么意见和建议？",
                List.of(dim("服务顾问友好度", "服務顧問友好度", "Friendliness", "16",
                                item("F1", "服务顾问热情、礼貌", "服務顧問熱情、禮貌", "The service advisor was friendly and courteous")),
                        dim("主动性", "主動性", "Proactiveness", "10",
                                item("P1", "主动说明维修项目与费用", "主動說明維修項目與費用", "Repairs and costs were explained without asking")),
                        dim("过程监督", "過程監督", "Supervision", "11",
                                item("SV1", "维修过程中及时告知进度", "維修過程中及時告知進度", "You were kept informed of the progress")),
                        dim("维修体验", "維修體驗", "Repair experience", "12",
                                item("R1", "一次修好，无需返修", "一次修好，無需返修", "Fixed right the first time")),
                        dim("产品问题", "產品問題", "Product problems", "21",
                                item("PP1", "产品问题得到彻底解决", "產品問題得到徹底解決", "The problem was solved completely"),
                                item("PP2", "维修后产品运行正常", "維修後產品運行正常", "The product works properly after the repair")),
                        dim("服务质量", "服務質量", "Service quality", "15",
                                item("SQ1", "对本次服务质量的总体评价", "對本次服務質量的總體評價", "Overall quality of this service")),
                        dim("取车", "取車", "Vehicle pick-up", "15",
                                item("V1", "取车手续便捷、按时交车", "取車手續便捷、按時交車", "Pick-up was easy and on time"),
                                item("V2", "交车时车辆清洁完好", "交車時車輛清潔完好", "The vehicle was returned clean and undamaged"))),
                null);
    }

    private static Dimension dim(String name, String tw, String en, String weight, Item... items) {
        return new Dimension(name, tw, en, new BigDecimal(weight), List.of(items));
    }

    private static Item item(String code, String text, String tw, String en) {
        return new Item(code, text, tw, en);
    }
}
