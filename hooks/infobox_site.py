"""MkDocs hook: pages generated from data/resources.yaml. The logic lives in infobox.site."""

from infobox.site.mkdocs_adapter import (
    on_build_error,
    on_config,
    on_env,
    on_files,
    on_page_content,
    on_page_read_source,
    on_shutdown,
    on_startup,
)

__all__ = [
    "on_build_error",
    "on_config",
    "on_env",
    "on_files",
    "on_page_content",
    "on_page_read_source",
    "on_shutdown",
    "on_startup",
]
