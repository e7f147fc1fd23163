-- vendorportal module: a vendor's proposed change to one in-scope ledger row of a client,
-- applied to the row only when the client approves it
create table vendor_proposal (
    id               uuid primary key,
    client_org_id    uuid not null references organization (id),
    vendor_org_id    uuid not null references organization (id),
    ledger_id        varchar(40) not null,
    row_id           uuid not null,
    row_label        varchar(300),
    comment          varchar(2000),
    status           varchar(20) not null,
    proposed_at      timestamp with time zone not null,
    proposed_by      varchar(100) not null,
    decided_at       timestamp with time zone,
    decided_by       varchar(100),
    decision_comment varchar(2000),
    constraint vendor_proposal_status_check check (status in ('pending', 'approved', 'rejected'))
);
create index vendor_proposal_client_idx on vendor_proposal (client_org_id);
create index vendor_proposal_vendor_idx on vendor_proposal (vendor_org_id);

create table vendor_proposal_value (
    proposal_id   uuid not null references vendor_proposal (id) on delete cascade,
    column_key    varchar(60) not null,
    old_value     varchar(4000),
    new_value     varchar(4000),
    primary key (proposal_id, column_key)
);
