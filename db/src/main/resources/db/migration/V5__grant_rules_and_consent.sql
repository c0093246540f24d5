-- The fund's process rules again in the database (issue 16): a program is published with a deadline ahead of
-- it, committee members as reviewers and a budget the designation can hold; an award waits for the deadline and
-- for every reviewer who may score; a review is the reviewer's own, names the program's criteria and is fixed once
-- the award is decided; nobody becomes a group's coordinator without accepting an invitation; a group's
-- verification records who checked and what. fund-service refuses each of these first, with a message; these
-- constraints and triggers hold for any other writer. Errors raised here use SQLSTATE KY3xx.

-- =============================================================================================================

-- 1. Publication. The row records when and by whom a program was published and what the designation could still
--    commit then (fund-service reads it from the books, which these tables do not read): the deadline must lie
--    after the publication, and the budget within that balance. A program published before V5 (a kept demo
--    database) is taken as published when it was created, or just before its deadline if that came first.

alter table fund_program
    add column published_at timestamptz,
    add column published_by bigint references app_user (id),
    add column published_available bigint;

update fund_program
   set published_at = least(created_at, deadline - interval '1 second'), published_by = created_by,
       published_available = budget
 where status = 'PUBLISHED';

alter table fund_program
    add constraint fund_program_publication_recorded check ((status = 'PUBLISHED') =
        (published_at is not null and published_by is not null and published_available is not null)),
    add constraint fund_program_deadline_after_publication check (published_at is null or deadline > published_at),
    add constraint fund_program_budget_within_available check (published_available is null
        or budget <= published_available);

-- The V1 trigger freezes the published terms; the publication columns are set once, by the publication itself.
create function fund_program_publication_is_kept() returns trigger language plpgsql as $$
begin
    if old.status = 'PUBLISHED' and (new.published_at, new.published_by, new.published_available)
            is distinct from (old.published_at, old.published_by, old.published_available) then
        raise exception 'grant program % is published; its publication record can no longer change', old.id
            using errcode = 'KY301';
    end if;
    return new;
end $$;
create trigger fund_program_publication_is_kept before update on fund_program
    for each row execute function fund_program_publication_is_kept();

-- A program is published with at least one reviewer: an application nobody can review can never be awarded.
create function fund_program_published_with_reviewers() returns trigger language plpgsql as $$
begin
    if new.status = 'PUBLISHED' and old.status = 'DRAFT'
            and not exists (select 1 from fund_program_reviewer r where r.program_id = new.id) then
        raise exception 'grant program % has no reviewers and cannot be published', new.id using errcode = 'KY302';
    end if;
    return new;
end $$;
create trigger fund_program_published_with_reviewers before update of status on fund_program
    for each row execute function fund_program_published_with_reviewers();

-- Reviewers are members of the committee (協働推進会議): people who sign in with the role COMMITTEE.
create function fund_program_reviewer_is_committee() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from app_user u where u.id = new.reviewer_id and u.role = 'COMMITTEE') then
        raise exception 'user % is not a committee member and cannot review grant program %', new.reviewer_id,
            new.program_id using errcode = 'KY303';
    end if;
    return new;
end $$;
create trigger fund_program_reviewer_is_committee before insert or update on fund_program_reviewer
    for each row execute function fund_program_reviewer_is_committee();

-- =============================================================================================================

-- 2. Reviews. A review is by a reviewer assigned to the application's program, on a submitted application; its
--    scores name the program's criteria; a review can be revised (the reviewer submits again) until the award is
--    decided, and then it is the record of the decision. Declaring a conflict and scoring exclude each other
--    (V1's fund_review_score_no_conflict refuses scores under a declared conflict; this refuses the declaration
--    over scores).

create function fund_review_by_an_assigned_reviewer() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from fund_application a join fund_program_reviewer r on r.program_id = a.program_id
                   where a.id = new.application_id and r.reviewer_id = new.reviewer_id) then
        raise exception 'user % is not a reviewer of the program of application %', new.reviewer_id,
            new.application_id using errcode = 'KY304';
    end if;
    if exists (select 1 from fund_application a where a.id = new.application_id and a.status = 'DRAFT') then
        raise exception 'application % is a draft and cannot be reviewed', new.application_id using errcode = 'KY304';
    end if;
    if tg_op = 'UPDATE' and new.conflict_declared and not old.conflict_declared
            and exists (select 1 from fund_review_score s where s.application_id = new.application_id
                        and s.reviewer_id = new.reviewer_id) then
        raise exception 'reviewer % scored application %; remove the scores before declaring a conflict',
            new.reviewer_id, new.application_id using errcode = 'KY305';
    end if;
    return new;
