-- The auditor's workspace (fund-service, kyodo.fund.audit): indexes for the general journal search, and the
-- bank reconciliation's working papers (imported bank statements, their lines, matches against the fund bank
-- account's legs, and resolution notes). Working papers are append-only like the journal they check: a match
-- or a note, once recorded, is never rewritten; a later note on the same item supersedes the earlier one.

-- Journal search pages through a sequence range (timestamps grow with the sequence) filtered by kind or by the
-- acting user; these keep such a page an index range scan instead of a walk over every entry.
create index entry_by_kind on entry (ledger_id, kind, sequence);
create index entry_by_actor on entry (ledger_id, actor, sequence);

-- One uploaded bank statement file. The SHA-256 of its bytes is unique: importing the same file again finds
-- this row and changes nothing.
create table fund_audit_statement_import (
    id             bigint generated always as identity primary key,
    file_sha256    bytea not null unique check (length(file_sha256) = 32),
    file_name      text not null check (length(file_name) between 1 and 200),
    encoding       text not null check (encoding in ('UTF-8', 'Shift_JIS')),
    line_count     integer not null check (line_count between 1 and 20000),
    new_line_count integer not null check (new_line_count between 0 and line_count),
    first_day      date not null,
    last_day       date not null,
    imported_by    text not null check (length(imported_by) between 1 and 64),
    imported_at    timestamptz not null,
    check (last_day >= first_day)
);

-- A statement line as the bank printed it: deposits positive, withdrawals negative (yen). The fingerprint
-- (SHA-256 of date, amount, description, reference and the line's occurrence among identical lines of its
-- file) is unique across imports, so overlapping statements add each bank transaction once.
create table fund_audit_statement_line (
    id          bigint generated always as identity primary key,
    import_id   bigint not null references fund_audit_statement_import (id),
    line_number integer not null check (line_number between 1 and 20001),
    day         date not null,
    amount      bigint not null check (amount <> 0 and amount between -1000000000000 and 1000000000000),
    description text not null check (length(description) <= 200),
    reference   text not null check (length(reference) <= 100),
    fingerprint bytea not null unique check (length(fingerprint) = 32),
    unique (import_id, line_number)
);
create index fund_audit_statement_line_day on fund_audit_statement_line (day);

-- A statement line matched to one leg of the fund bank account; each side is matched at most once.
create table fund_audit_match (
    line_id        bigint primary key references fund_audit_statement_line (id),
    ledger_id      bigint not null,
    entry_sequence bigint not null check (entry_sequence > 0),
    leg_index      smallint not null check (leg_index between 0 and 63),
    rule           text not null check (rule in ('REFERENCE', 'AMOUNT_AND_DATE')),
    matched_by     text not null check (length(matched_by) between 1 and 64),
    matched_at     timestamptz not null,
    unique (ledger_id, entry_sequence, leg_index)
);

-- The auditor's resolution note on an unmatched item: a statement line, or a bank leg of the books.
create table fund_audit_note (
    id             bigint generated always as identity primary key,
    line_id        bigint references fund_audit_statement_line (id),
    ledger_id      bigint,
    entry_sequence bigint check (entry_sequence > 0),
    leg_index      smallint check (leg_index between 0 and 63),
    note           text not null check (length(note) between 1 and 2000),
    written_by     text not null check (length(written_by) between 1 and 64),
    written_at     timestamptz not null,
    constraint note_names_one_item check (
        (line_id is not null and ledger_id is null and entry_sequence is null and leg_index is null)
        or (line_id is null and ledger_id is not null and entry_sequence is not null and leg_index is not null))
);
create index fund_audit_note_line on fund_audit_note (line_id, id) where line_id is not null;
create index fund_audit_note_leg on fund_audit_note (ledger_id, entry_sequence, leg_index, id)
    where line_id is null;

create function fund_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit working papers are append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'KY004';
end;
$$;

create trigger fund_audit_statement_import_append_only before update or delete on fund_audit_statement_import
    for each row execute function fund_audit_append_only();
create trigger fund_audit_statement_line_append_only before update or delete on fund_audit_statement_line
    for each row execute function fund_audit_append_only();
create trigger fund_audit_match_append_only before update or delete on fund_audit_match
    for each row execute function fund_audit_append_only();
create trigger fund_audit_note_append_only before update or delete on fund_audit_note
    for each row execute function fund_audit_append_only();
create trigger fund_audit_statement_import_not_truncated before truncate on fund_audit_statement_import
    for each statement execute function fund_audit_append_only();
create trigger fund_audit_statement_line_not_truncated before truncate on fund_audit_statement_line
    for each statement execute function fund_audit_append_only();
create trigger fund_audit_match_not_truncated before truncate on fund_audit_match
    for each statement execute function fund_audit_append_only();
create trigger fund_audit_note_not_truncated before truncate on fund_audit_note
    for each statement execute function fund_audit_append_only();
