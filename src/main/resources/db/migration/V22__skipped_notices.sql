-- A stand-down ("no longer needed") that is no longer true or no longer wanted when its turn comes
-- is not sent: the callout is no longer full, or the helper has answered or joined the standby list
-- since it filled.
alter table notice drop constraint notice_status_check;
alter table notice add constraint notice_status_check
    check (status in ('PENDING', 'SENDING', 'SENT', 'UNKNOWN', 'FAILED', 'SKIPPED'));
