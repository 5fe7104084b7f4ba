package com.careloop.customer;

/** Organisation customer, individual (owner/resident/consumer), distributor (经销商), OEM customer. */
public enum CustomerKind {
    ORGANISATION, INDIVIDUAL, DISTRIBUTOR, OEM
}
