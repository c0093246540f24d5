-- The fund (fund-service): the groups directory (団体情報バンク) and donations. Money itself is on the books
-- (ledger tables); these rows say who, why and in which state, and name the journal entries that moved money.
-- Users live in wallet-web; here a user is the principal name the security chain gives (text).

create table fund_group (
    id             bigint generated always as identity primary key,
    name           text not null check (length(name) between 1 and 200),
    type           text not null check (type in ('NPO', 'VOLUNTARY', 'NEIGHBORHOOD', 'OTHER')),
    representative text not null check (length(representative) between 1 and 100),
    contact        text not null check (length(contact) between 1 and 200),
    field          text not null check (field ~ '^[a-z][a-z0-9-]{0,31}$'),
    description    text not null check (length(description) <= 4000),
    status         text not null check (status in ('REGISTERED', 'VERIFIED', 'REJECTED')),
    registered_by  text not null check (length(registered_by) between 1 and 64),
    registered_at  timestamptz not null,
    verified_by    text check (length(verified_by) between 1 and 64),
    verified_at    timestamptz,
    version        integer not null default 0,
    -- Someone other than the registrant verifies; the Java rule says staff, this says "a decision has a name".
    constraint verified_has_verifier check ((status = 'REGISTERED') = (verified_by is null))
);

-- Coordinating members: the users who act for the group (apply for grants, report). A user may coordinate
-- several groups; the registrant is always one.
create table fund_group_member (
    group_id bigint not null references fund_group (id),
    user_id  text not null check (length(user_id) between 1 and 64),
    primary key (group_id, user_id)
);
create index fund_group_member_user on fund_group_member (user_id);

-- Receipt numbers are gapless per fiscal year: a counter row per year, advanced with the donation's confirmation.
create table fund_receipt_counter (
    fiscal_year integer primary key check (fiscal_year between 2000 and 2999),
    last_number integer not null check (last_number >= 0)
);

create table fund_donation (
    id                  bigint generated always as identity primary key,
    donor_user_id       text check (length(donor_user_id) between 1 and 64),
    donor_type          text not null check (donor_type in ('INDIVIDUAL', 'COMPANY')),
    donor_name          text not null check (length(donor_name) between 1 and 200),
    donor_address       text not null check (length(donor_address) <= 300),
    amount              bigint not null check (amount between 1 and 1000000000),
    designation         text not null collate "C" check (designation ~ '^(general|field:[a-z][a-z0-9-]{0,31}|group:[0-9]{1,18})$'),
    anonymous           boolean not null,
    public_name_consent boolean not null,
    method              text not null check (method in ('BANK_TRANSFER', 'CASH', 'ONLINE_PLEDGE')),
    status              text not null check (status in ('PLEDGED', 'CONFIRMED', 'CANCELLED', 'WITHDRAWN')),
    pledged_at          timestamptz not null,
    recorded_by         text not null check (length(recorded_by) between 1 and 64),
    confirmed_at        timestamptz,
    confirmed_by        text check (length(confirmed_by) between 1 and 64),
    received_on         date,
    entry_key           text collate "C" unique,
    receipt_fiscal_year integer,
    receipt_number      integer,
    cancelled_at        timestamptz,
    cancelled_by        text check (length(cancelled_by) between 1 and 64),
    cancel_reason       text check (length(cancel_reason) <= 500),
    reversal_key        text collate "C" unique,
    version             integer not null default 0,
    unique (receipt_fiscal_year, receipt_number),
    -- A confirmed (or later cancelled) donation is on the books and numbered; a pledge is neither.
    constraint on_the_books_when_confirmed check (
        (status in ('CONFIRMED', 'CANCELLED')) = (entry_key is not null and confirmed_at is not null
            and confirmed_by is not null and receipt_number is not null and received_on is not null)),
    constraint reversed_when_cancelled check ((status = 'CANCELLED') = (reversal_key is not null)),
    -- Anonymous donors are never named in public, whatever else they ticked.
    constraint anonymous_never_named check (not (anonymous and public_name_consent))
);
create index fund_donation_donor on fund_donation (donor_user_id);

-- A donation row is never deleted: cancelling leaves the row and a reversing entry on the books.
create function fund_donation_no_delete() returns trigger language plpgsql as $$
begin
    raise exception 'fund_donation rows are never deleted; cancel the donation instead';
end $$;
create trigger fund_donation_no_delete before delete on fund_donation
    for each row execute function fund_donation_no_delete();
