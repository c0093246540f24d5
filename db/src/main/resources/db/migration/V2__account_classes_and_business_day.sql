-- The books' read side in ledger-core (issue "One model of the ward"): accounts carry a structured class, one
-- function says which business day a moment falls on, and one view says how a leg changes its accounts' totals.
-- ledger-core's BusinessCalendar, AccountClass and LegKind are the Java twins of what is defined here.

-- =============================================================================================================

-- The ward's business day (Asia/Tokyo) of a moment on the books. Immutable, so checks and indexes may use it, and a
-- plain SQL expression, so the planner inlines it wherever it is called.
create function kyodo_business_day(at timestamptz) returns date
    language sql immutable parallel safe
    as $$ select (at at time zone 'Asia/Tokyo')::date $$;

-- How a leg changes the totals of both its accounts (the same on its debit and its credit side), as LegKind does:
-- posted legs (P) and posts of holds (C) add their amount to the posted totals; holds (H) add theirs to the pending
-- totals; posts (C) and voids (V) of holds take the released amount out of the pending totals.
create function kyodo_leg_posted(kind char, amount bigint) returns bigint
    language sql immutable parallel safe
    as $$ select case when kind in ('P', 'C') then amount else 0 end $$;

create function kyodo_leg_pending(kind char, amount bigint, released bigint) returns bigint
    language sql immutable parallel safe
    as $$ select case kind when 'H' then amount when 'C' then -released when 'V' then -released else 0 end $$;

-- One row per leg and side: the leg's effect on that account's four totals. Every query that adds up legs reads
-- this view (ledger-core's as-of reads); the daily aggregates' trigger applies the same two functions to the rows
-- it is given. A UNION ALL rather than a join to the two sides, so that a condition on account_id reaches the
-- leg indexes of each side.
create view leg_effect as
select ledger_id, sequence, leg_index, kind, asset, posted_at, debit_account_id as account_id,
       kyodo_leg_posted(kind, amount) as debits_posted, 0::bigint as credits_posted,
       kyodo_leg_pending(kind, amount, released_amount) as debits_pending, 0::bigint as credits_pending
  from leg
union all
select ledger_id, sequence, leg_index, kind, asset, posted_at, credit_account_id,
       0::bigint, kyodo_leg_posted(kind, amount),
       0::bigint, kyodo_leg_pending(kind, amount, released_amount)
  from leg;

-- The daily sums per asset, from the two functions and the business day function (was: the rules written out).
create or replace function kyodo_asset_daily_from_legs() returns trigger language plpgsql as $$
begin
    insert into asset_daily as d (ledger_id, asset, day, debits_posted, credits_posted, debits_pending,
                                  credits_pending)
    select l.ledger_id, l.asset, kyodo_business_day(l.posted_at),
           sum(kyodo_leg_posted(l.kind, l.amount)),
           sum(kyodo_leg_posted(l.kind, l.amount)),
           sum(kyodo_leg_pending(l.kind, l.amount, l.released_amount)),
           sum(kyodo_leg_pending(l.kind, l.amount, l.released_amount))
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

-- The currency's date rules, from the one business day function (the baseline wrote the zone into each check).
do $$
declare
    stale record;
begin
    for stale in
        select c.conrelid::regclass as rel, c.conname
          from pg_constraint c
         where c.contype = 'c' and c.conrelid in ('voucher_batch'::regclass, 'voucher'::regclass,
                                                  'settlement'::regclass)
           and pg_get_constraintdef(c.oid) like '%Asia/Tokyo%'
    loop
        execute format('alter table %s drop constraint %I', stale.rel, stale.conname);
    end loop;
end;
$$;

alter table voucher_batch add constraint voucher_batch_expires_after_its_day
    check (expires_on > kyodo_business_day(created_at));
alter table voucher add constraint voucher_redeemed_by_its_last_day
    check (state <> 'REDEEMED' or kyodo_business_day(settled_at) <= expires_on);
alter table voucher add constraint voucher_expired_after_its_last_day
    check (state <> 'EXPIRED' or kyodo_business_day(settled_at) > expires_on);
alter table settlement add constraint settlement_of_a_past_month
    check (month < kyodo_business_day(created_at));

-- =============================================================================================================

-- Accounts' classes (ledger-core's AccountClass): who owns the account, what it is for, and for residents' and
-- groups' wallets the vintage month of their points, for budgets their fiscal year. Readers select accounts by
-- these columns; the code stays the readable name.
alter table account
    add column owner_kind  text,
    add column owner_id    bigint,
    add column purpose     text,
    add column vintage     date,
    add column fiscal_year smallint;

-- The accounts already open get their class from the codes every module opened them with, once; from here on the
-- writer sets it when it opens an account. Codes that fit no scheme belong to no one in the ward.
update account set owner_kind = 'WARD', purpose = 'ISSUANCE' where code = 'issuance:pt';
update account set owner_kind = 'WARD', purpose = 'BUDGET',
                   fiscal_year = substring(code from ':([0-9]{4})$')::smallint
 where code ~ '^(budget:pt|settlement:budget:jpy):[0-9]{4}$';
