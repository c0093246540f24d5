/**
 * The one group registry (団体情報バンク), for the fund and the currency alike: registration, staff verification
 * and the public list of verified groups.
 */
package kyodo.fund.directory;
