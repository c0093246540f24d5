/**
 * The points report (a currency matter): points issued, spent, transferred, expired and settled per month of a
 * fiscal year at a signed checkpoint, from the report follower's daily sums of classified points legs.
 */
package kyodo.wallet.report;
