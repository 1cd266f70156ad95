from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_get_queries(client, url, data=None):
    """The number of queries one successful GET of `url` runs (for query-count guards)."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(ctx.captured_queries)
