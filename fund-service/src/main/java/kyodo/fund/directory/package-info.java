/** The groups directory (団体情報バンク): registration, staff verification and the public list of verified groups. */
package kyodo.fund.directory;
