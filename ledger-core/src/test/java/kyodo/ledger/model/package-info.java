/**
 * The seeded model-based harness: random operations from a seed run against the in-memory reference ledger and
 * the PostgreSQL ledger, compared after every step, with the failing sequence shrunk and printed for replay.
 */
package kyodo.ledger.model;
