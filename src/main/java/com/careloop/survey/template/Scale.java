package com.careloop.survey.template;

import java.math.BigDecimal;
import java.util.List;

/**
 * A template's rating scale (SPEC §7). Ratings are our codes, best first: FOUR_LEVEL 4 very satisfied (20 points),
 * 3 satisfied (18), 2 dissatisfied (10), 1 very dissatisfied (0); FIVE_LEVEL 5..1 = 5..1 points, satisfied = 4 or 5.
 * (The paper form R-QP-005-01 numbers its boxes 1..4 left to right, best first: render {@link #ratings()} in order.)
 */
public enum Scale {

    FOUR_LEVEL(List.of(4, 3, 2, 1), List.of(new BigDecimal("20"), new BigDecimal("18"), new BigDecimal("10"),
            BigDecimal.ZERO), 3, 2),
    FIVE_LEVEL(List.of(5, 4, 3, 2, 1), List.of(new BigDecimal("5"), new BigDecimal("4"), new BigDecimal("3"),
            new BigDecimal("2"), BigDecimal.ONE), 4, 2);

    private final List<Integer> ratings;
    private final List<BigDecimal> points;
    private final int lowestSatisfied;
    private final int highestDissatisfied;

    Scale(List<Integer> ratings, List<BigDecimal> points, int lowestSatisfied, int highestDissatisfied) {
        this.ratings = ratings;
        this.points = points;
        this.lowestSatisfied = lowestSatisfied;
        this.highestDissatisfied = highestDissatisfied;
    }

    /** The rating codes, best first. */
    public List<Integer> ratings() {
        return ratings;
    }

    public boolean contains(int rating) {
        return ratings.contains(rating);
    }

    /** The points of a rating; an unknown rating is refused (IllegalArgumentException). */
    public BigDecimal points(int rating) {
        int i = ratings.indexOf(rating);
        if (i < 0) {
            throw new IllegalArgumentException("rating " + rating + " is not on the " + name() + " scale " + ratings);
        }
        return points.get(i);
    }

    /** The points of the best rating (20 or 5): the maximum of one answered item. */
    public BigDecimal maxPoints() {
        return points.get(0);
    }

    /** Very satisfied or satisfied (four levels), 4 or 5 (five levels). */
    public boolean isSatisfied(int rating) {
        return contains(rating) && rating >= lowestSatisfied;
    }

    /** "Dissatisfied" or worse: 2 or 1 on both scales — what opens a corrective action. */
    public boolean isDissatisfied(int rating) {
        return contains(rating) && rating <= highestDissatisfied;
    }

    /** The 1-based box number on the paper form (left to right, best first) of a rating code. */
    public int paperBox(int rating) {
        return ratings.indexOf(rating) + 1;
    }
}
