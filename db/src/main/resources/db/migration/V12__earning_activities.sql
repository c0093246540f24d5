-- Earning points: volunteer activities of verified groups, residents' sign-ups and check-ins, confirmed hours
-- (each one issues points once), and the issuance rules staff configure. Points themselves are in the ledger
-- (budget:pt:<fy> -> wallet:resident:<id>:<yyyy-MM>); these rows hold what the rules are checked against, and every
-- rule the Java code checks is checked here again.

-- Overlap of time ranges per resident is an exclusion constraint over (resident, range): needs btree_gist for "=".
create extension if not exists btree_gist;

-- The rules, one row per change; the newest row applies. The first row is the default.
create table earning_rules (
    id                    bigint generated always as identity primary key,
    minutes_per_day_max   integer     not null check (minutes_per_day_max between 15 and 1440),
    points_per_month_max  bigint      not null check (points_per_month_max between 1 and 10000000),
    set_by                text        not null check (length(set_by) between 1 and 64),
    set_at                timestamptz not null
);
insert into earning_rules (minutes_per_day_max, points_per_month_max, set_by, set_at)
values (480, 10000, 'migration', now());

create table activity (
    id              bigint generated always as identity primary key,
    -- a fund_group (V20, which runs later, so the link is checked by the trigger below, not a foreign key)
    group_id        bigint      not null,
    title           text        not null check (length(title) between 1 and 100),
    description     text        not null check (length(description) <= 2000),
    place           text        not null check (length(place) between 1 and 200),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    slots           integer     not null check (slots between 1 and 1000),
    points_per_hour bigint      not null check (points_per_hour between 1 and 10000),
    created_by      text        not null check (length(created_by) between 1 and 64),
    created_at      timestamptz not null,
    -- Kept by the sign-up triggers below: the database itself refuses a sign-up beyond the slots.
    signed_up       integer     not null default 0,
    constraint activity_has_a_duration check (ends_at > starts_at and ends_at - starts_at <= interval '24 hours'),
    constraint activity_slots_respected check (signed_up between 0 and slots)
);
create index activity_by_start on activity (starts_at);

-- Only verified groups post activities (fund_group.status); the Java check also names the coordinator.
create function kyodo_activity_group_verified() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from fund_group g where g.id = new.group_id and g.status = 'VERIFIED') then
        raise exception 'activities are posted by verified groups only' using errcode = 'KY200';
    end if;
    return new;
end;
$$;
create trigger activity_group_verified before insert on activity
    for each row execute function kyodo_activity_group_verified();
create trigger activity_group_is_kept before update of group_id on activity
    for each row execute function kyodo_refuse_change();
create index activity_by_group on activity (group_id, starts_at);

-- A resident's sign-up. "during" is the activity's time, copied by the trigger (never trusted from the caller):
-- one resident is never signed up for two activities at the same time.
create table activity_signup (
    activity_id  bigint      not null references activity (id),
    resident_id  bigint      not null references app_user (id),
    during       tstzrange   not null,
    signed_up_at timestamptz not null,
    primary key (activity_id, resident_id),
    constraint signups_do_not_overlap exclude using gist (resident_id with =, during with &&)
);
create index activity_signup_by_resident on activity_signup (resident_id);

create function kyodo_signup_counts() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        select tstzrange(starts_at, ends_at) into new.during from activity where id = new.activity_id;
        -- the row lock serialises sign-ups to one activity; the check constraint refuses the one beyond the slots
        update activity set signed_up = signed_up + 1 where id = new.activity_id;
        return new;
    end if;
    update activity set signed_up = signed_up - 1 where id = old.activity_id;
    return old;
end;
$$;
create trigger signup_counts before insert or delete on activity_signup
    for each row execute function kyodo_signup_counts();
create trigger signup_is_not_moved before update on activity_signup
    for each row execute function kyodo_refuse_change();

-- Check-in and check-out by the activity's rotating QR: once per resident and direction.
create table activity_check (
    activity_id bigint      not null,
    resident_id bigint      not null,
    direction   text        not null check (direction in ('IN', 'OUT')),
    at          timestamptz not null,
    primary key (activity_id, resident_id, direction),
    foreign key (activity_id, resident_id) references activity_signup (activity_id, resident_id)
);

