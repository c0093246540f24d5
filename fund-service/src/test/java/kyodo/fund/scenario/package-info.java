/** A whole fiscal year of the fund, driven through the API on its own database. */
package kyodo.fund.scenario;
