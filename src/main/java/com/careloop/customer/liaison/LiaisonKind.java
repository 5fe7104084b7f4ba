package com.careloop.customer.liaison;

/**
 * Kinds of external liaison party (外联客户): housing bureau and other government offices (房管局等),
 * street office (街道办), police station (派出所), water/power/gas (水电气), telecom and fibre, key
 * subcontractors (重点分供方), sponsors, merchants, community groups (文体艺术团体等).
 */
public enum LiaisonKind {
    GOVERNMENT_OFFICE, STREET_OFFICE, POLICE_STATION, UTILITY, TELECOM, SUBCONTRACTOR, SPONSOR, MERCHANT, COMMUNITY_GROUP
}
