from partners.models import Enthousiasme, Partner
from partners.services import make_partner
from tests import factories as f


def test_make_partner_gives_a_first_rating(buurt, coordinator):
    partner, created = make_partner(f.make_actor(buurt), door=coordinator, niveau="vuur")
    assert created
    assert partner.enthousiasme.get().door == coordinator


def test_making_a_partner_twice_keeps_the_first(buurt):
    actor = f.make_actor(buurt)
    first, _created = make_partner(actor, niveau="vonk")
    again, created_again = make_partner(actor, niveau="vuur")
    assert again == first and not created_again
    assert Partner.objects.count() == 1
    assert list(Enthousiasme.objects.values_list("niveau", flat=True)) == ["vonk"]
