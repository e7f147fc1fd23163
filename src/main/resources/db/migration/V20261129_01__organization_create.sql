-- organization module: organisations, memberships, vendor contracts
create table organization (
    id          uuid primary key,
    name        varchar(200) not null,
    kind        varchar(20)  not null,
    created_at  timestamp with time zone not null,
    version     integer not null default 0,
    constraint organization_kind_check check (kind in ('institution', 'pharmacy', 'vendor', 'group'))
);

create table vendor_contract (
    id          uuid primary key,
    org_id      uuid not null references organization (id),
    vendor_name varchar(200) not null,
    system_name varchar(200),
    created_at  timestamp with time zone not null
);
create index vendor_contract_org_idx on vendor_contract (org_id);
