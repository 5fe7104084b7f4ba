package com.careloop.capa;

/** The fishbone (Ishikawa) cause categories 人机料法测环. */
public enum FishboneCategory {
    MAN, MACHINE, MATERIAL, METHOD, MEASUREMENT, ENVIRONMENT
}
