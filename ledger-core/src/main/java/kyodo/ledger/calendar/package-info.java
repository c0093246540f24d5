/**
 * The ward's one business calendar: its zone (Asia/Tokyo), the business day of a moment on the books, and the
 * Japanese fiscal year (April to March). The database's {@code kyodo_business_day} function is its SQL twin.
 */
package kyodo.ledger.calendar;
