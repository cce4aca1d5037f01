"""What a public deployment relies on: the hardening settings, and no server path shown to viewers."""

import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from cityiso.paths import ROOT


def test_config_pins_the_public_deployment_settings() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] in ("none", "type")
    assert config["client"]["showErrorLinks"] is False
    assert config["client"]["toolbarMode"] == "viewer"
    server = config["server"]
    assert server["enableXsrfProtection"] is True
    assert server["enableCORS"] is True
    assert server["runOnSave"] is False
    assert server["maxUploadSize"] <= 1
    # Static serving only with a folder to serve (Streamlit warns at start-up otherwise).
    assert server["enableStaticServing"] is (ROOT / "static").is_dir()


def test_missing_database_message_names_the_file_not_the_server_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CITYISO_DB", str(tmp_path / "secret-folder" / "none.duckdb"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30).run()
    assert not at.exception
    message = at.error[0].value
    assert "none\\.duckdb" in message or "none.duckdb" in message
    assert "secret-folder" not in message and str(tmp_path) not in message
