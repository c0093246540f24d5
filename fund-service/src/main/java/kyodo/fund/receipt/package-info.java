/** Donation receipts (寄附金受領証明書) and year-end donor statements as PDF, with the QR link to the journal entry. */
package kyodo.fund.receipt;
