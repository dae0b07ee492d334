"""The link job: check every catalogue link with linkchecker, classify, keep history, report.

Modules: settings (linkcheck.toml), runner (the linkchecker child process), address_guard (its requests go
to public addresses only),
scheduler (which URL the child checks when), engine (one pass),
classify (one status per URL), check (re-checks), history, report (JSON/Markdown), mail, lock (one run per
history), job (CLI).
"""
