from pathlib import Path

from factcheck_app import appdirs


def test_environment_overrides_every_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("FACTCHECK_LOG_DIR", str(tmp_path / "l"))
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.delenv("FACTCHECK_STORE")
    assert appdirs.data_dir() == tmp_path / "d"
    assert appdirs.log_dir() == tmp_path / "l"
    assert appdirs.cache_dir() == tmp_path / "c"
    assert appdirs.default_store_path() == tmp_path / "d" / "library.factcheck.sqlite"
    monkeypatch.setenv("FACTCHECK_STORE", str(tmp_path / "x.sqlite"))
    assert appdirs.default_store_path() == tmp_path / "x.sqlite"


def test_platform_folders_name_the_app(monkeypatch):
    for variable in ("FACTCHECK_DATA_DIR", "FACTCHECK_LOG_DIR", "FACTCHECK_CACHE_DIR"):
        monkeypatch.delenv(variable, raising=False)
    for folder in (appdirs.data_dir(), appdirs.log_dir(), appdirs.cache_dir()):
        assert appdirs.APP_DIR_NAME in Path(folder).parts
