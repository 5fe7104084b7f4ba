package com.careloop.survey.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

/**
 * The template editor's form: dimensions with weights and items in three languages, with a few blank rows to add
 * more. Blank rows are ignored when the form becomes a {@link TemplateDraft}.
 */
public class TemplateForm {

    static final int BLANK_DIMENSIONS = 2;
    static final int BLANK_ITEMS = 2;

    private String code;
    private String name;
    private String nameEn;
    private Scale scale = Scale.FOUR_LEVEL;
    private Method method = Method.SCORE;
    private BigDecimal thresholdA = TemplateRules.DEFAULT_A;
    private BigDecimal thresholdB = TemplateRules.DEFAULT_B;
    private String opinionPrompt;
    private Long version;
    private List<DimensionRow> dimensions = new ArrayList<>();

    public static class DimensionRow {
        private String name;
        private String nameZhTw;
        private String nameEn;
        private BigDecimal weight;
        private List<ItemRow> items = new ArrayList<>();

        boolean isBlank() {
            return blank(name) && weight == null && items.stream().allMatch(ItemRow::isBlank);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getNameZhTw() { return nameZhTw; }
        public void setNameZhTw(String nameZhTw) { this.nameZhTw = nameZhTw; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String nameEn) { this.nameEn = nameEn; }
        public BigDecimal getWeight() { return weight; }
        public void setWeight(BigDecimal weight) { this.weight = weight; }
        public List<ItemRow> getItems() { return items; }
        public void setItems(List<ItemRow> items) { this.items = items; }
    }

    public static class ItemRow {
        private String code;
        private String text;
        private String textZhTw;
        private String textEn;

        boolean isBlank() {
            return blank(code) && blank(text) && blank(textZhTw) && blank(textEn);
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public String getTextZhTw() { return textZhTw; }
        public void setTextZhTw(String textZhTw) { this.textZhTw = textZhTw; }
        public String getTextEn() { return textEn; }
        public void setTextEn(String textEn) { this.textEn = textEn; }
    }

    /** The form of an existing revision, with blank rows appended. */
    static TemplateForm of(TemplateView v, long version) {
        TemplateForm f = new TemplateForm();
        f.code = v.code();
        f.name = v.name();
        f.nameEn = v.nameEn();
        f.scale = v.scale();
        f.method = v.method();
        f.thresholdA = v.thresholdA();
        f.thresholdB = v.thresholdB();
        f.opinionPrompt = v.opinionPrompt();
        f.version = version;
        for (DimensionView d : v.dimensions()) {
            DimensionRow row = new DimensionRow();
            row.name = d.name();
            row.nameZhTw = d.nameZhTw();
            row.nameEn = d.nameEn();
            row.weight = d.weight().stripTrailingZeros();
            for (ItemView i : d.items()) {
                ItemRow item = new ItemRow();
                item.code = i.code();
                item.text = i.text();
                item.textZhTw = i.textZhTw();
                item.textEn = i.textEn();
                row.items.add(item);
            }
            f.dimensions.add(row);
        }
        return f.padded();
    }

    /** Blank rows so the editor can add dimensions and items without script. */
    TemplateForm padded() {
        dimensions.removeIf(DimensionRow::isBlank);
        for (DimensionRow d : dimensions) {
            d.items.removeIf(ItemRow::isBlank);
        }
        for (int i = 0; i < BLANK_DIMENSIONS; i++) {
            dimensions.add(new DimensionRow());
        }
        for (DimensionRow d : dimensions) {
            for (int i = 0; i < BLANK_ITEMS + (d.items.isEmpty() ? 1 : 0); i++) {
                d.items.add(new ItemRow());
            }
        }
        return this;
    }

    TemplateDraft toDraft() {
        if (blank(code)) {
            throw new InvalidInputException("code", "required", Text.of("error.survey.template-code-required"));
        }
        if (blank(name)) {
            throw new InvalidInputException("name", "required", Text.of("error.survey.template-name-required"));
        }
        List<TemplateDraft.Dimension> dims = new ArrayList<>();
        for (DimensionRow d : dimensions) {
            if (d.isBlank()) {
                continue;
            }
            int index = dims.size();
            if (blank(d.name)) {
                throw new InvalidInputException("dimensions[" + index + "].name", "required",
                        Text.of("error.survey.dimension-needs-name", String.valueOf(index + 1)));
            }
            List<TemplateDraft.Item> items = new ArrayList<>();
            for (ItemRow i : d.items) {
                if (i.isBlank()) {
                    continue;
                }
                if (blank(i.code) || blank(i.text)) {
                    throw new InvalidInputException("dimensions[" + index + "].items[" + items.size() + "]", "required",
                            Text.of("error.survey.item-needs-code-text", d.name));

                }
                items.add(new TemplateDraft.Item(i.code.trim(), i.text.trim(), i.textZhTw, i.textEn));
            }
            dims.add(new TemplateDraft.Dimension(d.name.trim(), d.nameZhTw, d.nameEn, d.weight, items));
        }
        return new TemplateDraft(code.trim(), name.trim(), nameEn, scale, method, thresholdA, thresholdB, opinionPrompt,
                dims, version);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public Scale getScale() { return scale; }
    public void setScale(Scale scale) { this.scale = scale; }
    public Method getMethod() { return method; }
    public void setMethod(Method method) { this.method = method; }
    public BigDecimal getThresholdA() { return thresholdA; }
    public void setThresholdA(BigDecimal thresholdA) { this.thresholdA = thresholdA; }
    public BigDecimal getThresholdB() { return thresholdB; }
    public void setThresholdB(BigDecimal thresholdB) { this.thresholdB = thresholdB; }
    public String getOpinionPrompt() { return opinionPrompt; }
    public void setOpinionPrompt(String opinionPrompt) { this.opinionPrompt = opinionPrompt; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public List<DimensionRow> getDimensions() { return dimensions; }
    public void setDimensions(List<DimensionRow> dimensions) { this.dimensions = dimensions; }
}