end $$;
create trigger fund_review_by_an_assigned_reviewer before insert or update on fund_review
    for each row execute function fund_review_by_an_assigned_reviewer();

create function fund_review_score_names_a_criterion() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from fund_application a join fund_program_criterion c on c.program_id = a.program_id
                   where a.id = new.application_id and c.idx = new.criterion_idx) then
        raise exception 'criterion % is not a criterion of the program of application %', new.criterion_idx,
            new.application_id using errcode = 'KY306';
    end if;
    return new;
end $$;
create trigger fund_review_score_names_a_criterion before insert or update on fund_review_score
    for each row execute function fund_review_score_names_a_criterion();

create function fund_review_fixed_once_awarded() returns trigger language plpgsql as $$
declare
    application bigint := case when tg_op = 'INSERT' then new.application_id else old.application_id end;
begin
    if exists (select 1 from fund_award w where w.application_id = application) then
        raise exception 'application % has been awarded; its reviews are the record of the decision', application
            using errcode = 'KY307';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger fund_review_fixed_once_awarded before insert or update or delete on fund_review
    for each row execute function fund_review_fixed_once_awarded();
create trigger fund_review_score_fixed_once_awarded before insert or update or delete on fund_review_score
    for each row execute function fund_review_fixed_once_awarded();

-- =============================================================================================================

-- 3. Awards. An award is decided after the program's deadline (every group had until then to apply) and after
--    every assigned reviewer either scored every criterion, declared a conflict, or coordinates the applicant
--    group (and so may not score); at least one reviewer scored.

create function fund_award_after_the_deadline() returns trigger language plpgsql as $$
declare
    closes timestamptz;
begin
    select p.deadline into closes from fund_program p where p.id = new.program_id;
    if new.decided_at <= closes then
        raise exception 'program % accepts applications until %; application % cannot be awarded at %',
            new.program_id, closes, new.application_id, new.decided_at using errcode = 'KY308';
    end if;
    return new;
end $$;
create trigger fund_award_after_the_deadline before insert on fund_award
    for each row execute function fund_award_after_the_deadline();

create function fund_award_after_every_review() returns trigger language plpgsql as $$
declare
    pending bigint;
    scored bigint;
begin
    select count(*) filter (where not done.recused and done.scores < done.criteria),
           count(*) filter (where not done.recused and done.scores = done.criteria and done.criteria > 0)
      into pending, scored
      from (select r.reviewer_id,
                   coalesce(v.conflict_declared, false)
                       or exists (select 1 from fund_group_member m
                                   where m.group_id = a.group_id and m.user_id = r.reviewer_id) as recused,
                   (select count(*) from fund_review_score s
                     where s.application_id = a.id and s.reviewer_id = r.reviewer_id) as scores,
                   (select count(*) from fund_program_criterion c where c.program_id = a.program_id) as criteria
              from fund_application a
              join fund_program_reviewer r on r.program_id = a.program_id
              left join fund_review v on v.application_id = a.id and v.reviewer_id = r.reviewer_id
             where a.id = new.application_id) as done;
    if pending > 0 then
        raise exception 'application %: % reviewer(s) have not reviewed it yet', new.application_id, pending
            using errcode = 'KY309';
    end if;
    if scored = 0 then
        raise exception 'application %: no reviewer has scored it', new.application_id using errcode = 'KY309';
    end if;
    return new;
end $$;
create trigger fund_award_after_every_review before insert on fund_award
    for each row execute function fund_award_after_every_review();

-- =============================================================================================================

-- 4. Co-coordinators by consent. A registrant names people to coordinate the group with them; each becomes a
--    coordinator only by accepting the invitation after signing in (who coordinates a group decides who may not
--    review or verify it, so nobody is listed without consent). The registrant is a coordinator from the start.

