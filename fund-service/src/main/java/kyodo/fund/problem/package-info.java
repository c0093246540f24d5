/**
 * Rejections as values (a code, an HTTP status and a message key in the bundles), the one problem+json factory of
 * {@code /api} for both modules, and the one place each where the fund's API and pages turn a refusal into HTTP.
 */
package kyodo.fund.problem;
