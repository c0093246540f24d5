-- Public reports (fund-service, kyodo.fund.report): aggregates that a follower keeps beside the journal, so that
-- a fiscal year's report reads a few thousand rows instead of every leg. The follower reads committed legs in
-- sequence order after its position and writes these tables; a report at checkpoint tree size T asks for rows
-- with sequence <= T (fund movements) or for whole days before T's day plus T's own day read from legs
-- (points). Everything here can be rebuilt from the journal: nothing is the source of any figure.

create table report_position (
    ledger_id  bigint primary key references ledger (id),
    sequence   bigint not null check (sequence >= 0),
    updated_at timestamptz not null
);

-- One row per leg that moved fund money in or out, with what the fund's own tables say about it: the donor's
-- type (and a one-way key to count distinct donors without storing names), the designation, and for payments
-- the award's program, group and field. Amounts are the legs' amounts, never the fund tables' own.
create table report_fund_movement (
    ledger_id   bigint not null references ledger (id),
    sequence    bigint not null,
    leg_index   smallint not null,
    day         date not null,
    flow        text not null check (flow in ('DONATION', 'DONATION_REVERSED', 'DISBURSED')),
    designation text collate "C" not null,
    donation_id bigint,
    donor_type  text check (donor_type in ('INDIVIDUAL', 'COMPANY')),
    donor_key   text check (length(donor_key) = 32),
    award_id    bigint,
    program_id  bigint,
    group_id    bigint,
    field       text,
    amount      bigint not null check (amount > 0),
    primary key (ledger_id, sequence, leg_index)
);
-- A fiscal year's movements in one index range, with every column the report sums (index-only scans).
create index report_fund_movement_by_day on report_fund_movement (ledger_id, day)
    include (sequence, flow, designation, donor_type, donor_key, donation_id, program_id, group_id, field, amount);
-- Reversals by donation (donors are counted only while their donation stands): few rows, read whole.
create index report_fund_movement_reversals on report_fund_movement (ledger_id, donation_id, sequence)
    where flow = 'DONATION_REVERSED';

-- Points moved per business day (Asia/Tokyo), entry kind and the classes of the two accounts (see the points
-- account scheme: issuance, budget:pt:<fy>, resident, group, merchant:<id>, vouchers, expired, settled, fund,
-- other). Posted amounts only (transfers and posts of holds).
create table report_points_daily (
    ledger_id    bigint not null references ledger (id),
    day          date not null,
    kind         text not null,
    debit_class  text collate "C" not null,
    credit_class text collate "C" not null,
    amount       bigint not null check (amount >= 0),
    legs         bigint not null check (legs >= 0),
    primary key (ledger_id, day, kind, debit_class, credit_class)
);

-- Rows of report tables are derived: refuse edits by hand that would make a published figure drift (the
-- follower only inserts, and upserts the daily sums of days it has not finished).
create trigger report_fund_movement_is_append_only before update or delete on report_fund_movement
    for each row execute function kyodo_refuse_change();
