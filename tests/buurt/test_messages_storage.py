"""Flash messages name actors (natural persons): they stay on the server, not in a cookie."""

from django.urls import reverse


def test_a_message_naming_an_actor_is_not_sent_as_a_cookie(buurt, coordinator_client):
    response = coordinator_client.post(
        reverse("buurt:actor_create", args=[buurt.slug]),
        {"naam": "Jan Peeters", "soort": "bewoner"},
    )
    assert response.status_code == 302
    assert "messages" not in response.cookies
    page = coordinator_client.get(response["Location"])
    assert 'message-success">Jan Peeters' in page.text  # still shown, once
