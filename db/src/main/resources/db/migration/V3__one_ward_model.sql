-- One model of the ward (issue 14): one group registry, one set of roles, people recorded by their user id, and
-- one rule for text that is shown to people. Only the users', groups' and fund's tables change here (and the
-- payment table learns which group paid); nothing is deployed yet, but a demo database kept on disk migrates too.

-- =============================================================================================================

-- 1. Text shown to people, one rule. Like kyodo.ledger.DisplayText: no control or bidirectional-control
--    characters and nothing that starts like a markup tag; a note may also hold tab and line breaks. The Java
--    edges refuse such text first with a clear message; these checks hold even for a buggy writer. The rule used
--    to be pasted into each table's constraint, and the fund's tables had none.

create function kyodo_display_name(text text) returns boolean
    language sql immutable strict parallel safe as $$
    select $1 !~ '[\u0001-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]'
       and $1 !~ '<[[:alpha:]/!?]'
$$;

create function kyodo_display_note(text text) returns boolean
    language sql immutable strict parallel safe as $$
    select $1 !~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]'
       and $1 !~ '<[[:alpha:]/!?]'
$$;

alter table app_user drop constraint app_user_display_name_displayable;
alter table app_user add constraint app_user_display_name_displayable check (kyodo_display_name(display_name));
alter table merchant drop constraint merchant_name_displayable;
alter table merchant add constraint merchant_name_displayable check (kyodo_display_name(name));

-- =============================================================================================================

-- 2. One set of roles: a group's coordinator is GROUP_COORDINATOR everywhere (it was COORDINATOR here and
--    GROUP_COORDINATOR in the fund, bridged at sign-in).

alter table app_user drop constraint app_user_role_check;
update app_user set role = 'GROUP_COORDINATOR' where role = 'COORDINATOR';
alter table app_user add constraint app_user_role_check check (role in ('RESIDENT', 'MERCHANT', 'GROUP_COORDINATOR',
    'DONOR', 'STAFF', 'COMMITTEE', 'AUDITOR', 'ADMIN'));

-- =============================================================================================================

