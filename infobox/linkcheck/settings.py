"""Settings of the link job. Their one source is the commented `linkcheck.toml` at the repository root
(every line says why); an explicit `--config` file overrides some or all of them.

Both files are checked strictly: a missing explicit file, an unknown key or a value of the wrong type stops
the job with `FILE:LINE: message` lines in Dutch, so a typo never silently falls back to another value.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import get_type_hints

DEFAULT_CONFIG = Path(__file__).resolve().parents[2] / "linkcheck.toml"
TABLE = "linkcheck"
MAX_BYTES = 1024 * 1024  # linkcheck.toml is a few KB


@dataclass(frozen=True)
class Settings:
    """One field per key of linkcheck.toml's [linkcheck] table; the values (and why) live there."""

    timeout: int
    per_host: int
    threads: int
    run_budget: int
    host_timeouts: int
    retries: int
    backoff: float
    max_retry_after: float
    transient_runs: int
    user_agent: str
    soft_404: str
    youtube_oembed: str
    archive_api: str
    archive_timeout: float
    archive_interval: float
    ignore: tuple[str, ...]


class SettingsError(ValueError):
    """One or more `FILE:LINE: message` lines about a settings file."""


TYPE_NAMES = {int: "een geheel getal", float: "een getal", str: "tekst", tuple[str, ...]: "een lijst met tekst"}


def _line_of(text: str, key: str) -> int | None:
    match = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _checked(value, expected):
    """The value converted to the field's type, or None when it has the wrong type."""
    if expected is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if expected is float:
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    if expected is str:
        return value if isinstance(value, str) else None
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return None


def read_config(path: Path) -> dict:
    """The [linkcheck] table of one file, type-checked; raises SettingsError with every problem."""
    if not path.is_file():
        raise SettingsError(f"{path}: instellingenbestand bestaat niet")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SettingsError(f"{path}: is groter dan {MAX_BYTES // 1024} KB; dit is geen instellingenbestand")
        text = path.read_bytes().decode("utf-8")
        raw = tomllib.loads(text)
    except OSError as error:
        raise SettingsError(f"{path}: kan niet worden gelezen ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: is geen UTF-8-tekst") from None
    except tomllib.TOMLDecodeError as error:
        at = re.search(r"\(at line (\d+), column \d+\)", str(error))
        raise SettingsError(f"{path}:{at[1] if at else 1}: geen geldige TOML: {error}") from None
    except RecursionError:  # tomllib nests by recursion: a = [[[[…]]]]
        raise SettingsError(f"{path}: is te diep genest; dit is geen instellingenbestand") from None
    if not isinstance(raw.get(TABLE, {}), dict):
        raise SettingsError(f"{path}: '{TABLE}' moet een tabel zijn: [{TABLE}]")
    problems = [f"{path}: onbekende tabel [{name}] (alleen [{TABLE}])" for name in raw if name != TABLE]
    types = get_type_hints(Settings)
    values = {}
    for key, value in raw.get(TABLE, {}).items():
        where = f"{path}:{_line_of(text, key) or 1}"
        if key not in types:
            problems.append(f"{where}: onbekende instelling '{key}'")
            continue
        converted = _checked(value, types[key])
        if converted is None:
            problems.append(f"{where}: {key} moet {TYPE_NAMES[types[key]]} zijn, niet {value!r}")
        else:
            values[key] = converted
    if problems:
        raise SettingsError("\n".join(problems))
    return values


def load_settings(path: str | Path | None = None, default: Path = DEFAULT_CONFIG, **overrides) -> Settings:
    """linkcheck.toml (must set every key), then the explicit file's keys, then non-None overrides."""
    values = read_config(default)
    missing = [f.name for f in fields(Settings) if f.name not in values]
    if missing:
        raise SettingsError(f"{default}: instelling(en) ontbreken: {', '.join(missing)}")
    if path is not None:
        values.update(read_config(Path(path)))
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)
