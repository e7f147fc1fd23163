-- vendorportal module: a vendor's JAHIS MDS/SDS per product (the file itself is an evidence
-- file of the vendor organisation), each client's per-section review of it, and the daily
-- reminders to vendors about requests near or past their 回答期限
create table vendor_product_document (
    id                uuid primary key,
    vendor_org_id     uuid not null references organization (id),
    product_id        uuid not null references vendor_product (id),
    kind              varchar(10) not null,
    document_version  varchar(100) not null,
    issued_on         date not null,
    evidence_file_id  uuid not null,
    file_name         varchar(255) not null,
    uploaded_at       timestamp with time zone not null,
    uploaded_by       varchar(100) not null,
    constraint vendor_product_document_kind_check check (kind in ('mds', 'sds'))
);
create index vendor_product_document_product_idx on vendor_product_document (product_id, issued_on);

-- one review per client and document; reviewing again replaces the sections
create table vendor_document_review (
    id             uuid primary key,
    client_org_id  uuid not null references organization (id),
    document_id    uuid not null references vendor_product_document (id),
    reviewed_by    varchar(100) not null,
    reviewed_on    date not null,
    complete       boolean not null,
    constraint vendor_document_review_unique unique (client_org_id, document_id)
);

create table vendor_document_review_section (
    review_id      uuid not null references vendor_document_review (id) on delete cascade,
    client_org_id  uuid not null references organization (id),
    section_id     varchar(40) not null,
    result         varchar(20) not null,
    comment        varchar(2000),
    primary key (review_id, section_id),
    constraint vendor_document_review_result_check
        check (result in ('conforming', 'partial', 'nonconforming', 'not_stated'))
);

-- a vendor user is mailed at most once a day about the requests near or past their 回答期限
create table vendor_reminder_sent (
    user_id        uuid not null,
    sent_on        date not null,
    request_id     uuid not null references vendor_request (id) on delete cascade,
    sent_at        timestamp with time zone not null,
    primary key (user_id, sent_on, request_id)
);
