-- evidence module: files stored in the database (one backup holds everything) and links to their owners
create table evidence_file (
    id           uuid primary key,
    org_id       uuid not null references organization (id),
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint not null,
    sha256       varchar(64) not null,
    content      bytea not null,
    uploaded_at  timestamp with time zone not null,
    uploaded_by  varchar(100) not null
);
create index evidence_file_org_idx on evidence_file (org_id);

create table evidence_link (
    org_id      uuid not null references organization (id),
    evidence_id uuid not null references evidence_file (id),
    owner_type  varchar(50) not null,
    owner_ref   varchar(200) not null,
    primary key (evidence_id, owner_type, owner_ref)
);
create index evidence_link_owner_idx on evidence_link (org_id, owner_type, owner_ref);
