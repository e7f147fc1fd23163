-- shared: background jobs (imports) as rows, so that after a crash the restarted node can tell which ones
-- were cut off and say so (JobRuns); the in-memory progress of a running job is only a faster copy
create table job_run (
    id          uuid primary key,
    org_id      uuid not null references organization (id),
    kind        varchar(100) not null,
    subject     varchar(300) not null,
    state       varchar(20) not null,
    message     varchar(2000),
    done        bigint not null default 0,
    total       bigint not null default 0,
    node        varchar(200) not null,
    started_by  varchar(200) not null,
    started_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    finished_at timestamp with time zone
);
create index job_run_org_idx on job_run (org_id, started_at);
create index job_run_state_idx on job_run (state, node);

-- shared: one row per import target (a ledger of an organisation, an organisation's log store); an import
-- holds its row locked until it commits, so two imports into the same target run one after the other
-- (ImportLock). The lock is a database row lock: a process that dies releases it with its transaction.
create table import_lock (
    name varchar(200) primary key
);
