-- endpoint module: machines imported from collector files (Collect-MamoriFacts.ps1), what they have
-- installed and running, their local accounts and the findings over them. The original file is kept
-- (facts) so that the per-device page and a re-analysis read exactly what was collected.
create table endpoint_machine (
    id            uuid primary key,
    org_id        uuid not null references organization (id),
    device_id     uuid not null,
    hostname      varchar(255) not null,
    serial        varchar(255),
    os            varchar(255),
    role          varchar(30) not null,
    collected_at  timestamp with time zone not null,
    file_name     varchar(500) not null,
    facts         bytea not null,
    unread        integer not null,
    imported_at   timestamp with time zone not null,
    imported_by   varchar(100) not null,
    version       integer not null default 0,
    constraint endpoint_machine_device_unique unique (org_id, device_id)
);
create index endpoint_machine_org_idx on endpoint_machine (org_id, hostname);

create table endpoint_software (
    org_id        uuid not null references organization (id),
    machine_id    uuid not null references endpoint_machine (id) on delete cascade,
    position      integer not null,
    name          varchar(500) not null,
    version       varchar(200),
    publisher     varchar(500),
    install_date  date,
    primary key (machine_id, position)
);
create index endpoint_software_org_idx on endpoint_software (org_id, machine_id);

create table endpoint_service (
    org_id        uuid not null references organization (id),
    machine_id    uuid not null references endpoint_machine (id) on delete cascade,
    position      integer not null,
    name          varchar(300) not null,
    display_name  varchar(500),
    state         varchar(50),
    start_mode    varchar(50),
    account       varchar(300),
    primary key (machine_id, position)
);
create index endpoint_service_org_idx on endpoint_service (org_id, machine_id);

create table endpoint_local_account (
    org_id                  uuid not null references organization (id),
    machine_id              uuid not null references endpoint_machine (id) on delete cascade,
    position                integer not null,
    name                    varchar(300) not null,
    full_name               varchar(300),
    enabled                 boolean not null,
    administrator           boolean not null,
    last_logon              timestamp with time zone,
    password_last_set       varchar(50),
    password_never_expires  boolean,
    account_row_id          uuid,
    primary key (machine_id, position)
);
create index endpoint_local_account_org_idx on endpoint_local_account (org_id, machine_id);

create table endpoint_finding (
    org_id        uuid not null references organization (id),
    machine_id    uuid not null references endpoint_machine (id) on delete cascade,
    position      integer not null,
    finding_id    varchar(50) not null,
    severity      varchar(10) not null,
    summary       varchar(4000) not null,
    fix           varchar(4000) not null,
    evidence      varchar(8000),
    primary key (machine_id, position)
);
create index endpoint_finding_org_idx on endpoint_finding (org_id, finding_id);
