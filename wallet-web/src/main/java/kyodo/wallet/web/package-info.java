/** What every page and API answer shares: amounts and dates as people read them, and errors as problem+json. */
package kyodo.wallet.web;
