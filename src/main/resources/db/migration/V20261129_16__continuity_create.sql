-- continuity module: backups, recovery procedures, BCP points (columns follow ContinuityLedgers;
-- the contacts ledger has its own migration)
create table continuity_backup (
    id                   uuid primary key,
    org_id               uuid not null references organization (id),
    version              integer not null default 0,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    updated_by           varchar(100) not null,
    system               varchar(200) not null,
    data                 varchar(500),
    method               varchar(40),
    generations          bigint,
    frequency            varchar(200),
    location             varchar(500),
    last_succeeded_on    date,
    last_restore_test_on date,
    restore_test_result  varchar(40),
    note                 varchar(2000)
);
create index continuity_backup_org_idx on continuity_backup (org_id, system);

create table continuity_recovery_procedure (
    id               uuid primary key,
    org_id           uuid not null references organization (id),
    version          integer not null default 0,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    updated_by       varchar(100) not null,
    system           varchar(200) not null,
    priority         bigint,
    rto_hours        bigint,
    steps            varchar(4000),
    responsible      varchar(500),
    manual_location  varchar(500),
    last_reviewed_on date
);
create index continuity_recovery_procedure_org_idx on continuity_recovery_procedure (org_id, system);

create table continuity_bcp_point (
    id            uuid primary key,
    org_id        uuid not null references organization (id),
    version       integer not null default 0,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(100) not null,
    phase         varchar(40) not null,
    point         varchar(500) not null,
    status        varchar(40),
    owner         varchar(500),
    due_on        date,
    evidence      varchar(500),
    last_drill_on date
);
create index continuity_bcp_point_org_idx on continuity_bcp_point (org_id, point);
