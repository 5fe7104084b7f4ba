package com.careloop.complaint.demo;

/** Test access to the demo plan's size. */
public final class ComplaintDemoDataAccess {

    private ComplaintDemoDataAccess() {
    }

    public static long plans() {
        return ComplaintDemoData.PLANS.size();
    }
}
