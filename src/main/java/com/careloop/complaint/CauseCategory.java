package com.careloop.complaint;

public enum CauseCategory {
    RAW_MATERIAL, PROCESS, EQUIPMENT, TRANSPORT_DAMAGE, STORAGE, INSPECTION_MEASUREMENT, OTHER
}
