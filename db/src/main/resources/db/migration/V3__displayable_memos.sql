-- Memos are shown on statements, receipts and exports: like DisplayText.printable in ledger-core, refuse control
-- characters (tab, newline and carriage return aside) and the bidirectional controls that can disguise what a
-- reader sees. The Java rules decide first (MEMO_INVALID); this keeps a buggy writer from storing one anyway.
alter table entry add constraint entry_memo_displayable check (
    memo !~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]');
