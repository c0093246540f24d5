-- Per ledger, asset and business day (Asia/Tokyo): the sums of every account's movements of that day, so that the
-- trial balance as of any date adds up a few hundred rows per asset and year instead of one row per account and
-- day (issue 7 asks for it in under 200 ms on a million entries). Derived from the legs by the trigger below,
-- in the same statement that records them, so it can never disagree with the journal; the sums are numeric
-- because a whole ledger's totals need not fit 64 bits.
create table asset_daily (
    ledger_id       bigint not null,
    asset           text not null,
    day             date not null,
    debits_posted   numeric not null default 0,
    credits_posted  numeric not null default 0,
    debits_pending  numeric not null default 0,
    credits_pending numeric not null default 0,
    primary key (ledger_id, asset, day)
);

-- A leg adds its amount to the asset's debits and to its credits alike (both sides are accounts of its asset):
-- posted for P and C legs; pending for H legs, released pending taken out for C and V legs.
create function kyodo_asset_daily_from_legs() returns trigger language plpgsql as $$
begin
    insert into asset_daily as d (ledger_id, asset, day, debits_posted, credits_posted, debits_pending,
                                  credits_pending)
    select l.ledger_id, l.asset, (l.posted_at at time zone 'Asia/Tokyo')::date,
           sum(case when l.kind in ('P', 'C') then l.amount else 0 end),
           sum(case when l.kind in ('P', 'C') then l.amount else 0 end),
           sum(case l.kind when 'H' then l.amount else -coalesce(l.released_amount, 0) end),
           sum(case l.kind when 'H' then l.amount else -coalesce(l.released_amount, 0) end)
      from inserted_legs l
     group by 1, 2, 3
    on conflict (ledger_id, asset, day) do update
       set debits_posted = d.debits_posted + excluded.debits_posted,
           credits_posted = d.credits_posted + excluded.credits_posted,
           debits_pending = d.debits_pending + excluded.debits_pending,
           credits_pending = d.credits_pending + excluded.credits_pending;
    return null;
end;
$$;

create trigger leg_feeds_asset_daily after insert on leg
    referencing new table as inserted_legs
    for each statement execute function kyodo_asset_daily_from_legs();

-- The days already on the books, from the per-account aggregates they were kept in.
insert into asset_daily (ledger_id, asset, day, debits_posted, credits_posted, debits_pending, credits_pending)
select d.ledger_id, a.asset, d.day, sum(d.debits_posted), sum(d.credits_posted), sum(d.debits_pending),
       sum(d.credits_pending)
  from account_daily d join account a on a.ledger_id = d.ledger_id and a.id = d.account_id
 group by 1, 2, 3;
