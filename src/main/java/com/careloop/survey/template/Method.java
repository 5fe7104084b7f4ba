package com.careloop.survey.template;

/**
 * How a campaign's overall satisfaction is computed (SPEC §7): SCORE = mean of the respondents' normalised totals
 * (the paper-mill procedure); RATE = satisfied answers over all items / all answers x 100 (the medical-devices one).
 */
public enum Method {
    SCORE, RATE
}
