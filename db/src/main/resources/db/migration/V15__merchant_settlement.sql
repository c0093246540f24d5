-- Monthly merchant settlement: where the yen go (the merchant's bank account, for the Zengin transfer file) and
-- one settlement per merchant and month. The money is in the ledger: SETTLE retires the merchant's points
-- (wallet:merchant:<id> -> settled:pt) and makes the yen payable (settlement:budget:jpy:<fy> ->
-- settlement:payable:merchant:<id>) in one entry; SETTLE_PAY pays it (payable -> settlement:paid:jpy).

create table merchant_bank_account (
    merchant_id      bigint      primary key references merchant (id),
    bank_code        text        not null check (bank_code ~ '^[0-9]{4}$'),
    bank_name_kana   text        not null default '' check (length(bank_name_kana) <= 15),
    branch_code      text        not null check (branch_code ~ '^[0-9]{3}$'),
    branch_name_kana text        not null default '' check (length(branch_name_kana) <= 15),
    -- Zengin deposit types: 1 ordinary (普通), 2 current (当座), 4 savings (貯蓄).
    account_type     text        not null check (account_type in ('ORDINARY', 'CURRENT', 'SAVINGS')),
    account_number   text        not null check (account_number ~ '^[0-9]{7}$'),
    -- Half-width katakana, upper-case letters, digits, space and the few symbols banks accept.
    holder_kana      text        not null check (length(holder_kana) between 1 and 30
                                     and holder_kana ~ '^[ｦｱ-ﾝﾞﾟｰA-Z0-9 ().,/｢｣-]+$'),
    updated_at       timestamptz not null,
    version          bigint      not null default 0
);

create table settlement (
    id             bigserial primary key,
    merchant_id    bigint      not null references merchant (id),
    -- The first day of the settled month (ward dates).
    month          date        not null check (extract(day from month) = 1),
    points         bigint      not null check (points > 0),
    yen            bigint      not null check (yen >= 0),
    -- The rate used, as configured (yen per point), so the statement can show how yen was computed.
    rate           text        not null check (length(rate) between 1 and 20),
    entry_key      text        not null unique check (length(entry_key) between 1 and 128),
    posted         boolean     not null default false,
    state          text        not null default 'PAYABLE' check (state in ('PAYABLE', 'PAID')),
    paid_entry_key text        unique check (length(paid_entry_key) between 1 and 128),
    paid_posted    boolean     not null default false,
    paid_by        bigint      references app_user (id),
    paid_at        timestamptz,
    created_at     timestamptz not null,
    -- Once per merchant and month, whoever runs it and however often.
    unique (merchant_id, month),
    check ((state = 'PAID') = (paid_by is not null and paid_at is not null and paid_entry_key is not null)),
    check (state = 'PAID' or not paid_posted),
    -- Paid only after the settlement itself is on the books.
    check (state <> 'PAID' or posted),
    check (month < (created_at at time zone 'Asia/Tokyo')::date)
);
create index settlement_month on settlement (month, merchant_id);

create function settlement_transition() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'settlements are never deleted';
    end if;
    if new.merchant_id <> old.merchant_id or new.month <> old.month or new.points <> old.points
            or new.yen <> old.yen or new.rate <> old.rate or new.entry_key <> old.entry_key
            or new.created_at <> old.created_at then
        raise exception 'a settlement''s merchant, month, amounts and key never change';
    end if;
    if old.posted and not new.posted or old.paid_posted and not new.paid_posted then
        raise exception 'settlement % was posted already', old.id;
    end if;
    if old.state = 'PAID' and (new.state <> 'PAID' or new.paid_by <> old.paid_by or new.paid_at <> old.paid_at
            or new.paid_entry_key <> old.paid_entry_key) then
        raise exception 'settlement % was paid already', old.id;
    end if;
    return new;
end $$;
create trigger settlement_transition before update or delete on settlement
    for each row execute function settlement_transition();
