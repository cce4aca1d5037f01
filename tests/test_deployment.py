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
    assert server["fileWatcherType"] == "none"  # a deployment's code changes only by a restart
    assert server["maxUploadSize"] <= 1
    # Static serving only with a folder to serve (Streamlit warns at start-up otherwise).
    assert server["enableStaticServing"] is (ROOT / "static").is_dir()
    assert server["enableAgentApi"] is False  # no driving the app without a browser
    assert config["browser"]["serverAddress"]  # printed at start instead of an external IP looked up outside


def test_the_server_never_asks_an_outside_service_for_its_ip(monkeypatch: pytest.MonkeyPatch) -> None:
    """Streamlit looks up the machine's external IP over HTTP at start and for every unknown websocket origin; the
    launcher turns the look-up off, so neither sends a request and a foreign origin is still refused."""
    from streamlit import net_util
    from streamlit.web.server import server_util

    from cityiso.app import serve

    asked: list[str] = []
    monkeypatch.setattr(net_util, "get_external_ip", net_util.get_external_ip)  # put back after the test
    monkeypatch.setattr(net_util, "_external_ip", None)
    monkeypatch.setattr(net_util, "_make_blocking_http_get", lambda url, timeout: asked.append(url))
    serve.no_external_ip()
    assert net_util.get_external_ip() is None
    assert server_util.is_url_from_allowed_origins("http://rebind.attacker.example") is False
    assert asked == []


def test_the_proxy_example_shows_the_public_no_internal_address() -> None:
    """deploy/nginx.conf sends no header naming a replica's address, and refuses the agent API itself."""
    active = [line.split("#")[0] for line in (ROOT / "deploy" / "nginx.conf").read_text().splitlines()]
    assert not [line for line in active if "upstream_addr" in line and "add_header" in line]
    assert any(line.strip().startswith("location ^~ /_stcore/agent/") and "404" in line for line in active)


def test_missing_database_message_names_the_file_not_the_server_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CITYISO_DB", str(tmp_path / "secret-folder" / "none.duckdb"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30).run()
    assert not at.exception
    message = at.error[0].value
    assert "none\\.duckdb" in message or "none.duckdb" in message
    assert "secret-folder" not in message and str(tmp_path) not in message
