-- Witness cosignatures of the journal's signed checkpoints (C2SP tlog-cosignature/v1, Ed25519). A witness states
-- that at `signed_at` (POSIX seconds) the checkpoint was the largest consistent tree it had seen of this log. The
-- log keeps the first cosignature of each witness key for each checkpoint and serves them appended to the note;
-- the witness's public key is kept beside it, so every row can be verified again without the configuration.
-- Java (kyodo.ledger.journal.checkpoint.Cosignatures) verifies the signature before a row is written; this table
-- repeats what SQL can: the checkpoint exists, the shapes, the key id that the name and key give, append-only.

create table journal_cosignature (
    ledger_id    bigint      not null,
    tree_size    bigint      not null,
    witness_name text        not null,
    key_id       integer     not null,
    public_key   bytea       not null,
    signed_at    bigint      not null,
    signature    bytea       not null,
    received_at  timestamptz not null,
    primary key (ledger_id, tree_size, witness_name, key_id),
    constraint journal_cosignature_of_a_checkpoint foreign key (ledger_id, tree_size)
        references journal_checkpoint (ledger_id, tree_size),
    -- A note key name: 1..256 characters, no spaces, no '+', no control characters.
    constraint journal_cosignature_name_is_a_key_name check (
        length(witness_name) between 1 and 256 and witness_name !~ '[[:space:]+[:cntrl:]]'),
    constraint journal_cosignature_key_is_ed25519 check (length(public_key) = 32),
    constraint journal_cosignature_signature_is_ed25519 check (length(signature) = 64),
    constraint journal_cosignature_time_is_posix check (signed_at >= 0),
    -- The key id of a cosignature/v1 key: SHA-256(name || 0x0A || 0x04 || key)[:4], big-endian.
    constraint journal_cosignature_key_id_matches check (
        int4send(key_id) = substring(sha256(convert_to(witness_name, 'UTF8') || '\x0a04'::bytea || public_key)
                                     from 1 for 4))
);

create trigger journal_cosignature_is_append_only before update or delete on journal_cosignature
    for each row execute function kyodo_refuse_change();
create trigger journal_cosignature_is_not_truncated before truncate on journal_cosignature
    for each statement execute function kyodo_refuse_change();