-- 3. One group registry (団体情報バンク): fund_group, used by the fund (grants) and the currency (activities, the
--    group's points wallet wallet:group:<id>). civic_group was a second, thinner copy that only points transfers
--    used; nothing refers to it. Activities could not name fund_group by a foreign key while it was created later;
--    now they do.

drop table civic_group;

alter table activity add constraint activity_group_registered foreign key (group_id) references fund_group (id);

comment on table fund_group is 'The one registry of civic groups (団体情報バンク): the fund''s applicants and the '
    'currency''s activity organisers and wallet holders (ledger accounts wallet:group:<id>:<yyyy-MM>).';

-- A sale paid from a group's wallet by one of its coordinators (channel GROUP_WALLET): payer_id is the coordinator
-- who paid, payer_group_id the group whose points were spent (a refund returns them there). Only a coordinator
-- of that group pays from its wallet: Cashier.payFromGroup checks it, and so does the trigger.
alter table payment add column payer_group_id bigint references fund_group (id);
alter table payment drop constraint payment_channel_check;
alter table payment add constraint payment_channel_check
    check (channel in ('MERCHANT_QR', 'CONSUMER_QR', 'GROUP_WALLET'));
alter table payment add constraint payment_group_wallet_names_the_group
    check ((channel = 'GROUP_WALLET') = (payer_group_id is not null));

create function kyodo_group_payment_by_coordinator() returns trigger language plpgsql as $$
begin
    if new.payer_group_id is not null and not exists (select 1 from fund_group_member m
            where m.group_id = new.payer_group_id and m.user_id = new.payer_id) then
        raise exception 'user % does not coordinate group % and cannot pay from its wallet', new.payer_id,
            new.payer_group_id using errcode = 'KY205';
    end if;
    return new;
end;
$$;
create trigger payment_group_by_coordinator before insert or update of payer_id, payer_group_id on payment
    for each row execute function kyodo_group_payment_by_coordinator();

-- =============================================================================================================

-- 4. People by their user id. The fund recorded the principal's name (the username) as text; every table now
--    records app_user ids, so a person is one id everywhere and usernames are only for signing in. Existing rows
--    (a kept demo database) are translated by username; a name that is no user stops the migration with the name.

create function kyodo_v3_user_id(username text, source text) returns bigint language plpgsql stable as $$
declare
    found bigint;
begin
    if username is null then
        return null;
    end if;
    select id into found from app_user where app_user.username = kyodo_v3_user_id.username;
    if found is null then
        raise exception 'V3: % names "%", who is not a user; add the user or correct the row', source, username;
    end if;
    return found;
end;
$$;

-- The length checks were for text; a user id is checked by its foreign key.
alter table fund_group drop constraint fund_group_registered_by_check,
                       drop constraint fund_group_verified_by_check;
alter table fund_group
    alter column registered_by type bigint using kyodo_v3_user_id(registered_by, 'fund_group.registered_by'),
    alter column verified_by type bigint using kyodo_v3_user_id(verified_by, 'fund_group.verified_by'),
    add constraint fund_group_registered_by_fkey foreign key (registered_by) references app_user (id),
    add constraint fund_group_verified_by_fkey foreign key (verified_by) references app_user (id);

alter table fund_group_member drop constraint fund_group_member_user_id_check;
alter table fund_group_member
    alter column user_id type bigint using kyodo_v3_user_id(user_id, 'fund_group_member.user_id'),
    add constraint fund_group_member_user_id_fkey foreign key (user_id) references app_user (id);

alter table fund_donation drop constraint fund_donation_donor_user_id_check,
                          drop constraint fund_donation_recorded_by_check,
                          drop constraint fund_donation_confirmed_by_check,
                          drop constraint fund_donation_cancelled_by_check;
alter table fund_donation
    alter column donor_user_id type bigint using kyodo_v3_user_id(donor_user_id, 'fund_donation.donor_user_id'),
    alter column recorded_by type bigint using kyodo_v3_user_id(recorded_by, 'fund_donation.recorded_by'),
    alter column confirmed_by type bigint using kyodo_v3_user_id(confirmed_by, 'fund_donation.confirmed_by'),
    alter column cancelled_by type bigint using kyodo_v3_user_id(cancelled_by, 'fund_donation.cancelled_by'),
    add constraint fund_donation_donor_user_id_fkey foreign key (donor_user_id) references app_user (id),
    add constraint fund_donation_recorded_by_fkey foreign key (recorded_by) references app_user (id),
    add constraint fund_donation_confirmed_by_fkey foreign key (confirmed_by) references app_user (id),
    add constraint fund_donation_cancelled_by_fkey foreign key (cancelled_by) references app_user (id);

alter table fund_program drop constraint fund_program_created_by_check;
alter table fund_program
    alter column created_by type bigint using kyodo_v3_user_id(created_by, 'fund_program.created_by'),
    add constraint fund_program_created_by_fkey foreign key (created_by) references app_user (id);

alter table fund_program_reviewer drop constraint fund_program_reviewer_reviewer_id_check;
alter table fund_program_reviewer
    alter column reviewer_id type bigint using kyodo_v3_user_id(reviewer_id, 'fund_program_reviewer.reviewer_id'),
    add constraint fund_program_reviewer_reviewer_id_fkey foreign key (reviewer_id) references app_user (id);

alter table fund_application drop constraint fund_application_created_by_check;
alter table fund_application
    alter column created_by type bigint using kyodo_v3_user_id(created_by, 'fund_application.created_by'),
    add constraint fund_application_created_by_fkey foreign key (created_by) references app_user (id);

-- A score names its review by (application, reviewer): both sides change type together.
alter table fund_review_score drop constraint fund_review_score_application_id_reviewer_id_fkey;
alter table fund_review drop constraint fund_review_reviewer_id_check;
alter table fund_review
    alter column reviewer_id type bigint using kyodo_v3_user_id(reviewer_id, 'fund_review.reviewer_id'),
    add constraint fund_review_reviewer_id_fkey foreign key (reviewer_id) references app_user (id);
alter table fund_review_score
    alter column reviewer_id type bigint using kyodo_v3_user_id(reviewer_id, 'fund_review_score.reviewer_id'),
    add constraint fund_review_score_application_id_reviewer_id_fkey foreign key (application_id, reviewer_id)
        references fund_review (application_id, reviewer_id);

alter table fund_award drop constraint fund_award_decided_by_check;
alter table fund_award
    alter column decided_by type bigint using kyodo_v3_user_id(decided_by, 'fund_award.decided_by'),
    add constraint fund_award_decided_by_fkey foreign key (decided_by) references app_user (id);

alter table fund_disbursement drop constraint fund_disbursement_requested_by_check,
                              drop constraint fund_disbursement_decided_by_check;
alter table fund_disbursement
    alter column requested_by type bigint using kyodo_v3_user_id(requested_by, 'fund_disbursement.requested_by'),
    alter column decided_by type bigint using kyodo_v3_user_id(decided_by, 'fund_disbursement.decided_by'),
    add constraint fund_disbursement_requested_by_fkey foreign key (requested_by) references app_user (id),
    add constraint fund_disbursement_decided_by_fkey foreign key (decided_by) references app_user (id);

alter table fund_report drop constraint fund_report_submitted_by_check;
alter table fund_report
    alter column submitted_by type bigint using kyodo_v3_user_id(submitted_by, 'fund_report.submitted_by'),
    add constraint fund_report_submitted_by_fkey foreign key (submitted_by) references app_user (id);

alter table fund_evaluation drop constraint fund_evaluation_evaluator_id_check;
alter table fund_evaluation
    alter column evaluator_id type bigint using kyodo_v3_user_id(evaluator_id, 'fund_evaluation.evaluator_id'),
    add constraint fund_evaluation_evaluator_id_fkey foreign key (evaluator_id) references app_user (id);

-- The auditor's working papers are append-only (their triggers refuse UPDATE); changing a column's type rewrites
-- the table without firing row triggers, and every row keeps what it said, by id instead of by name.
alter table fund_audit_statement_import drop constraint fund_audit_statement_import_imported_by_check;
alter table fund_audit_statement_import
    alter column imported_by type bigint using kyodo_v3_user_id(imported_by, 'fund_audit_statement_import.imported_by'),
    add constraint fund_audit_statement_import_imported_by_fkey foreign key (imported_by) references app_user (id);

alter table fund_audit_match drop constraint fund_audit_match_matched_by_check;
alter table fund_audit_match
    alter column matched_by type bigint using kyodo_v3_user_id(matched_by, 'fund_audit_match.matched_by'),
    add constraint fund_audit_match_matched_by_fkey foreign key (matched_by) references app_user (id);

alter table fund_audit_note drop constraint fund_audit_note_written_by_check;
alter table fund_audit_note
    alter column written_by type bigint using kyodo_v3_user_id(written_by, 'fund_audit_note.written_by'),
    add constraint fund_audit_note_written_by_fkey foreign key (written_by) references app_user (id);

-- The group's activities: who posted one, who confirmed and who corrected hours.
alter table activity drop constraint activity_created_by_check;
alter table activity
    alter column created_by type bigint using kyodo_v3_user_id(created_by, 'activity.created_by'),
    add constraint activity_created_by_fkey foreign key (created_by) references app_user (id);

alter table activity_attendance drop constraint activity_attendance_confirmed_by_check,
                                drop constraint activity_attendance_corrected_by_check;
alter table activity_attendance
    alter column confirmed_by type bigint using kyodo_v3_user_id(confirmed_by, 'activity_attendance.confirmed_by'),
    alter column corrected_by type bigint using kyodo_v3_user_id(corrected_by, 'activity_attendance.corrected_by'),
    add constraint activity_attendance_confirmed_by_fkey foreign key (confirmed_by) references app_user (id),
    add constraint activity_attendance_corrected_by_fkey foreign key (corrected_by) references app_user (id);

-- Who set the issuance rules: a staff member, or nobody for the defaults the baseline wrote ('migration').
alter table earning_rules drop constraint earning_rules_set_by_check;
alter table earning_rules alter column set_by drop not null;
alter table earning_rules
    alter column set_by type bigint using case when set_by = 'migration' then null
                                              else kyodo_v3_user_id(set_by, 'earning_rules.set_by') end,
    add constraint earning_rules_set_by_fkey foreign key (set_by) references app_user (id);

drop function kyodo_v3_user_id(text, text);

-- Looking up what a person did or may do: a coordinator's groups, a reviewer's programs, a donor's donations.
create index fund_program_reviewer_by_reviewer on fund_program_reviewer (reviewer_id);

-- =============================================================================================================

-- 5. The display rule on the group registry's and the fund's text that people read: names and titles on one
--    line, descriptions and comments as notes.

alter table fund_group
    add constraint fund_group_name_displayable check (kyodo_display_name(name)),
    add constraint fund_group_representative_displayable check (kyodo_display_name(representative)),
    add constraint fund_group_contact_displayable check (kyodo_display_name(contact)),
    add constraint fund_group_description_displayable check (kyodo_display_note(description));

alter table fund_donation
    add constraint fund_donation_donor_name_displayable check (kyodo_display_name(donor_name)),
    add constraint fund_donation_donor_address_displayable check (kyodo_display_name(donor_address)),
    add constraint fund_donation_cancel_reason_displayable check (kyodo_display_note(cancel_reason));

alter table fund_program
    add constraint fund_program_title_displayable check (kyodo_display_name(title)),
    add constraint fund_program_description_displayable check (kyodo_display_note(description));

alter table fund_program_criterion
    add constraint fund_program_criterion_name_displayable check (kyodo_display_name(name));

alter table fund_application
    add constraint fund_application_title_displayable check (kyodo_display_name(title)),
    add constraint fund_application_purpose_displayable check (kyodo_display_note(purpose)),
    add constraint fund_application_plan_displayable check (kyodo_display_note(plan)),
    add constraint fund_application_strengths_displayable check (kyodo_display_note(strengths));

alter table fund_application_budget_line
    add constraint fund_application_budget_line_item_displayable check (kyodo_display_name(item));

alter table fund_review_score
    add constraint fund_review_score_comment_displayable check (kyodo_display_note(comment));

alter table fund_report
    add constraint fund_report_summary_displayable check (kyodo_display_note(summary));

alter table fund_evaluation
    add constraint fund_evaluation_comment_displayable check (kyodo_display_note(comment));

alter table activity
    add constraint activity_title_displayable check (kyodo_display_name(title)),
    add constraint activity_place_displayable check (kyodo_display_name(place)),
    add constraint activity_description_displayable check (kyodo_display_note(description));
