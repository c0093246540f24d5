/** The fund on the books: its bank account, designation accounts and grants payable, moved only through the ledger. */
package kyodo.fund.books;
