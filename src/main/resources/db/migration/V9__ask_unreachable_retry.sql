-- An SMS ask whose handset was unreachable (Twilio 30003) is tried once more by SMS, later; the
-- second time it goes by email. This remembers that the one SMS retry was spent.

alter table ask add column unreachable_retried boolean not null default false;
