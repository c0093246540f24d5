/** Points given by a resident to another resident (mutual help) or to a civic group, with a note. */
package kyodo.wallet.transfer;
