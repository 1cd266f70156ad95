"""One-time submission tokens: the first submission of a token wins, atomically."""

import threading
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory

from buurt.once import first_submission
from tests import factories as f


def _post(user, **data):
    request = RequestFactory().post("/", data)
    request.user = user
    return request


def test_the_tag_renders_a_fresh_hidden_token():
    template = Template("{% load once %}{% once_field %}")
    first, second = (template.render(Context()) for _ in range(2))
    assert first.startswith('<input type="hidden" name="eenmalig" value="')
    assert first != second


@pytest.mark.django_db
def test_a_token_counts_once_per_user_and_scope():
    anna, bert = f.make_user("anna"), f.make_user("bert")
    assert first_submission(_post(anna, eenmalig="t"), "succes")
    assert not first_submission(_post(anna, eenmalig="t"), "succes")
    assert first_submission(_post(bert, eenmalig="t"), "succes")
    assert first_submission(_post(anna, eenmalig="t"), "team")
    assert first_submission(_post(anna, eenmalig="u"), "succes")


@pytest.mark.django_db
def test_a_post_without_a_token_is_always_allowed():
    anna = f.make_user("anna")
    assert all(first_submission(_post(anna), "succes") for _ in range(2))


@pytest.mark.django_db
def test_the_cache_key_holds_no_raw_token(monkeypatch):
    keys = []
    monkeypatch.setattr(cache, "add", lambda key, *args: keys.append(key) or True)
    request = _post(AnonymousUser(), eenmalig="geheim-token")
    request.session = SimpleNamespace(session_key="een-partnersessie")
    first_submission(request, "voorkeur")
    assert keys and "geheim-token" not in keys[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite cannot race writes")
@pytest.mark.django_db(transaction=True)
def test_of_ten_adds_at_once_one_wins():
    start = threading.Barrier(10)
    results = []

    def add():
        try:
            start.wait()
            results.append(cache.add("eenmalig:race", 1, 60))
        finally:
            connection.close()

    threads = [threading.Thread(target=add) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cache.delete("eenmalig:race")
    assert sorted(results) == [False] * 9 + [True]
