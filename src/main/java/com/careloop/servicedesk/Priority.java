package com.careloop.servicedesk;

public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