update account set owner_kind = upper(substring(code from '^wallet:(resident|group|merchant):')),
                   owner_id = substring(code from '^wallet:[a-z]+:([0-9]{1,18})')::bigint,
                   purpose = 'WALLET',
                   vintage = coalesce(to_date(substring(code from ':([0-9]{4}-[0-9]{2})$'), 'YYYY-MM'),
                                      date_trunc('month', kyodo_business_day(opened_at)::timestamp)::date)
 where code ~ '^wallet:(resident|group):[0-9]{1,18}(:[0-9]{4}-[0-9]{2})?$';
update account set owner_kind = 'MERCHANT', owner_id = substring(code from '^wallet:merchant:([0-9]{1,18})$')::bigint,
                   purpose = 'WALLET'
 where code ~ '^wallet:merchant:[0-9]{1,18}$';
update account set owner_kind = 'WARD', purpose = 'VOUCHERS_OUTSTANDING' where code = 'vouchers:outstanding:pt';
update account set owner_kind = 'WARD', purpose = 'EXPIRED' where code = 'expired:pt';
update account set owner_kind = 'FUND', purpose = 'DONATED_POINTS' where code = 'fund:pt';
update account set owner_kind = 'WARD', purpose = 'SETTLED' where code = 'settled:pt';
update account set owner_kind = 'WARD', purpose = 'APPROPRIATION' where code = 'settlement:appropriation:jpy';
update account set owner_kind = 'WARD', purpose = 'BANK' where code = 'settlement:paid:jpy';
update account set owner_kind = 'MERCHANT',
                   owner_id = substring(code from '^settlement:payable:merchant:([0-9]{1,18})$')::bigint,
                   purpose = 'PAYABLE'
 where code ~ '^settlement:payable:merchant:[0-9]{1,18}$';
update account set owner_kind = 'FUND', purpose = 'BANK' where code = 'fund:bank';
update account set owner_kind = 'FUND', purpose = 'PAYABLE' where code = 'fund:grants-payable';
update account set owner_kind = 'FUND', purpose = 'DESIGNATION' where code ~ '^fund:designation:.+$';
update account set owner_kind = 'SYSTEM', purpose = 'OTHER' where owner_kind is null;

alter table account
    alter column owner_kind set not null,
    alter column purpose set not null,
    add constraint account_owner_kind_known
        check (owner_kind in ('WARD', 'FUND', 'SYSTEM', 'RESIDENT', 'MERCHANT', 'GROUP')),
    add constraint account_purpose_known
        check (purpose in ('WALLET', 'ISSUANCE', 'BUDGET', 'VOUCHERS_OUTSTANDING', 'EXPIRED', 'SETTLED',
                           'APPROPRIATION', 'PAYABLE', 'BANK', 'DESIGNATION', 'DONATED_POINTS', 'OTHER')),
    -- Residents, merchants and groups have an id; the ward's bodies and the books themselves have none.
    add constraint account_owner_id_by_kind
        check ((owner_kind in ('RESIDENT', 'MERCHANT', 'GROUP')) = (owner_id is not null)
               and (owner_id is null or owner_id > 0)),
    -- A wallet belongs to a holder.
    add constraint account_wallet_has_a_holder
        check (purpose <> 'WALLET' or owner_kind in ('RESIDENT', 'MERCHANT', 'GROUP')),
    -- A vintage (the first day of its month) exactly on residents' and groups' wallets: their points expire.
    add constraint account_vintage_only_on_a_wallet
        check ((vintage is not null) = (purpose = 'WALLET' and owner_kind in ('RESIDENT', 'GROUP'))
               and (vintage is null or extract(day from vintage) = 1)),
    -- A fiscal year exactly on budgets.
    add constraint account_fiscal_year_only_on_a_budget
        check ((fiscal_year is not null) = (purpose = 'BUDGET')
               and (fiscal_year is null or fiscal_year between 2000 and 2999));

-- Accounts by owner and purpose (a wallet's vintages, every designation, every resident's wallet), and vintages by
-- month (the expiry sweep).
create index account_by_class on account (ledger_id, purpose, owner_kind, owner_id, code);
create index account_by_vintage on account (ledger_id, vintage) where vintage is not null;

-- =============================================================================================================

-- The report tables are derived from the journal (see the baseline) and their follower now classifies legs by the
-- accounts' classes instead of their codes: start them again from the first entry. The points table keeps typed
-- classes rather than class names made of codes.
truncate report_fund_movement;
delete from report_position;
drop table report_points_daily;

-- Points moved per business day, entry kind and the classes of the two accounts at the report's granularity: the
-- purpose and owner kind, with the merchant's id for merchants' wallets (per-merchant circulation) and the fiscal
-- year for budgets; 0 where a class has no such part. Posted amounts only (transfers and posts of holds).
create table report_points_daily (
    ledger_id          bigint not null references ledger (id),
    day                date not null,
    kind               text not null,
    debit_purpose      text not null,
    debit_owner_kind   text not null,
    debit_owner_id     bigint not null check (debit_owner_id >= 0),
    debit_fiscal_year  smallint not null check (debit_fiscal_year >= 0),
    credit_purpose     text not null,
    credit_owner_kind  text not null,
    credit_owner_id    bigint not null check (credit_owner_id >= 0),
    credit_fiscal_year smallint not null check (credit_fiscal_year >= 0),
    amount             bigint not null check (amount >= 0),
    legs               bigint not null check (legs >= 0),
    primary key (ledger_id, day, kind, debit_purpose, debit_owner_kind, debit_owner_id, debit_fiscal_year,
                 credit_purpose, credit_owner_kind, credit_owner_id, credit_fiscal_year)
);
