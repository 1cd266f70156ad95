"""The permission matrix: every URL pattern x persona x method.

Each module in this package, named after the app whose URLs it lists (``zorgzaam`` for the
root URLs), defines ``ROUTES``, a list of ``Route``. The guard in
tests/test_permission_matrix.py fails when a named URL pattern appears in no module.
Kwargs are built from the ``world`` fixture (tests/conftest.py).

A 200 must be the page asked for, not any page that happens to answer 200: each route with
a 200 cell names ``expect_text``, found in the page's ``<h1>``, or, for a response without
one (a partial, JSON, a file), anywhere in its body; and its ``content_type``.
"""

import importlib
import pkgutil
from dataclasses import dataclass, field

# "partner" is a visitor with a valid partner-link session for world.partner (no account).
PERSONAS = ("anonymous", "outsider", "onderzoeker", "coordinator", "partner")

# Shorthands for the usual expectations.
LOGIN = 302  # anonymous users are sent to the login page
# Researchers see no names of people in the app: only aggregates and pseudonymised exports.
READ = {"anonymous": LOGIN, "outsider": 404, "onderzoeker": 403, "coordinator": 200}
AGGREGATES = {**READ, "onderzoeker": 200}
NOT_ALLOWED = {"anonymous": LOGIN, "outsider": 405, "onderzoeker": 405, "coordinator": 405}
GET_ONLY = {"GET": READ, "POST": NOT_ALLOWED}
POST_ONLY = {"GET": NOT_ALLOWED}


def write(coordinator_status):
    """A buurt write: outsiders 404, researchers 403, coordinators get `coordinator_status`."""
    return {
        "anonymous": LOGIN,
        "outsider": 404,
        "onderzoeker": 403,
        "coordinator": coordinator_status,
    }


# A datalist's suggestions: asked without a datalist id, the coordinator gets a 400.
SUGGESTIONS = {"GET": {**READ, "coordinator": 400}, "POST": NOT_ALLOWED}
# A coordinator's form page: a POST without valid data shows the form again.
FORM = {"GET": write(200), "POST": write(200)}


@dataclass
class Route:
    name: str
    kwargs: object = None  # callable(world) -> dict, or None
    expect: dict = field(default_factory=dict)  # method -> {persona: status}
    data: object = None  # callable(world) -> dict of POST data
    expect_text: str = ""  # what only this page shows, asserted wherever it answers 200
    content_type: str = "text/html"

    def __post_init__(self):
        # A partner session grants nothing beyond the partner pages: where a route does not
        # say otherwise, the partner gets what an anonymous visitor gets.
        self.expect = {
            method: statuses
            if "partner" in statuses or "anonymous" not in statuses
            else {**statuses, "partner": statuses["anonymous"]}
            for method, statuses in self.expect.items()
        }

    def url_kwargs(self, world):
        return self.kwargs(world) if self.kwargs else {}

    def post_data(self, world):
        return self.data(world) if self.data else {}


def slug(w):
    return {"slug": w.buurt.slug}


def all_routes():
    from tests import matrix

    routes = []
    for module in pkgutil.iter_modules(matrix.__path__):
        routes.extend(importlib.import_module(f"tests.matrix.{module.name}").ROUTES)
    return routes
