-- shared ledger machinery: an uploaded file kept between its preview and its import (deleted on import)
create table ledger_upload (
    id         uuid primary key,
    org_id     uuid not null references organization (id),
    ledger     varchar(50) not null,
    file_name  varchar(255) not null,
    encoding   varchar(20) not null,
    content    bytea not null,
    created_at timestamp with time zone not null,
    created_by varchar(100) not null
);
create index ledger_upload_org_idx on ledger_upload (org_id, created_at);
