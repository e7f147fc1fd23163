-- accesslog module: ログリスト (columns follow AccessLogLedgers)
create table accesslog_log_source (
    id               uuid primary key,
    org_id           uuid not null references organization (id),
    version          integer not null default 0,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    updated_by       varchar(100) not null,
    source           varchar(200) not null,
    log_kind         varchar(500),
    location         varchar(500),
    retention_days   bigint,
    tamper_protected boolean,
    reviewer         varchar(100),
    review_frequency varchar(40),
    last_reviewed_on date,
    note             varchar(2000)
);
create index accesslog_log_source_org_idx on accesslog_log_source (org_id, source);