create function kyodo_check_out_after_in() returns trigger language plpgsql as $$
begin
    if new.direction = 'OUT' and not exists (select 1 from activity_check c where c.activity_id = new.activity_id
            and c.resident_id = new.resident_id and c.direction = 'IN' and c.at <= new.at) then
        raise exception 'check-out without an earlier check-in' using errcode = 'KY203';
    end if;
    return new;
end;
$$;
create trigger check_out_after_in before insert on activity_check
    for each row execute function kyodo_check_out_after_in();
create trigger check_is_append_only before update or delete on activity_check
    for each row execute function kyodo_refuse_change();

-- Confirmed hours. Each row issues its points once (entry_key is the ledger entry's idempotency key) into the
-- vintage of the month of confirmation. A correction keeps the row and marks it, with a reason.
create table activity_attendance (
    activity_id       bigint      not null,
    resident_id       bigint      not null,
    minutes           integer     not null check (minutes between 1 and 1440),
    day               date        not null,
    during            tstzrange   not null,
    points            bigint      not null check (points >= 0),
    month             text        not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    status            text        not null check (status in ('ISSUED', 'CORRECTED')),
    entry_key         text        not null unique check (length(entry_key) between 1 and 128),
    confirmed_by      text        not null check (length(confirmed_by) between 1 and 64),
    confirmed_at      timestamptz not null,
    corrected_by      text        check (length(corrected_by) between 1 and 64),
    corrected_at      timestamptz,
    correction_reason text        check (length(correction_reason) between 1 and 280),
    primary key (activity_id, resident_id),
    -- only residents who signed up can be confirmed
    foreign key (activity_id, resident_id) references activity_signup (activity_id, resident_id),
    -- hours are confirmed after the activity, and never more than it lasted
    constraint attendance_after_the_activity check (upper(during) <= confirmed_at),
    constraint attendance_within_the_activity check (minutes * interval '1 minute' <= upper(during) - lower(during)),
    constraint attendance_does_not_overlap exclude using gist (resident_id with =, during with &&)
        where (status = 'ISSUED'),
    constraint correction_has_a_reason check ((status = 'CORRECTED') =
        (correction_reason is not null and corrected_by is not null and corrected_at is not null))
);
create index activity_attendance_by_resident_day on activity_attendance (resident_id, day);
create index activity_attendance_by_resident_month on activity_attendance (resident_id, month);

-- The daily hours cap and the monthly points cap, under a per-resident lock held to the end of the transaction
-- (which also posts the issuance), so two coordinators confirming at once cannot both fit under a cap.
create function kyodo_attendance_within_caps() returns trigger language plpgsql as $$
declare
    rules      earning_rules%rowtype;
    day_total  bigint;
    month_total bigint;
begin
    perform pg_advisory_xact_lock(8086, (new.resident_id % 2147483647)::integer);
    select * into rules from earning_rules order by id desc limit 1;
    select coalesce(sum(minutes), 0) into day_total from activity_attendance
        where resident_id = new.resident_id and day = new.day and status = 'ISSUED';
    if day_total + new.minutes > least(rules.minutes_per_day_max, 1440) then
        raise exception 'hours per day over the cap' using errcode = 'KY201';
    end if;
    select coalesce(sum(points), 0) into month_total from activity_attendance
        where resident_id = new.resident_id and month = new.month and status = 'ISSUED';
    if month_total + new.points > rules.points_per_month_max then
        raise exception 'points per month over the cap' using errcode = 'KY202';
    end if;
    return new;
end;
$$;
create trigger attendance_within_caps before insert on activity_attendance
    for each row execute function kyodo_attendance_within_caps();

-- Only the correction may change a row, and only from ISSUED to CORRECTED; nothing is deleted.
create function kyodo_attendance_only_corrected() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.status <> 'ISSUED' or new.status <> 'CORRECTED'
            or (new.activity_id, new.resident_id, new.minutes, new.day, new.during, new.points, new.month,
                new.entry_key, new.confirmed_by, new.confirmed_at)
            is distinct from (old.activity_id, old.resident_id, old.minutes, old.day, old.during, old.points,
                old.month, old.entry_key, old.confirmed_by, old.confirmed_at) then
        raise exception 'confirmed hours are only ever corrected' using errcode = 'KY204';
    end if;
    return new;
end;
$$;
create trigger attendance_only_corrected before update or delete on activity_attendance
    for each row execute function kyodo_attendance_only_corrected();
