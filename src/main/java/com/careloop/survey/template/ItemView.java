package com.careloop.survey.template;

/** One question of a template, in the three languages (zh-CN text, zh-TW, en). */
public record ItemView(long id, int sortOrder, String code, String text, String textZhTw, String textEn) {
}