create table fund_group_invitation (
    id          bigint generated always as identity primary key,
    group_id    bigint      not null references fund_group (id),
    invitee_id  bigint      not null references app_user (id),
    invited_by  bigint      not null references app_user (id),
    invited_at  timestamptz not null,
    status      text        not null check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    answered_at timestamptz,
    version     integer     not null default 0,
    constraint fund_group_invitation_answered_when_decided check ((status = 'PENDING') = (answered_at is null)),
    constraint fund_group_invitation_not_to_oneself check (invitee_id <> invited_by)
);
-- One open invitation per person and group; answered ones stay as the record.
create unique index fund_group_invitation_one_pending on fund_group_invitation (group_id, invitee_id)
    where status = 'PENDING';
create index fund_group_invitation_by_invitee on fund_group_invitation (invitee_id) where status = 'PENDING';

-- An answer is given once: a pending invitation is accepted, declined or withdrawn, and then it stays.
create function fund_group_invitation_answered_once() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'invitation % is part of the group''s record and is never deleted', old.id
            using errcode = 'KY311';
    end if;
    if old.status <> 'PENDING' or (new.group_id, new.invitee_id, new.invited_by, new.invited_at)
            is distinct from (old.group_id, old.invitee_id, old.invited_by, old.invited_at) then
        raise exception 'invitation % was answered (%) and can no longer change', old.id, old.status
            using errcode = 'KY311';
    end if;
    return new;
end $$;
create trigger fund_group_invitation_answered_once before update or delete on fund_group_invitation
    for each row execute function fund_group_invitation_answered_once();

create function fund_group_member_by_consent() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from fund_group g where g.id = new.group_id and g.registered_by = new.user_id)
            and not exists (select 1 from fund_group_invitation i where i.group_id = new.group_id
                            and i.invitee_id = new.user_id and i.status = 'ACCEPTED') then
        raise exception 'user % has not accepted an invitation to coordinate group %', new.user_id, new.group_id
            using errcode = 'KY312';
    end if;
    return new;
end $$;
create trigger fund_group_member_by_consent before insert or update on fund_group_member
    for each row execute function fund_group_member_by_consent();

-- =============================================================================================================

-- 5. Verification with a recorded check. Staff who decide a group write down what they checked (the
--    representative's identity, the articles, the contact); a decision without a note is refused, and so is one
--    by someone who is not staff or who coordinates the group. Decisions before V5 say so in their note.

alter table fund_group add column verification_note text;

update fund_group set verification_note = 'V5 以前の確認(確認内容の記録なし)' where status <> 'REGISTERED';

alter table fund_group
    add constraint fund_group_decision_has_a_note check ((status = 'REGISTERED') = (verification_note is null)),
    add constraint fund_group_verification_note_length check (length(verification_note) between 1 and 1000),
    add constraint fund_group_verification_note_displayable check (kyodo_display_note(verification_note));

create function fund_group_decided_by_other_staff() returns trigger language plpgsql as $$
begin
    if new.verified_by is not null and new.verified_by is distinct from old.verified_by then
        if not exists (select 1 from app_user u where u.id = new.verified_by and u.role = 'STAFF') then
            raise exception 'user % is not staff and cannot decide group %', new.verified_by, new.id
                using errcode = 'KY313';
        end if;
        if exists (select 1 from fund_group_member m where m.group_id = new.id and m.user_id = new.verified_by) then
            raise exception 'user % coordinates group % and cannot decide it', new.verified_by, new.id
                using errcode = 'KY313';
        end if;
    end if;
    return new;
end $$;
create trigger fund_group_decided_by_other_staff before update of verified_by on fund_group
    for each row execute function fund_group_decided_by_other_staff();

-- =============================================================================================================

-- 6. A receipt carries the donor's legal name: fund-service accepts the characters a receipt prints (JIS X 0213,
--    Latin letters, the MJ ideographs of IPAmj Mincho; kyodo.fund.document.PrintableNames). SQL cannot hold that
--    set, but it refuses what no legal name holds: emoji and pictographs, their presentation selector and joiner,
--    regional-indicator flags and tag characters. A donation written before V5 with such a name keeps it.

alter table fund_donation
    add constraint fund_donation_donor_name_printable check (
        donor_name !~ '[\U0001F000-\U0001FAFF\U000E0000-\U000E007F\uFE0F\u200D\u20E3]') not valid,
    add constraint fund_donation_donor_address_printable check (
        donor_address !~ '[\U0001F000-\U0001FAFF\U000E0000-\U000E007F\uFE0F\u200D\u20E3]') not valid;
