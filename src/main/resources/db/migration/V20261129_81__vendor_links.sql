-- vendorportal module: a contract links a client organisation to a vendor organisation; the
-- vendor's users see the client's devices and remote-maintenance connections of the systems
-- named here, and nothing else of the client
create table vendor_link (
    id                uuid primary key,
    client_org_id     uuid not null references organization (id),
    vendor_org_id     uuid not null references organization (id),
    contract_number   varchar(100) not null,
    systems           varchar(4000) not null,
    emergency_contact varchar(300),
    created_at        timestamp with time zone not null,
    created_by        varchar(100) not null,
    constraint vendor_link_pair unique (client_org_id, vendor_org_id),
    constraint vendor_link_not_self check (client_org_id <> vendor_org_id)
);
create index vendor_link_vendor_idx on vendor_link (vendor_org_id);
