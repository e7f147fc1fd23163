-- audit module: append-only hash chain; audit_chain_head serialises appends across nodes
create table audit_entry (
    seq         bigint primary key,
    org_id      uuid,
    occurred_at timestamp with time zone not null,
    actor       varchar(100) not null,
    action      varchar(100) not null,
    target      varchar(300),
    detail      varchar(4000),
    prev_hash   varchar(64) not null,
    hash        varchar(64) not null
);
create index audit_entry_org_idx on audit_entry (org_id, occurred_at);

create table audit_chain_head (
    id        integer primary key,
    last_seq  bigint not null,
    last_hash varchar(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
