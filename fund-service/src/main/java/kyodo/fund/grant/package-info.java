/** Grants (助成事業): programs, applications, committee review, awards, agreements, disbursements, results. */
package kyodo.fund.grant;
