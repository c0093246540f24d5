-- The books (ledger-core). Every rule the Java ledger enforces is repeated here, so that even a buggy
-- or hostile caller with a plain SQL connection cannot break them. Amounts are bigint minor units.

create table ledger (
    id              bigint primary key check (id > 0),
    name            text not null check (length(name) between 1 and 200),
    -- The head: last sequence number, chain hash after it, and its timestamp. Writers lock this row,
    -- so the commit order is the journal order, also across several processes.
    head_sequence   bigint not null default 0 check (head_sequence >= 0),
    head_hash       bytea not null default decode(repeat('00', 32), 'hex') check (length(head_hash) = 32),
    head_time       timestamptz,
    next_account_id bigint not null default 1 check (next_account_id > 0),
    created_at      timestamptz not null default now()
);

create table asset (
    ledger_id bigint not null references ledger (id),
    code      text not null check (code ~ '^[A-Z][A-Z0-9]{1,11}$'),
    scale     smallint not null check (scale between 0 and 18),
    primary key (ledger_id, code)
);

-- flags: 1 = debits must not exceed credits, 2 = credits must not exceed debits, 4 = closed.
create table account (
    ledger_id       bigint not null,
    id              bigint not null check (id > 0),
    code            text collate "C" not null check (length(code) between 1 and 128),
    asset           text not null,
    kind            text not null check (kind in ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
    flags           integer not null check (flags between 0 and 7 and flags & 3 <> 3),
    balance_limit   bigint check (balance_limit >= 0),
    debits_posted   bigint not null default 0 check (debits_posted >= 0),
    credits_posted  bigint not null default 0 check (credits_posted >= 0),
    debits_pending  bigint not null default 0 check (debits_pending >= 0),
    credits_pending bigint not null default 0 check (credits_pending >= 0),
    opened_at       timestamptz not null,
    closed_at       timestamptz,
    primary key (ledger_id, id),
    unique (ledger_id, code),
    foreign key (ledger_id, asset) references asset (ledger_id, code),
    constraint debits_must_not_exceed_credits
        check (flags & 1 = 0 or debits_posted + debits_pending <= credits_posted),
    constraint credits_must_not_exceed_debits
        check (flags & 2 = 0 or credits_posted + credits_pending <= debits_posted),
    constraint closed_flag_and_time_agree
        check ((flags & 4 <> 0) = (closed_at is not null)),
    constraint balance_within_limit
        check (balance_limit is null or
               case when kind in ('ASSET', 'EXPENSE')
                    then debits_posted + debits_pending - credits_posted
                    else credits_posted + credits_pending - debits_posted end <= balance_limit)
) with (fillfactor = 80); -- totals change on every posting: room on the page keeps updates HOT (no index writes)

-- One journal entry: an atomic group of legs. metadata is kept as the exact JSON text the caller sent,
-- because it is part of the canonical bytes that the chain hash covers (jsonb would reorder it).
create table entry (
    ledger_id      bigint not null,
    sequence       bigint not null check (sequence > 0),
    key            text collate "C" not null check (length(key) between 1 and 128),
    kind           text not null check (kind ~ '^[A-Z][A-Z0-9_]{0,31}$'),
    actor          text not null check (length(actor) between 1 and 64),
    memo           text not null check (length(memo) <= 280),
    metadata       text check (metadata is null or (length(metadata) <= 4096 and metadata::jsonb is not null)),
    posted_at      timestamptz not null,
    leg_count      smallint not null check (leg_count between 1 and 64),
    request_digest bytea not null check (length(request_digest) = 32),
    hash           bytea not null check (length(hash) = 32),
    primary key (ledger_id, sequence),
    unique (ledger_id, key)
);

-- kind: P = posted, H = pending (hold), C = post of a pending (capture), V = void of a pending.
-- released_amount is the pending amount that a C or V leg takes out of the pending totals.
create table leg (
    ledger_id         bigint not null,
    sequence          bigint not null,
    leg_index         smallint not null check (leg_index between 0 and 63),
    kind              char(1) not null check (kind in ('P', 'H', 'C', 'V')),
    debit_account_id  bigint not null,
    credit_account_id bigint not null,
    asset             text not null,
    amount            bigint not null check (amount > 0),
    released_amount   bigint,
    pending_sequence  bigint,
    pending_leg_index smallint,
    expires_at        timestamptz,
    posted_at         timestamptz not null,
    primary key (ledger_id, sequence, leg_index),
    constraint debit_and_credit_differ check (debit_account_id <> credit_account_id),
    constraint resolution_refers_to_pending check (
        case kind
            when 'P' then released_amount is null and pending_sequence is null and expires_at is null
            when 'H' then released_amount is null and pending_sequence is null
            when 'C' then released_amount >= amount and pending_sequence is not null
                          and pending_leg_index is not null and expires_at is null
            when 'V' then released_amount = amount and pending_sequence is not null
                          and pending_leg_index is not null and expires_at is null
        end)
);

-- A pending leg is posted or voided at most once.
create unique index leg_resolves_pending_once
    on leg (ledger_id, pending_sequence, pending_leg_index) where pending_sequence is not null;
create index leg_by_debit_account on leg (ledger_id, debit_account_id, sequence);
create index leg_by_credit_account on leg (ledger_id, credit_account_id, sequence);
create index leg_pending_by_expiry on leg (ledger_id, expires_at) where kind = 'H' and expires_at is not null;
-- Timestamps grow with the sequence, so a BRIN index finds a time range's entries for almost nothing to keep.
create index entry_by_time on entry using brin (posted_at);

-- Per account and business day (Asia/Tokyo): the movements of that day, so that balances and trial
-- balances as of any date add up days instead of scanning every leg.
create table account_daily (
    ledger_id       bigint not null,
    account_id      bigint not null,
    day             date not null,
    debits_posted   bigint not null default 0,
    credits_posted  bigint not null default 0,
    debits_pending  bigint not null default 0,
    credits_pending bigint not null default 0,
    primary key (ledger_id, account_id, day)
) with (fillfactor = 80);

-- Entries and legs are append-only: mistakes are corrected by new entries.
create function kyodo_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the journal is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'KY001';
end;
$$;

create trigger entry_is_append_only before update or delete on entry
    for each row execute function kyodo_refuse_change();
create trigger entry_is_not_truncated before truncate on entry
    for each statement execute function kyodo_refuse_change();
create trigger leg_is_append_only before update or delete on leg
    for each row execute function kyodo_refuse_change();
create trigger leg_is_not_truncated before truncate on leg
    for each statement execute function kyodo_refuse_change();

-- Balance. The writer inserts a batch's legs first and then its entries, one statement each; these checks run
-- once per statement over all its rows (transition tables), so they cost little per entry. Row-level
-- foreign keys from legs to entries would cost a lookup per row; the triggers below check the same links.

-- Legs may only be written for sequences beyond the head: an entry, once recorded, cannot gain legs. (Entries
-- up to the head are recorded; the deferred head check below makes sure nothing lies beyond it at commit.)
-- Each leg must move an amount between two accounts of the leg's own asset: then debits equal credits per
-- asset. Each account the batch names is looked up once.
create function kyodo_legs_precede_their_entry() returns trigger language plpgsql as $$
declare
    problem text;
begin
    select format('entry %s is already recorded: legs cannot be added to it', l.sequence)
      into problem
      from inserted_legs l
     cross join lateral (select g.head_sequence from ledger g where g.id = l.ledger_id) head
     where l.sequence <= head.head_sequence
     limit 1;
    if problem is null then
        select format('unbalanced: legs move %s through account %s of ledger %s, which holds %s',
                      named.asset, named.account_id, named.ledger_id, coalesce(held.asset, 'no such account'))
          into problem
          from (select distinct l.ledger_id, side.account_id, l.asset
                  from inserted_legs l
                 cross join lateral (values (l.debit_account_id), (l.credit_account_id)) side (account_id)) named
          left join lateral (select a.asset from account a
                              where a.ledger_id = named.ledger_id and a.id = named.account_id) held on true
         where held.asset is distinct from named.asset
         limit 1;
    end if;
    if problem is not null then
        raise exception '%', problem using errcode = 'KY002';
    end if;
    return null;
end;
$$;

create trigger legs_precede_their_entry after insert on leg
    referencing new table as inserted_legs
    for each statement execute function kyodo_legs_precede_their_entry();

-- Every new entry must find exactly its declared legs (checked above to be balanced), and belong to an
-- existing ledger.
create function kyodo_entries_must_balance() returns trigger language plpgsql as $$
declare
    problem text;
begin
    select format('entry %s of ledger %s is unbalanced: %s legs found, %s declared',
                  e.sequence, e.ledger_id, found.legs, e.leg_count)
      into problem
      from inserted_entries e
     cross join lateral (select count(*) as legs from leg l
                          where l.ledger_id = e.ledger_id and l.sequence = e.sequence) found
     where found.legs <> e.leg_count
     limit 1;
    if problem is null then
        select format('entry %s names ledger %s, which does not exist', e.sequence, e.ledger_id)
          into problem
          from inserted_entries e
         cross join lateral (select count(*) as found from ledger g where g.id = e.ledger_id) g
         where g.found = 0
         limit 1;
    end if;
    if problem is not null then
        raise exception '%', problem using errcode = 'KY002';
    end if;
    return null;
end;
$$;

create trigger entries_must_balance after insert on entry
    referencing new table as inserted_entries
    for each statement execute function kyodo_entries_must_balance();

-- At commit, the head must cover the journal exactly: it never moves back, every sequence it passed over
-- has its entry (no gaps), and nothing was written beyond it. Deferred, and checked once per batch.
create function kyodo_head_covers_journal() returns trigger language plpgsql as $$
declare
    written bigint;
begin
    if new.head_sequence < old.head_sequence then
        raise exception 'the head of ledger % moved back from % to %', new.id, old.head_sequence, new.head_sequence
            using errcode = 'KY003';
    end if;
    select count(*) into written
      from entry where ledger_id = new.id and sequence between old.head_sequence + 1 and new.head_sequence;
    if written <> new.head_sequence - old.head_sequence then
        raise exception 'ledger % has a gap: % entries recorded between sequence % and %', new.id, written,
            old.head_sequence, new.head_sequence using errcode = 'KY003';
    end if;
    -- max() over the primary keys reads one index entry each.
    if (select max(sequence) from entry where ledger_id = new.id) > new.head_sequence
       or (select max(sequence) from leg where ledger_id = new.id) > new.head_sequence then
        raise exception 'ledger % has journal rows beyond its head %', new.id, new.head_sequence
            using errcode = 'KY003';
    end if;
    return null;
end;
$$;

create constraint trigger ledger_head_covers_journal after update of head_sequence on ledger
    deferrable initially deferred
    for each row execute function kyodo_head_covers_journal();
