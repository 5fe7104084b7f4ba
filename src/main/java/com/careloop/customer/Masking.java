package com.careloop.customer;

/** Privacy: phone and ID numbers as users without {@code customer:view-sensitive} see them. */
public final class Masking {

    private Masking() {
    }

    /** 13812345678 -> 138****5678; short numbers keep only their last two digits. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.trim();
        if (p.length() >= 11) {
            return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
        }
        if (p.length() > 4) {
            return "*".repeat(p.length() - 2) + p.substring(p.length() - 2);
        }
        return "*".repeat(p.length());
    }

    /** 110101199003071234 -> 110***********1234. */
    public static String idNumber(String id) {
        if (id == null || id.isBlank()) {
            return id;
        }
        String s = id.trim();
        if (s.length() <= 7) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 3) + "*".repeat(s.length() - 7) + s.substring(s.length() - 4);
    }
}
