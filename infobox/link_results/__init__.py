"""What the link job knows, in the forms the other jobs read: the status history the site shows
(`status`), the run's report file that apply-moves edits from (`report_file`), and the rule for a
redirect that leads nowhere useful (`dead_ends`)."""
