"""The compiled-template cache (infobox.site.render.template_cache): a new process compiles only templates
whose source changed, and a cache that is damaged, unwritable or impossible never fails a build."""

from __future__ import annotations

from pathlib import Path

import pytest

from infobox.site import render

TEMPLATE = "home.md.j2"


def fresh_environment(monkeypatch, folder: Path | str) -> tuple[object, list[str]]:
    """An environment as a new process makes it, with the cache in `folder`; and the names it compiles."""
    monkeypatch.setenv("INFOBOX_TEMPLATE_CACHE", str(folder))
    env = render.environment.__wrapped__()
    compiled: list[str] = []
    compile_source = env.compile

    def counting_compile(source, name=None, filename=None, *args, **kwargs):
        compiled.append(name)
        return compile_source(source, name, filename, *args, **kwargs)

    env.compile = counting_compile
    return env, compiled


def template_source(env, name: str) -> str:
    return env.loader.get_source(env, name)[0]


def code_of(template):
    """The compiled body of a template: what runs when a page is rendered."""
    code = template.root_render_func.__code__
    return code.co_code, code.co_consts


def test_a_second_process_reads_the_compiled_templates(monkeypatch, tmp_path):
    first, compiled_first = fresh_environment(monkeypatch, tmp_path)
    compiled_template = first.get_template(TEMPLATE)
    assert TEMPLATE in compiled_first
    assert list(tmp_path.iterdir()), "nothing was cached"

    second, compiled_second = fresh_environment(monkeypatch, tmp_path)
    cached_template = second.get_template(TEMPLATE)
    assert compiled_second == []  # read from the cache, not compiled again
    assert code_of(cached_template) == code_of(compiled_template)


def test_an_edited_template_is_compiled_again(monkeypatch, tmp_path):
    first, _ = fresh_environment(monkeypatch, tmp_path)
    first.get_template(TEMPLATE)
    second, compiled = fresh_environment(monkeypatch, tmp_path)
    edited = template_source(second, TEMPLATE) + "\nbewerkt\n"
    monkeypatch.setattr(second.loader, "get_source", lambda env, name: (edited, None, lambda: False))
    template = second.get_template(TEMPLATE)
    assert compiled == [TEMPLATE]
    assert any("bewerkt" in str(value) for value in code_of(template)[1])  # the edited text is in the code


def test_a_damaged_cache_entry_is_compiled_again(monkeypatch, tmp_path):
    first, _ = fresh_environment(monkeypatch, tmp_path)
    first.get_template(TEMPLATE)
    for entry in tmp_path.iterdir():
        entry.write_bytes(entry.read_bytes()[:40])  # cut short, as by a killed build
    second, compiled = fresh_environment(monkeypatch, tmp_path)
    assert code_of(second.get_template(TEMPLATE)) == code_of(first.get_template(TEMPLATE))
    assert TEMPLATE in compiled


@pytest.mark.parametrize("where", ["under a file", "removed after start"])
def test_a_cache_that_cannot_be_written_only_costs_compiling(monkeypatch, tmp_path, where):
    if where == "under a file":
        blocker = tmp_path / "a-file"
        blocker.write_text("x")
        folder = blocker / "cache"  # no folder can be made here
    else:
        folder = tmp_path / "cache"
    env, compiled = fresh_environment(monkeypatch, folder)
    if where == "removed after start":
        folder.rmdir()
    assert code_of(env.get_template(TEMPLATE))[0]  # compiled, and no error
    assert TEMPLATE in compiled
    assert not folder.exists()


def test_an_empty_setting_turns_the_cache_off(monkeypatch, tmp_path):
    monkeypatch.setenv("INFOBOX_TEMPLATE_CACHE", "")
    assert render.template_cache() is None
    assert render.environment.__wrapped__().bytecode_cache is None
