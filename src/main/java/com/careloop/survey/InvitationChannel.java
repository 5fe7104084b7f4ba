package com.careloop.survey;

/**
 * How a sampled customer is asked: EMAIL a personal link by mail; SMS the personal link by text message; PHONE an agent's call, the answer typed in
 * on the entry page; PAPER a printed questionnaire typed in when it comes back; ONSITE a form filled in on site.
 */
public enum InvitationChannel {
    EMAIL, PHONE, PAPER, ONSITE, SMS;

    /** Whether the customer gets a personal link sent (e-mail or SMS) rather than an agent's call or form. */
    public boolean personalLink() {
        return this == EMAIL || this == SMS;
    }
}
