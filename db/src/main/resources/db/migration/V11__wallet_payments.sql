-- Payments by QR and their refunds. The money is in the ledger; these rows link a sale to its ledger entry so
-- that a refund can name the sale, and record which single-use tokens were spent.

create table payment (
    id            bigserial primary key,
    entry_key     text        not null unique check (length(entry_key) between 1 and 128),
    payer_id      bigint      not null references app_user (id),
    merchant_id   bigint      not null references merchant (id),
    amount        bigint      not null check (amount > 0),
    refunded      bigint      not null default 0,
    order_ref     text        check (length(order_ref) <= 32),
    channel       text        not null check (channel in ('MERCHANT_QR', 'CONSUMER_QR')),
    created_at    timestamptz not null,
    -- A refund never returns more than was paid.
    check (refunded >= 0 and refunded <= amount)
);
create index payment_merchant on payment (merchant_id, created_at);
create index payment_payer on payment (payer_id, created_at);

create table refund (
    id          bigserial primary key,
    payment_id  bigint      not null references payment (id),
    entry_key   text        not null unique,
    amount      bigint      not null check (amount > 0),
    created_at  timestamptz not null
);

-- A consumer-presented token is spent once: the first charge inserts its nonce, any replay finds it here.
create table spent_token (
    nonce      text        primary key check (length(nonce) between 16 and 64),
    spent_at   timestamptz not null
);
