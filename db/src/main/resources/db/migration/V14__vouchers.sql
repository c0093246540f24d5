-- Paper vouchers (紙券). The points are in the ledger (budget:pt:<fy> -> vouchers:outstanding:pt at issue, then to a
-- merchant's wallet at redemption or to expired:pt at expiry); these rows say which voucher is in which state, so
-- that each voucher moves out of the outstanding account exactly once.

create table voucher_batch (
    id           bigserial primary key,
    denomination bigint      not null check (denomination between 1 and 100000),
    count        integer     not null check (count between 1 and 1000),
    expires_on   date        not null,
    fiscal_year  integer     not null check (fiscal_year between 2000 and 2999),
    entry_key    text        not null unique check (length(entry_key) between 1 and 128),
    issued_by    bigint      not null references app_user (id),
    created_at   timestamptz not null,
    -- A batch is issued with an expiry after its issue date (ward dates).
    check (expires_on > (created_at at time zone 'Asia/Tokyo')::date)
);

-- A voucher is OUTSTANDING until it is REDEEMED by one merchant or EXPIRED; the state never goes back, and
-- "posted" records that the state's ledger entry (key in entry_key) is on the books, so a crash between the
-- state change and the posting is finished by the next run instead of posting twice.
create table voucher (
    serial       text        primary key check (serial ~ '^[0-9A-HJKMNP-TV-Z]{13}$'),
    batch_id     bigint      not null references voucher_batch (id),
    amount       bigint      not null check (amount > 0),
    expires_on   date        not null,
    state        text        not null default 'OUTSTANDING' check (state in ('OUTSTANDING', 'REDEEMED', 'EXPIRED')),
    merchant_id  bigint      references merchant (id),
    settled_at   timestamptz,
    entry_key    text        unique check (length(entry_key) between 1 and 128),
    posted       boolean     not null default false,
    check ((state = 'OUTSTANDING') = (settled_at is null and entry_key is null)),
    check ((state = 'REDEEMED') = (merchant_id is not null)),
    check (state <> 'OUTSTANDING' or not posted),
    -- Redeemed on or before its expiry date; expired only after it (ward dates).
    check (state <> 'REDEEMED' or (settled_at at time zone 'Asia/Tokyo')::date <= expires_on),
    check (state <> 'EXPIRED' or (settled_at at time zone 'Asia/Tokyo')::date > expires_on)
);
create index voucher_batch_serials on voucher (batch_id, serial);
create index voucher_outstanding on voucher (expires_on) where state = 'OUTSTANDING';
create index voucher_unposted on voucher (serial) where state <> 'OUTSTANDING' and not posted;

-- The state machine again, in the database: OUTSTANDING -> REDEEMED | EXPIRED once, posted false -> true once,
-- nothing else changes and nothing is deleted.
create function voucher_transition() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'vouchers are never deleted';
    end if;
    if new.serial <> old.serial or new.batch_id <> old.batch_id or new.amount <> old.amount
            or new.expires_on <> old.expires_on then
        raise exception 'a voucher''s serial, batch, amount and expiry never change';
    end if;
    if old.state <> new.state then
        if old.state <> 'OUTSTANDING' then
            raise exception 'voucher % is already %', old.serial, old.state;
        end if;
    elsif old.merchant_id is distinct from new.merchant_id or old.settled_at is distinct from new.settled_at
            or old.entry_key is distinct from new.entry_key then
        raise exception 'voucher % was settled already', old.serial;
    end if;
    if old.posted and not new.posted then
        raise exception 'voucher % was posted already', old.serial;
    end if;
    return new;
end $$;
create trigger voucher_transition before update or delete on voucher
    for each row execute function voucher_transition();

create function voucher_batch_no_change() returns trigger language plpgsql as $$
begin
    raise exception 'voucher batches are never changed or deleted';
end $$;
create trigger voucher_batch_no_change before update or delete on voucher_batch
    for each row execute function voucher_batch_no_change();
