import pytest
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError


def test_a_short_password_is_refused_in_dutch():
    with pytest.raises(ValidationError) as refused:
        validate_password("kort")
    assert (
        "Dit wachtwoord is te kort. Het moet minstens 8 tekens bevatten." in refused.value.messages
    )


def test_the_length_rule_is_explained_in_dutch():
    assert "Je wachtwoord moet minstens 8 tekens bevatten." in password_validators_help_texts()
