package com.careloop.complaint;

/**
 * 原因类别 of a complaint, for the Pareto of causes. PEOPLE (人员: skills, attitude, discipline) and SERVICE (服务: the
 * service process — response, appointments, communication) let a service organisation name its causes instead of
 * filing them under OTHER.
 */
public enum CauseCategory {
    RAW_MATERIAL, PROCESS, EQUIPMENT, TRANSPORT_DAMAGE, STORAGE, INSPECTION_MEASUREMENT, PEOPLE, SERVICE, OTHER
}
