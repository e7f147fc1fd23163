-- vendor module: 事業者 and MDS/SDS documents (columns follow VendorLedgers)
create table vendor_vendor (
    id                   uuid primary key,
    org_id               uuid not null references organization (id),
    version              integer not null default 0,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    updated_by           varchar(100) not null,
    name                 varchar(200) not null,
    contact_person       varchar(500),
    phone                varchar(100),
    email                varchar(200),
    systems              varchar(1000),
    maintenance_contract boolean,
    remote_maintenance   boolean,
    contract_from        date,
    contract_to          date,
    note                 varchar(2000)
);
create index vendor_vendor_org_idx on vendor_vendor (org_id, name);

create table vendor_mds_sds (
    id                uuid primary key,
    org_id            uuid not null references organization (id),
    version           integer not null default 0,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    updated_by        varchar(100) not null,
    vendor            varchar(200) not null,
    system            varchar(500),
    kind              varchar(40),
    document_version  varchar(100),
    received_on       date,
    reviewed_on       date,
    reviewer          varchar(100),
    findings          varchar(2000),
    form_requested_on date,
    form_returned_on  date,
    form_status       varchar(40)
);
create index vendor_mds_sds_org_idx on vendor_mds_sds (org_id, vendor);
