package org.attractorlab.core.reproduce;

import java.util.Objects;

/**
 * One headline claim of a paper beside what came out here.
 *
 * @param paper     the paper, e.g. "Sussillo & Barak 2013"
 * @param statement what the paper states
 * @param here      what the numbers of this reproduction show, in words (or, not tested, why and which analysis
 *                  it needs)
 * @param verdict   computed from the numbers
 */
public record Claim(String paper, String statement, String here, Verdict verdict) {
    public Claim {
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(here, "here");
        Objects.requireNonNull(verdict, "verdict");
    }

    /**
     * The verdict of a claim judged from the numbers: agrees with {@code here} as it is, or differs, with
     * {@code "; it differs" + why} after it (e.g. {@code ": fewer than 90% of the pairs rise"}).
     */
    public static Claim judged(String paper, String statement, String here, boolean agrees, String why) {
        return agrees ? new Claim(paper, statement, here, Verdict.AGREES)
                : new Claim(paper, statement, here + "; it differs" + why, Verdict.DIFFERS);
    }

    /** A claim whose analysis does not exist yet: {@code analysis} names it. */
    public static Claim notTestedYet(String paper, String statement, String analysis) {
        return new Claim(paper, statement, "needs " + analysis + ", which is not implemented yet",
                Verdict.NOT_TESTED_YET);
    }
}
