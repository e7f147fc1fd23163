-- organization module: a group (医療法人, hospital group, vendor serving many clinics) is an
-- organisation of kind 'group'; its member organisations and each member's consent to detail access
create table org_group_member (
    group_id     uuid not null references organization (id),
    member_id    uuid not null references organization (id),
    status       varchar(20) not null,
    consent      varchar(20) not null default 'none',
    requested_at timestamp with time zone not null,
    requested_by varchar(100) not null,
    since        timestamp with time zone,
    accepted_by  varchar(100),
    version      integer not null default 0,
    primary key (group_id, member_id),
    constraint org_group_member_status_check check (status in ('pending', 'accepted')),
    constraint org_group_member_consent_check check (consent in ('none', 'summary', 'full')),
    constraint org_group_member_not_self check (group_id <> member_id)
);
create index org_group_member_member_idx on org_group_member (member_id);
