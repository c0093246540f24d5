/**
 * Documents of the fund and the wallet: PDF (receipts, statements, agreements) with Japanese text in an embedded
 * IPAex Gothic and QR codes, and the one CSV writer of every export.
 */
package kyodo.fund.document;
