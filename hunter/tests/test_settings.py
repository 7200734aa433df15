from __future__ import annotations

import json
import logging

import pytest

from hunter.env import SettingError, database_from_url, env_bool, env_list
from hunter.logs import JsonLineFormatter


def test_database_url_with_host_and_password():
    config = database_from_url("postgresql://hunter:s%40cret@db.internal:6543/jobs?sslmode=require")
    assert config["NAME"] == "jobs"
    assert config["USER"] == "hunter"
    assert config["PASSWORD"] == "s@cret"
    assert config["HOST"] == "db.internal"
    assert config["PORT"] == "6543"
    assert config["OPTIONS"] == {"sslmode": "require"}


def test_database_url_with_unix_socket_folder():
    config = database_from_url("postgresql://postgres:@/hunter?host=/srv/hunter/postgres")
    assert config["HOST"] == "/srv/hunter/postgres"
    assert config["NAME"] == "hunter"
    assert config["OPTIONS"] == {}


def test_database_url_of_another_engine_is_refused():
    with pytest.raises(SettingError, match="postgresql://"):
        database_from_url("mysql://root@localhost/hunter")


def test_boolean_setting_rejects_a_typo(monkeypatch):
    monkeypatch.setenv("DEBUG", "ture")
    with pytest.raises(SettingError, match="DEBUG"):
        env_bool("DEBUG")


def test_list_setting_drops_blank_entries(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", "hunter.example.com, ,localhost,")
    assert env_list("ALLOWED_HOSTS", []) == ["hunter.example.com", "localhost"]


def test_log_record_is_one_json_line_with_its_extra_fields():
    record = logging.makeLogRecord(
        {"name": "boards", "levelname": "WARNING", "msg": "scan_failed", "board": "Acme"}
    )
    line = JsonLineFormatter().format(record)
    assert "\n" not in line
    assert json.loads(line) | {"time": None} == {
        "time": None,
        "level": "warning",
        "logger": "boards",
        "event": "scan_failed",
        "board": "Acme",
    }
