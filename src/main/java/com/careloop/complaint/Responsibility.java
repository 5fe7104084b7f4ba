package com.careloop.complaint;

/** Who is responsible for the claimed damage; SHARED comes with our share in per cent. */
public enum Responsibility {
    OURS, CUSTOMER, CARRIER, SHARED
}
