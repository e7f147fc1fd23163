-- continuity module: 連絡先台帳, the data behind the 連絡体制図 of checklist item 3-① (columns follow ContactLedger)
create table continuity_contact (
    id                uuid primary key,
    org_id            uuid not null references organization (id),
    version           integer not null default 0,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    updated_by        varchar(100) not null,
    name              varchar(200) not null,
    organization      varchar(200),
    category          varchar(40) not null,
    role              varchar(200),
    phone             varchar(50),
    phone_after_hours varchar(50),
    email             varchar(200),
    reports_to        varchar(200),
    escalation_order  bigint,
    note              varchar(2000)
);
create index continuity_contact_org_idx on continuity_contact (org_id, name);
