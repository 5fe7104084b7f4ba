package com.careloop.survey;

/**
 * How a sampled customer is asked: EMAIL a personal link by mail; PHONE an agent's call, the answer typed in
 * on the entry page; PAPER a printed questionnaire typed in when it comes back; ONSITE a form filled in on site.
 */
public enum InvitationChannel {
    EMAIL, PHONE, PAPER, ONSITE
}
