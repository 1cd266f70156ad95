"""What the app presents as the research's words is the research's words.

Every ``<blockquote>`` and ``<q>`` on the demo's pages must be found, verbatim, in the
research summary (the PDF's text, kept in tests/data; line breaks, whitespace and typographic
quotes and dashes aside), carry a ``cite`` URL and show its source next to it. The app's own
advice is a tip and never sits inside a quote.
"""

import re
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from buurt.models import Actor
from partners.links import create_link, link_path
from partners.models import Partner

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "data" / "ucll_samenwerken_in_zorgzame_buurten.txt"
SOURCE_TITLE = "Hoe kunnen we beter samenwerken in zorgzame buurten?"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
# Elements that start a new line when shown: their edges separate words.
BLOCKS = {"p", "li", "ul", "ol", "div", "br", "blockquote", "figcaption"}
TYPOGRAPHY = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
        "‘": "'", "’": "'", "‚": "'",
        "–": "-", "—": "-", "‑": "-",
        "…": "...", "\u00a0": " ",
    }
)  # fmt: skip


def normalise(text):
    text = re.sub(r"\s+", " ", text.translate(TYPOGRAPHY))
    # A dash between spaces is punctuation, or in the reference a list's bullet.
    text = re.sub(r"(?:(?<= )|^)-(?= |$)", "", text)
    return re.sub(r"\s+", " ", text).strip()


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self, without=None):
        inner = "".join(
            child if isinstance(child, str) else child.text(without)
            for child in self.children
            if child is not without
        )
        return f" {inner} " if self.tag in BLOCKS else inner

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def has_class(self, name):
        return name in self.attrs.get("class", "").split()


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("#root", [], None)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, attrs, self.current))

    def handle_endtag(self, tag):
        for node in [self.current, *self.current.ancestors()]:
            if node.tag == tag:
                self.current = node.parent
                return

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html):
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def quotes(root):
    return [e for e in root.iter() if e.tag in ("blockquote", "q")]


def problems(path, html, reference):
    """What is wrong with the quotes on one page, as readable lines."""
    found = []
    for element in quotes(parse(html)):
        text = normalise(element.text())
        where = f"{path} <{element.tag}> {text[:60]!r}"
        if not text or text not in reference:
            found.append(f"{where}: not verbatim in the research summary")
        if not element.attrs.get("cite"):
            found.append(f"{where}: no cite attribute")
        if SOURCE_TITLE not in normalise(element.parent.text(without=element)):
            found.append(f"{where}: no visible source next to it")
        if any(a.has_class("tip") for a in element.ancestors()):
            found.append(f"{where}: a research quote inside a tip")
    return found


@pytest.fixture(scope="module")
def reference():
    return normalise(REFERENCE.read_text(encoding="utf-8"))


@pytest.fixture
def demo_pages():
    """(path, html) for every kind of page of the demo, as its coordinator and partner see them."""
    call_command("demo", stdout=StringIO())
    coordinator = Client()
    assert coordinator.login(username="coordinator", password="demo")
    actor = Actor.objects.filter(buurt__slug="demo", partner__isnull=False).first()
    partner = Partner.objects.get(actor=actor)
    slug = ["demo"]
    paths = [
        reverse("coordinatie:dashboard", args=slug),
        reverse("buurt:ken_je_buurt", args=slug),
        reverse("coordinatie:vonken", args=slug),
        reverse("initiatieven:fruit", args=slug),
        reverse("initiatieven:reik_hoger", args=slug),
        reverse("initiatieven:bomen", args=slug),
        reverse("initiatieven:bos", args=slug),
        reverse("initiatieven:initiatief_list", args=slug),
        reverse("initiatieven:soort_choose", args=slug)
        + "?soort_doel=bewoners_ondersteunen&soort_aanleiding=uitval",
        reverse("initiatieven:soort_choose", args=slug) + "?soort_doel=zorg_op_buurtniveau",
        reverse("coordinatie:actor_detail", args=[*slug, actor.pk]),
        reverse("partnerportaal:partnerlink_list", args=[*slug, partner.pk]),
        reverse("buurt:over"),
    ]
    pages = {}
    for path in paths:
        response = coordinator.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content.decode()
    visitor = Client()
    _, token = create_link(partner)
    response = visitor.get(link_path(token), follow=True)
    assert response.status_code == 200
    pages[response.request["PATH_INFO"]] = response.content.decode()
    return pages


def test_every_quote_on_the_demo_pages_is_the_research_verbatim_with_its_source(
    demo_pages, reference
):
    found = [p for path, html in demo_pages.items() for p in problems(path, html, reference)]
    assert found == []


def test_the_pages_that_present_the_method_quote_the_research(demo_pages):
    presenting = [
        reverse("buurt:ken_je_buurt", args=["demo"]),
        reverse("coordinatie:vonken", args=["demo"]),
        reverse("initiatieven:fruit", args=["demo"]),
        reverse("initiatieven:bomen", args=["demo"]),
        reverse("initiatieven:initiatief_list", args=["demo"]),
        reverse("buurt:over"),
    ]
    for path in presenting:
        assert quotes(parse(demo_pages[path])), f"{path} presents the method without quoting it"


def test_the_about_page_gives_the_four_steps_and_the_two_framing_ideas(client, db, reference):
    root = parse(client.get(reverse("buurt:over")).content.decode())
    quoted = " ".join(normalise(q.text()) for q in quotes(root))
    for words in [
        "Geef de zorgzame buurt tijd om te groeien.",
        "(H)erken de eigenheid en ideale schaal van je initiatieven.",
        "durf klein beginnen",
        "kleine successen om het vuur verder aan te wakkeren",
        "Is het vuur er om hoger te reiken?",
        "Welke samenwerkingsintensiteit is effectief nodig om het doel te bereiken?",
    ]:
        assert words in quoted
    ids = {e.attrs.get("id") for e in root.iter()}
    assert {"ken-je-buurt", "zoek-vonken", "pluk-laaghangend-fruit", "ontwar-de-bomen"} <= ids


def test_a_loose_quote_is_caught(reference):
    cite = 'cite="https://lnkd.in/eh-EbFZq"'
    source = f"<figcaption>UCLL, <cite>{SOURCE_TITLE}</cite></figcaption>"
    verbatim = f"<figure><blockquote {cite}>Hou er rekening mee in je ambities.</blockquote>"
    loose = f"<figure><blockquote {cite}>Stem je ambities af op het vuur.</blockquote>"
    assert problems("/", verbatim + source + "</figure>", reference) == []
    assert problems("/", loose + source + "</figure>", reference)
    assert problems("/", "<p><q>Hou er rekening mee in je ambities.</q></p>", reference)
