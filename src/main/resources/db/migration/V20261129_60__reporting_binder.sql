-- reporting module: when the incident binder of an organisation was last printed (downloaded), so that a
-- change of the contacts, recovery procedures, backups or vendors ledgers afterwards can ask for a reprint
create table reporting_binder_print (
    org_id     uuid primary key references organization (id),
    printed_at timestamp with time zone not null,
    printed_by varchar(200) not null
);
