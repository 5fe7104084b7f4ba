package com.careloop.survey;

/** What a stratified sample is stratified by (proportional allocation, SPEC §7). */
public enum StratifyBy {
    KIND, REGION, SEGMENT
}
