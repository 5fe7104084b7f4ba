-- ISO record control: audit entries can be added, never changed or removed, even by SQL.
create trigger audit_event_no_update before update on audit_event
    for each row call 'com.careloop.platform.audit.AppendOnlyTrigger';
create trigger audit_event_no_delete before delete on audit_event
    for each row call 'com.careloop.platform.audit.AppendOnlyTrigger';
