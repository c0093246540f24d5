/** The home page: what this application is and where its books stand. */
package kyodo.wallet.home;
