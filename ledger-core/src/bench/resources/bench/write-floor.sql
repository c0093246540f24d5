-- The least a PostgreSQL ledger can write per single-leg transfer, with none of Kyodo's rules: an entry row with
-- its two unique keys (sequence, idempotency key), a leg row with the two indexes an account's history needs, and
-- the two account totals. No triggers, no CHECK constraints, no journal-search indexes, no daily aggregates.
-- LedgerBench runs post_batch from one connection to show the floor under the real writer's cost (see README).
drop schema if exists write_floor cascade;
create schema write_floor;

create table write_floor.account (
    id             bigint primary key,
    debits_posted  bigint not null,
    credits_posted bigint not null
) with (fillfactor = 80);
create table write_floor.head (id int primary key, sequence bigint not null);
create table write_floor.entry (
    sequence  bigint primary key,
    key       text collate "C" not null unique,
    hash      bytea not null,
    posted_at timestamptz not null
);
create table write_floor.leg (
    sequence          bigint not null,
    debit_account_id  bigint not null,
    credit_account_id bigint not null,
    amount            bigint not null
);
create index leg_by_debit_account on write_floor.leg (debit_account_id, sequence);
create index leg_by_credit_account on write_floor.leg (credit_account_id, sequence);
-- Time spent in each write, summed over the run (unlogged: the bookkeeping must not add WAL of its own).
create unlogged table write_floor.step_time (step text primary key, total interval not null, calls bigint not null);

create function write_floor.note(step text, started timestamptz) returns void language sql as $$
    insert into write_floor.step_time values (step, clock_timestamp() - started, 1)
    on conflict (step) do update set total = step_time.total + excluded.total, calls = step_time.calls + 1
$$;

-- One batch of n random transfers between the accounts: lock the head, write legs, entries and totals.
-- Choosing the transfers is not timed; the three writes are.
create function write_floor.post_batch(n int, accounts int) returns void language plpgsql as $$
declare
    first_sequence bigint;
    debits bigint[]; credits bigint[]; amounts bigint[]; sequences bigint[];
    ids bigint[]; debited bigint[]; credited bigint[];
    started timestamptz;
begin
    select h.sequence into first_sequence from write_floor.head h where h.id = 1 for update;
    select array_agg(d), array_agg(1 + (d + (random() * (accounts - 2))::int) % accounts),
           array_agg((1 + random() * 100)::bigint), array_agg(first_sequence + g)
      into debits, credits, amounts, sequences
      from (select g, 1 + (random() * (accounts - 1))::int as d from generate_series(1, n) g) chosen;
    select array_agg(id order by id), array_agg(debit order by id), array_agg(credit order by id)
      into ids, debited, credited
      from (select id, sum(debit) as debit, sum(credit) as credit
              from (select unnest(debits) as id, unnest(amounts) as debit, 0::bigint as credit
                    union all
                    select unnest(credits), 0, unnest(amounts)) moves
             group by id) per_account;

    started := clock_timestamp();
    insert into write_floor.leg
    select s, d, c, a from unnest(sequences, debits, credits, amounts) as t(s, d, c, a);
    perform write_floor.note('legs', started);

    started := clock_timestamp();
    insert into write_floor.entry
    select s, 'floor:' || s, sha256(int8send(s)), now() from unnest(sequences) as s;
    perform write_floor.note('entries', started);

    started := clock_timestamp();
    update write_floor.account a
       set debits_posted = a.debits_posted + t.debit, credits_posted = a.credits_posted + t.credit
      from unnest(ids, debited, credited) as t(id, debit, credit)
     where a.id = t.id;
    perform write_floor.note('accounts', started);

    update write_floor.head set sequence = first_sequence + n where id = 1;
end;
$$;
