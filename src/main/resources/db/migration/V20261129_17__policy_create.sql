-- policy module: 安全管理責任者, rules and documents, training records (columns follow PolicyLedgers)
create table policy_security_manager (
    id               uuid primary key,
    org_id           uuid not null references organization (id),
    version          integer not null default 0,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    updated_by       varchar(100) not null,
    person           varchar(100) not null,
    position         varchar(200),
    appointed_on     date,
    approved_by      varchar(200),
    approval_meeting varchar(500),
    note             varchar(2000)
);
create index policy_security_manager_org_idx on policy_security_manager (org_id, person);

create table policy_document (
    id               uuid primary key,
    org_id           uuid not null references organization (id),
    version          integer not null default 0,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    updated_by       varchar(100) not null,
    title            varchar(200) not null,
    kind             varchar(40),
    document_version varchar(100),
    approved_on      date,
    approved_by      varchar(200),
    next_review_on   date,
    covers_items     varchar(1000),
    location         varchar(500),
    note             varchar(2000)
);
create index policy_document_org_idx on policy_document (org_id, title);

create table policy_training (
    id         uuid primary key,
    org_id     uuid not null references organization (id),
    version    integer not null default 0,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    updated_by varchar(100) not null,
    held_on    date not null,
    title      varchar(200) not null,
    audience   varchar(500),
    attendees  bigint,
    content    varchar(2000),
    materials  varchar(500),
    note       varchar(2000)
);
create index policy_training_org_idx on policy_training (org_id, title);
