-- Grants (fund-service): programs, applications, committee reviews, awards, disbursements, reports and
-- evaluations. Amounts are yen (bigint). Money moves only on the books; award and disbursement rows name the
-- entries by their keys.

create table fund_program (
    id          bigint generated always as identity primary key,
    title       text not null check (length(title) between 1 and 200),
    field       text not null check (field ~ '^[a-z][a-z0-9-]{0,31}$'),
    designation text not null collate "C" check (designation ~ '^(general|field:[a-z][a-z0-9-]{0,31})$'),
    description text not null check (length(description) <= 4000),
    budget      bigint not null check (budget between 1 and 1000000000),
    starts_on   date not null,
    ends_on     date not null,
    deadline    timestamptz not null,
    status      text not null check (status in ('DRAFT', 'PUBLISHED')),
    created_by  text not null check (length(created_by) between 1 and 64),
    created_at  timestamptz not null,
    version     integer not null default 0,
    check (ends_on >= starts_on)
);

create table fund_program_criterion (
    program_id bigint not null references fund_program (id),
    idx        smallint not null check (idx between 0 and 19),
    name       text not null check (length(name) between 1 and 100),
    weight     integer not null check (weight between 1 and 100),
    primary key (program_id, idx)
);

-- Committee members assigned to review a program's applications.
create table fund_program_reviewer (
    program_id  bigint not null references fund_program (id),
    reviewer_id text not null check (length(reviewer_id) between 1 and 64),
    primary key (program_id, reviewer_id)
);

create table fund_application (
    id               bigint generated always as identity primary key,
    program_id       bigint not null references fund_program (id),
    group_id         bigint not null references fund_group (id),
    title            text not null check (length(title) between 1 and 200),
    purpose          text not null check (length(purpose) <= 4000),
    plan             text not null check (length(plan) <= 8000),
    strengths        text not null check (length(strengths) <= 4000),
    requested_amount bigint not null check (requested_amount between 1 and 1000000000),
    status           text not null check (status in ('DRAFT', 'SUBMITTED', 'AWARDED')),
    created_by       text not null check (length(created_by) between 1 and 64),
    created_at       timestamptz not null,
    submitted_at     timestamptz,
    version          integer not null default 0,
    check ((status = 'DRAFT') = (submitted_at is null))
);
create index fund_application_program on fund_application (program_id);

create table fund_application_budget_line (
    application_id bigint not null references fund_application (id),
    idx            smallint not null check (idx between 0 and 49),
    item           text not null check (length(item) between 1 and 200),
    amount         bigint not null check (amount between 1 and 1000000000),
    primary key (application_id, idx)
);

-- One review per reviewer and application: either a declared conflict (no scores) or scores per criterion.
create table fund_review (
    application_id    bigint not null references fund_application (id),
    reviewer_id       text not null check (length(reviewer_id) between 1 and 64),
    conflict_declared boolean not null,
    reviewed_at       timestamptz not null,
    primary key (application_id, reviewer_id)
);

create table fund_review_score (
    application_id bigint not null,
    reviewer_id    text not null,
    criterion_idx  smallint not null,
    score          smallint not null check (score between 0 and 5),
    comment        text not null check (length(comment) <= 1000),
    primary key (application_id, reviewer_id, criterion_idx),
    foreign key (application_id, reviewer_id) references fund_review (application_id, reviewer_id)
);

-- The conflict-of-interest rule, again in the database: a coordinator of the applicant group never scores it,
-- and a reviewer who declared a conflict has no scores.
create function fund_review_score_no_conflict() returns trigger language plpgsql as $$
begin
    if exists (select 1 from fund_application a join fund_group_member m on m.group_id = a.group_id
               where a.id = new.application_id and m.user_id = new.reviewer_id) then
        raise exception 'reviewer % belongs to the applicant group of application %', new.reviewer_id,
            new.application_id;
    end if;
    if exists (select 1 from fund_review r where r.application_id = new.application_id
               and r.reviewer_id = new.reviewer_id and r.conflict_declared) then
        raise exception 'reviewer % declared a conflict on application %', new.reviewer_id, new.application_id;
    end if;
    return new;
end $$;
create trigger fund_review_score_no_conflict before insert or update on fund_review_score
    for each row execute function fund_review_score_no_conflict();

-- An award commits money on the books: award_key is the entry holding it; hold_key/hold_leg name the pending leg
-- that holds what is still to pay (it moves with each disbursement); remaining is what it holds.
create table fund_award (
    id             bigint generated always as identity primary key,
    application_id bigint not null unique references fund_application (id),
    program_id     bigint not null references fund_program (id),
    amount         bigint not null check (amount between 1 and 1000000000),
    designation    text not null collate "C",
    award_key      text not null collate "C" unique,
    hold_key       text collate "C",
    hold_leg       smallint,
    remaining      bigint not null check (remaining >= 0),
    disbursed      bigint not null default 0 check (disbursed >= 0),
    status         text not null check (status in ('ACTIVE', 'CLOSED')),
    decided_by     text not null check (length(decided_by) between 1 and 64),
    decided_at     timestamptz not null,
    closed_at      timestamptz,
    release_key    text collate "C",
    version        integer not null default 0,
    check (disbursed + remaining <= amount),
    check ((remaining > 0 and status = 'ACTIVE') = (hold_key is not null))
);

-- Two people for every payment: the approver is never the requester.
create table fund_disbursement (
    id           bigint generated always as identity primary key,
    award_id     bigint not null references fund_award (id),
    amount       bigint not null check (amount between 1 and 1000000000),
    status       text not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED')),
    requested_by text not null check (length(requested_by) between 1 and 64),
    requested_at timestamptz not null,
    decided_by   text check (length(decided_by) between 1 and 64),
    decided_at   timestamptz,
    entry_key    text collate "C" unique,
    version      integer not null default 0,
    constraint approver_is_not_requester check (decided_by is null or decided_by <> requested_by),
    check ((status = 'APPROVED') = (entry_key is not null))
);
create index fund_disbursement_award on fund_disbursement (award_id);

create table fund_report (
    award_id     bigint primary key references fund_award (id),
    summary      text not null check (length(summary) between 1 and 8000),
    submitted_by text not null check (length(submitted_by) between 1 and 64),
    submitted_at timestamptz not null
);

create table fund_evaluation (
    award_id         bigint not null references fund_report (award_id),
    evaluator_id     text not null check (length(evaluator_id) between 1 and 64),
    goal_achievement smallint not null check (goal_achievement between 1 and 5),
    comment          text not null check (length(comment) <= 2000),
    evaluated_at     timestamptz not null,
    primary key (award_id, evaluator_id)
);
