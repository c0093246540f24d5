-- The verifiable journal (ledger-core, kyodo.ledger.journal): the RFC 9162 Merkle tree over the canonical
-- entries, kept as C2SP tlog tiles, and the signed checkpoints. A follower appends leaves after entries commit,
-- so posting never waits for the tree. Every row carries its ledger id.

-- The follower's position: how many entries are in the tree, its root, and the chain hash of the last entry
-- appended (the follower checks the chain as it goes). Followers lock this row, so two of them never append
-- the same entries.
create table journal_tree (
    ledger_id  bigint primary key references ledger (id),
    size       bigint not null default 0 check (size >= 0),
    root       bytea not null check (length(root) = 32),
    last_hash  bytea not null check (length(last_hash) = 32),
    updated_at timestamptz not null
);

-- Tile (level, tile_index) holds the tree's hashes at level 8·level, numbers 256·tile_index onwards, side by
-- side (32 bytes each, at most 256). Only the right-most tile of a level is partial; it grows, never changes.
create table journal_tile (
    ledger_id  bigint not null references ledger (id),
    level      smallint not null check (level between 0 and 7),
    tile_index bigint not null check (tile_index >= 0),
    hashes     bytea not null check (length(hashes) between 32 and 8192 and length(hashes) % 32 = 0),
    primary key (ledger_id, level, tile_index)
);

create function kyodo_tile_only_grows() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or length(new.hashes) < length(old.hashes)
       or substring(new.hashes from 1 for length(old.hashes)) <> old.hashes then
        raise exception 'journal tile %/% of ledger % may only grow', old.level, old.tile_index, old.ledger_id
            using errcode = 'KY003';
    end if;
    return new;
end;
$$;

create trigger journal_tile_only_grows before update or delete on journal_tile
    for each row execute function kyodo_tile_only_grows();
create trigger journal_tile_is_not_truncated before truncate on journal_tile
    for each statement execute function kyodo_refuse_change();

-- Signed checkpoints: the C2SP signed note as published, with its tree size and root for queries. The signing
-- keys live in files outside the database; only signatures are here.
create table journal_checkpoint (
    ledger_id  bigint not null references ledger (id),
    tree_size  bigint not null check (tree_size >= 0),
    root       bytea not null check (length(root) = 32),
    note       text not null check (length(note) between 1 and 65536),
    created_at timestamptz not null,
    primary key (ledger_id, tree_size)
);

create trigger journal_checkpoint_is_append_only before update or delete on journal_checkpoint
    for each row execute function kyodo_refuse_change();
create trigger journal_checkpoint_is_not_truncated before truncate on journal_checkpoint
    for each statement execute function kyodo_refuse_change();
