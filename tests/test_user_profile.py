"""The checker's name kept for the app and the command line."""
from factcheck_app import user_profile


def test_no_name_until_one_is_given():
    assert user_profile.get_user_name() == ""
    assert user_profile.acting_user() == ""


def test_name_is_remembered_tidied_and_forgotten():
    user_profile.set_user_name("  Ana   Lima ")
    assert user_profile.get_user_name() == "Ana Lima"
    user_profile.set_user_name("")
    assert user_profile.get_user_name() == ""


def test_explicit_name_wins_over_environment_and_profile(monkeypatch):
    user_profile.set_user_name("Profile Name")
    monkeypatch.setenv("FACTCHECK_USER", "Env Name")
    assert user_profile.acting_user("Given Name") == "Given Name"
    assert user_profile.acting_user() == "Env Name"
    monkeypatch.delenv("FACTCHECK_USER")
    assert user_profile.acting_user() == "Profile Name"


def test_damaged_profile_reads_as_no_name():
    user_profile.profile_path().parent.mkdir(parents=True, exist_ok=True)
    user_profile.profile_path().write_text("{not json", encoding="utf-8")
    assert user_profile.get_user_name() == ""
    user_profile.set_user_name("Ana")
    assert user_profile.get_user_name() == "Ana"
