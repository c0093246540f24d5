/** Donations (寄附): pledges, staff confirmation or direct recording, cancellation by reversing entry, per-donor lists. */
package kyodo.fund.donation;
