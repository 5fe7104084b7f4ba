package com.careloop.survey.template;

import java.math.BigDecimal;
import java.util.List;

/** A dimension of a template (质量, 交期配合, 服务, 技术能力 ...) with its weight in percent and its items. */
public record DimensionView(long id, int sortOrder, String name, String nameZhTw, String nameEn, BigDecimal weight,
                            List<ItemView> items) {
}
