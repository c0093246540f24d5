/** Refusals of the fund's use cases and their problem+json form, in Japanese and English. */
package kyodo.fund.problem;
