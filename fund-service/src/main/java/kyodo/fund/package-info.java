/** The fund (基金): donations, grants, reports and audit. {@link kyodo.fund.FundModule} assembles it into an application. */
package kyodo.fund;
