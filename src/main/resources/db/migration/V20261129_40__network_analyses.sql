-- network module: uploaded router/firewall configurations and nmap scans, analysed, with
-- their findings and the triage trail of each finding
create table network_analysis (
    id            uuid primary key,
    org_id        uuid not null references organization (id),
    kind          varchar(10) not null,
    file_name     varchar(300) not null,
    sha256        varchar(64) not null,
    format        varchar(40) not null,
    hostname      varchar(200),
    item_count    integer not null,
    skipped       bigint not null,
    finding_count integer not null,
    notes         varchar(4000),
    device_id     uuid,
    analysed_at   timestamp with time zone not null,
    analysed_by   varchar(100) not null
);
-- the same file uploaded again replaces its analysis
create unique index network_analysis_file_idx on network_analysis (org_id, sha256);
create index network_analysis_org_idx on network_analysis (org_id, kind, analysed_at);

create table network_finding (
    id           uuid primary key,
    org_id       uuid not null references organization (id),
    analysis_id  uuid not null references network_analysis (id),
    finding_key  varchar(700) not null,
    finding_id   varchar(60) not null,
    severity     varchar(10) not null,
    line_no      integer not null,
    rule_name    varchar(500),
    service      varchar(500),
    iface        varchar(200),
    address      varchar(100),
    port         integer,
    summary      varchar(4000) not null,
    fix          varchar(4000),
    evidence     varchar(4000),
    state        varchar(20) not null,
    detected_at  timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      integer not null default 0
);
create index network_finding_analysis_idx on network_finding (org_id, analysis_id);

create table network_finding_comment (
    id          uuid primary key,
    org_id      uuid not null references organization (id),
    finding_id  uuid not null references network_finding (id),
    state       varchar(20) not null,
    body        varchar(2000),
    created_at  timestamp with time zone not null,
    created_by  varchar(100) not null
);
create index network_finding_comment_idx on network_finding_comment (org_id, finding_id);
