/** PDF documents of the fund (receipts, statements, agreements): Japanese text in an embedded IPAex Gothic, QR codes. */
package kyodo.fund.document;
