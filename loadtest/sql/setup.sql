-- Run once per run, after the service has migrated the schema. The load test keeps its own
-- tables in a schema of its own: the tokens it seeded (only their hashes are in ask) and the
-- tables pgbench writes to.
create schema loadtest;
create table loadtest.callout (scenario text not null, rep int not null, idx int not null, id uuid not null);
create table loadtest.token (
    scenario   text not null,
    rep        int not null,
    n          int not null,
    callout_id uuid,
    helper_id  uuid not null,
    token      text not null
);
create sequence loadtest.short_code;
-- The confirmation table's columns, checks, primary key and index, without the foreign keys.
create table loadtest.bench_one (like public.confirmation including all);
create table loadtest.bench_batch (like public.confirmation including all);
insert into organisation (slug, name, contact_email, status)
values ('loadtest', 'Lasttest', 'kontakt@loadtest.example.org', 'APPROVED');
