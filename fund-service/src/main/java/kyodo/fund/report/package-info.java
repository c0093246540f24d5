/**
 * Public reports: the fund distribution report and the points report per fiscal year, tied to a signed journal
 * checkpoint, as pages with charts, open data (CSV, JSON) and PDF; and the published grant results.
 */
package kyodo.fund.report;
