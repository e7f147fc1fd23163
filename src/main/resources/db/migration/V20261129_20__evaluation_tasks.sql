-- evaluation module: remediation tasks (from an いいえ or a failing check) and their comments
create table remediation_task (
    id            uuid primary key,
    org_id        uuid not null references organization (id),
    assessment_id uuid references assessment (id),
    item_id       varchar(40),
    check_id      varchar(100),
    title         varchar(300) not null,
    detail        varchar(4000),
    owner         varchar(200),
    due_on        date,
    status        varchar(20) not null check (status in ('open', 'in_progress', 'done')),
    created_at    timestamp with time zone not null,
    created_by    varchar(100) not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(100) not null,
    closed_at     timestamp with time zone,
    version       integer not null default 0
);
create index remediation_task_org_idx on remediation_task (org_id, status, due_on);

create table remediation_task_comment (
    id         uuid primary key,
    org_id     uuid not null references organization (id),
    task_id    uuid not null references remediation_task (id),
    body       varchar(2000) not null,
    created_at timestamp with time zone not null,
    created_by varchar(100) not null
);
create index remediation_task_comment_task_idx on remediation_task_comment (org_id, task_id, created_at);
