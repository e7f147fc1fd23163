-- catalog module: checklist versions imported by an administrator (built-in versions ship in the jar)
create table catalog_import (
    version_id  varchar(20) primary key,
    file_name   varchar(200) not null,
    content     varchar(2000000) not null,
    sha256      varchar(64) not null,
    imported_at timestamp with time zone not null,
    imported_by varchar(100) not null
);
