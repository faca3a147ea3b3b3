-- Incoming SMS already acted on, so that a webhook Twilio repeats changes nothing more.
-- Only the message SID and the time: neither the sender's number nor the text is kept.
create table inbound_sms (
    message_sid text primary key,
    received_at timestamptz not null default now()
);
