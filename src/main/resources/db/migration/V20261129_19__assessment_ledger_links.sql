-- assessment module: ledger rows linked to an answer as evidence (a device, a backup, a 規程 …)
create table answer_ledger_link (
    org_id        uuid not null references organization (id),
    assessment_id uuid not null references assessment (id),
    item_id       varchar(40) not null,
    ledger        varchar(50) not null,
    row_id        uuid not null,
    linked_at     timestamp with time zone not null,
    linked_by     varchar(100) not null,
    primary key (assessment_id, item_id, ledger, row_id)
);
create index answer_ledger_link_org_idx on answer_ledger_link (org_id, assessment_id, item_id);
