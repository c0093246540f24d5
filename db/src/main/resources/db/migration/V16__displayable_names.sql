-- Names are shown to other people (on payment pages, statements and the directory). Like DisplayText.name in
-- ledger-core: no control or bidirectional-control characters and nothing that starts like a markup tag. The
-- registrar refuses such names first with a clear message; these checks hold even for a buggy writer.
alter table app_user add constraint app_user_display_name_displayable check (
    display_name !~ '[\u0001-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]'
    and display_name !~ '<[[:alpha:]/!?]');
alter table merchant add constraint merchant_name_displayable check (
    name !~ '[\u0001-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]'
    and name !~ '<[[:alpha:]/!?]');
alter table civic_group add constraint civic_group_name_displayable check (
    name !~ '[\u0001-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]'
    and name !~ '<[[:alpha:]/!?]');
