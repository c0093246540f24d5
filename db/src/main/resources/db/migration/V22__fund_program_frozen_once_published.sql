-- A grant program's terms (what it funds, budget, period, deadline, criteria and reviewers) can be revised while
-- it is a draft and are fixed once it is published: applicants and reviewers rely on them. fund-service's
-- GrantOffice.revise refuses it in Java; these triggers refuse it for any other writer.

create function fund_program_frozen_once_published() returns trigger language plpgsql as $$
begin
    if old.status = 'PUBLISHED' and (new.title, new.field, new.designation, new.description, new.budget,
                                     new.starts_on, new.ends_on, new.deadline, new.status)
            is distinct from (old.title, old.field, old.designation, old.description, old.budget,
                              old.starts_on, old.ends_on, old.deadline, old.status) then
        raise exception 'grant program % is published; its terms can no longer change', old.id
            using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger fund_program_frozen_once_published before update on fund_program
    for each row execute function fund_program_frozen_once_published();

create function fund_program_parts_frozen_once_published() returns trigger language plpgsql as $$
declare
    program bigint := case when tg_op = 'DELETE' then old.program_id else new.program_id end;
begin
    if exists (select 1 from fund_program where id = program and status = 'PUBLISHED')
            or (tg_op = 'UPDATE' and exists (select 1 from fund_program
                                             where id = old.program_id and status = 'PUBLISHED')) then
        raise exception 'grant program % is published; its criteria and reviewers can no longer change', program
            using errcode = 'check_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger fund_program_criterion_frozen before insert or update or delete on fund_program_criterion
    for each row execute function fund_program_parts_frozen_once_published();

create trigger fund_program_reviewer_frozen before insert or update or delete on fund_program_reviewer
    for each row execute function fund_program_parts_frozen_once_published();
